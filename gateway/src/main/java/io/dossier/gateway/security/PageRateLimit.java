package io.dossier.gateway.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The per-caller rate limit covers everything the gateway answers itself, not only the API entry: pages, forms,
 * exports, typeahead and the other UI endpoints draw on the same bucket as the caller's /api/v1 calls (which
 * {@code ApiProxy} counts), so no route of the gateway can be used to go around it. An export counts each search it
 * makes ({@code SearchPage}). Over the limit, a page gets the 429 page and Retry-After.
 */
public class PageRateLimit {

    private final RateLimiter limiter;
    private final SecurityIdentity identity;

    public PageRateLimit(RateLimiter limiter, SecurityIdentity identity) {
        this.limiter = limiter;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/") || path.startsWith("/q/") || identity.isAnonymous()) {
            return null; // the API entry counts its own calls; the developer tools are not the product's
        }
        return limiter.check(identity.getPrincipal().getName());
    }
}
