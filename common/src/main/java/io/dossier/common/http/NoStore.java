package io.dossier.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every API answer may carry documents of collections that only some may read: no browser or shared cache keeps it
 * ({@code Cache-Control: private, no-store}), unless the answer says otherwise itself.
 */
public class NoStore {

    public static final String VALUE = "private, no-store";

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/api/")
                && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, VALUE);
        }
    }
}
