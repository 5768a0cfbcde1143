package io.dossier.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.common.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * An API call without a valid bearer token or session is refused before any resource runs (proactive
 * authentication, which the browser's sign-in needs): the answer is a problem, as every other error of the API, not
 * an empty body. Sign-in redirects of pages are not touched.
 */
@ApplicationScoped
public class ApiAuthProblems {

    private final ObjectMapper json;

    public ApiAuthProblems(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        // after the routes that put the security and cache headers on every answer (they run first, at the lowest
        // order), before authentication
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).failureHandler(this::handle);
        // no credentials at all: Quarkus answers the challenge itself, with no body, so the refusal is made here
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(context -> {
            if (!bearer(context.request().getHeader(HttpHeaders.AUTHORIZATION))
                    && !ApiTenantResolver.hasSession(context.request().getHeader("Cookie"))) {
                context.fail(new UnauthorizedException());
            } else {
                context.next();
            }
        });
    }

    /** An Authorization header that carries a bearer token (Basic and the like carry none here). */
    private static boolean bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
    }

    /** A call with a bearer token, or with nothing: a browser session's failures are {@link SignInAgain}'s. */
    private static boolean bearerCall(RoutingContext context) {
        return context.request().getHeader(HttpHeaders.AUTHORIZATION) != null
                || !ApiTenantResolver.hasSession(context.request().getHeader("Cookie"));
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (!bearerCall(context)) {
            context.next();
            return;
        }
        Problem problem;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            problem = Problem.of(401, "Sign in, or send a valid bearer token");
            context.response().putHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        } else if (failure instanceof ForbiddenException) {
            problem = Problem.of(403, "Your roles do not allow this request");
        } else {
            context.next();
            return;
        }
        if (context.response().ended()) {
            return;
        }
        try {
            context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem.withInstance(context.normalizedPath())));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
