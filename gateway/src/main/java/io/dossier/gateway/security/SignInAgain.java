package io.dossier.gateway.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.dossier.common.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * A session that cannot go on (its refresh failed, the provider ended it, its cookie no longer decrypts) sends the
 * browser to sign in again: a page gets the code flow's redirect to the login page, the API a 401 problem. The
 * services' shared mapper (written for bearer callers) would answer a page with a 401 problem, which a browser shows
 * as it is; this one takes precedence in the gateway.
 */
public class SignInAgain {

    @ServerExceptionMapper(value = AuthenticationFailedException.class, priority = Priorities.USER - 100)
    public Uni<Response> signInAgain(RoutingContext request, AuthenticationFailedException failure) {
        String path = request.normalizedPath();
        if (path.startsWith("/api/")) {
            String detail = request.request().getHeader(HttpHeaders.AUTHORIZATION) == null
                    ? "The session has ended: sign in again"
                    : "A valid bearer token is required";
            return Uni.createFrom().item(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(Problem.MEDIA_TYPE).entity(Problem.of(401, detail).withInstance(path)).build());
        }
        if (request.response().headers().contains(HttpHeaders.LOCATION)) {
            // the authentication layer has already sent the code flow's challenge (status, Location, state cookie)
            return Uni.createFrom().item(Response.status(request.response().getStatusCode()).build());
        }
        HttpAuthenticator authenticator = request.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(Problem.of(401, "Sign in again").withInstance(path).toResponse());
        }
        return authenticator.getChallenge(request).map(challenge -> redirect(challenge, path));
    }

    private static Response redirect(ChallengeData challenge, String path) {
        if (challenge == null) {
            return Problem.of(401, "Sign in again").withInstance(path).toResponse();
        }
        Response.ResponseBuilder response = Response.status(challenge.status);
        challenge.getHeaders().forEach((name, value) -> response.header(name.toString(), value));
        return response.build();
    }
}
