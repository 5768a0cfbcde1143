package io.dossier.gateway.security;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;

/**
 * Two ways in: the browser's session (default tenant, code flow) and integrators' bearer tokens (tenant {@code api}).
 * An API call with a bearer token, or without a session, is a bearer call: it gets a 401, never a login redirect.
 */
@ApplicationScoped
public class ApiTenantResolver implements TenantResolver {

    // Not named after a path segment: Quarkus would also pick a tenant whose id matches the path (/api/...).
    public static final String API_TENANT = "bearer";
    /** The session cookie, or its first chunk when a large session is split (q_session_chunk_1, _2, ...). */
    private static final Pattern SESSION_COOKIE = Pattern.compile("(^|;)\\s*q_session(_chunk_1)?=");

    @Override
    public String resolve(RoutingContext context) {
        boolean api = context.normalizedPath().startsWith("/api/");
        boolean bearer = context.request().getHeader("Authorization") != null;
        boolean session = hasSession(context.request().getHeader("Cookie"));
        return api && (bearer || !session) ? API_TENANT : null;
    }

    /** Whether a Cookie header carries the browser's session. */
    static boolean hasSession(String cookies) {
        return cookies != null && SESSION_COOKIE.matcher(cookies).find();
    }
}
