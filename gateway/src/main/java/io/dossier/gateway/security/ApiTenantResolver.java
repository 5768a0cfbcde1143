package io.dossier.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;

/**
 * Two ways in: the browser's session (default tenant, code flow) and integrators' bearer tokens (tenant {@code api}).
 * An API call with a bearer token, or without a session, is a bearer call: it gets a 401, never a login redirect.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    public static final String API_TENANT = "api";
    private static final String SESSION_COOKIE = "q_session";

    @Override
    public String resolve(RoutingContext context) {
        boolean api = context.normalizedPath().startsWith("/api/");
        boolean bearer = context.request().getHeader("Authorization") != null;
        // a large session is split into q_session_chunk_1, _2, ...
        boolean session = context.request().cookies().stream().anyMatch(c -> c.getName().startsWith(SESSION_COOKIE));
        return api && (bearer || !session) ? API_TENANT : null;
    }
}
