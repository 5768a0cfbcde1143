package io.dossier.gateway.proxy;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The single authenticated API entry. Its OpenAPI document is not drawn from this class but is the merge of the
 * services' own documents ({@code META-INF/openapi.json}, {@link ApiDocument}).
 */
@Path("/api/v1/{path: .+}")
@Authenticated
public class ApiProxyResource {

    private final ApiProxy proxy;
    private final SecurityIdentity identity;

    public ApiProxyResource(ApiProxy proxy, SecurityIdentity identity) {
        this.proxy = proxy;
        this.identity = identity;
    }

    @GET
    public Uni<Response> get(@Context HttpServerRequest request) {
        return proxy.forward(request, identity, null);
    }

    @DELETE
    public Uni<Response> delete(@Context HttpServerRequest request) {
        return proxy.forward(request, identity, null);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> post(@Context HttpServerRequest request, byte[] body) {
        return proxy.forward(request, identity, body);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> put(@Context HttpServerRequest request, byte[] body) {
        return proxy.forward(request, identity, body);
    }

    @PATCH
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> patch(@Context HttpServerRequest request, byte[] body) {
        return proxy.forward(request, identity, body);
    }
}
