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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The single authenticated API entry. The services' own OpenAPI documents describe each path; this one says how the
 * gateway forwards them.
 */
@Path("/api/v1/{path: .+}")
@Authenticated
@Tag(name = "API entry", description = "Forwards /api/v1/** to the owning service with the caller's token")
@APIResponse(responseCode = "401", description = "No valid session or bearer token")
@APIResponse(responseCode = "404", description = "No service owns this path", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "The owning service failed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The owning service is down", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "504", description = "The owning service did not answer in time", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ApiProxyResource {

    private final ApiProxy proxy;
    private final SecurityIdentity identity;

    public ApiProxyResource(ApiProxy proxy, SecurityIdentity identity) {
        this.proxy = proxy;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Forward a GET to the owning service")
    public Uni<Response> get(@Context HttpServerRequest request) {
        return proxy.forward(request, identity, null);
    }

    @DELETE
    @Operation(summary = "Forward a DELETE to the owning service")
    public Uni<Response> delete(@Context HttpServerRequest request) {
        return proxy.forward(request, identity, null);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Forward a POST to the owning service")
    public Uni<Response> post(@Context HttpServerRequest request, byte[] body) {
        return proxy.forward(request, identity, body);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Forward a PUT to the owning service")
    public Uni<Response> put(@Context HttpServerRequest request, byte[] body) {
        return proxy.forward(request, identity, body);
    }

    @PATCH
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Forward a PATCH to the owning service")
    public Uni<Response> patch(@Context HttpServerRequest request, byte[] body) {
        return proxy.forward(request, identity, body);
    }
}
