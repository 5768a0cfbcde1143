package io.dossier.entities.ftm;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/** FollowTheMoney files into the registry, as jobs that report each line's outcome. */
@Path("/api/v1/entities/ftm/imports")
@Tag(name = "Registry imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("editor")
public class FtmImportResource {

    private final FtmSpool spool;
    private final FtmImportStore store;
    private final FtmImportRunner runner;
    private final SecurityIdentity identity;

    public FtmImportResource(FtmSpool spool, FtmImportStore store, FtmImportRunner runner,
            SecurityIdentity identity) {
        this.spool = spool;
        this.store = store;
        this.runner = runner;
        this.identity = identity;
    }

    @POST
    @Consumes({FtmResource.JSONL, "application/jsonl", MediaType.APPLICATION_JSON})
    @RequestBody(required = true, content = @Content(mediaType = FtmResource.JSONL, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(operationId = "startFtmImport", summary = "Import FollowTheMoney entities (JSON Lines), e.g. an OpenSanctions export", description = """
            The file is taken in as it arrives (counted against the limits: 2 million lines, 2 GiB by default) and
            worked through in the background; follow the job at the Location answered, and read each line's
            outcome in its items. Entities (Person; Organization, Company, LegalEntity, PublicBody; Address; Event)
            are created, updated or left unchanged, keyed on their FtM id (dossier-<id> names an entity of this
            registry); relationship entities (Membership, Employment, Directorship, Associate, Family, Ownership,
            UnknownLink) become relations in a second pass, once their ends are known. Outcomes: created,
            possible_twin (created, with the existing entities it may be), updated, unchanged, or skipped with the
            reason (an unknown schema, a line that is not FtM, an end that is nowhere, an id seen before in the
            file). Values over the registry's limits are cut, with a note. A job stopped by a restart resumes where
            it was.""")
    @APIResponse(responseCode = "202", description = "Received; the job", headers = @Header(name = "Location", description = "The job", schema = @Schema(type = SchemaType.STRING, format = "uri")), content = @Content(schema = @Schema(implementation = FtmImportDto.class)))
    @APIResponse(responseCode = "400", description = "An empty or unreadable body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More lines or bytes than the limits", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(InputStream body) {
        FtmImportJob job = spool.accept(body, identity.getPrincipal().getName());
        runner.submit(job.id);
        return Response.accepted(FtmImportDto.of(job)).location(URI.create("/api/v1/entities/ftm/imports/"
                + job.id)).build();
    }

    @GET
    @Operation(operationId = "listFtmImports", summary = "Recent FtM imports, newest first")
    @APIResponse(responseCode = "200", description = "A page of jobs")
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<FtmImportDto> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return store.list(page, size).stream().map(FtmImportDto::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getFtmImport", summary = "Where an FtM import stands: pass, progress and counts")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = FtmImportDto.class)))
    @APIResponse(responseCode = "404", description = "No such import", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FtmImportDto get(@PathParam("id") UUID id) {
        return store.find(id).map(FtmImportDto::of).orElseThrow(() -> ProblemException.notFound("No FtM import "
                + id));
    }

    @GET
    @Path("{id}/items")
    @Operation(operationId = "listFtmImportItems", summary = "What became of each line", description = "In line order; filter by outcome (e.g. skipped, with the reasons); page with after = next.")
    @APIResponse(responseCode = "200", description = "A page of items", content = @Content(schema = @Schema(implementation = FtmItemPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such import", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FtmItemPage items(@PathParam("id") UUID id,
            @Parameter(description = "Only this outcome") @QueryParam("outcome") @Pattern(regexp = "created|possible_twin|updated|unchanged|skipped", message = "must be created, possible_twin, updated, unchanged or skipped") String outcome,
            @QueryParam("after") @DefaultValue("0") @Min(0) int after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        get(id);
        List<FtmImport.Item> items = store.items(id, outcome, after, limit);
        return new FtmItemPage(items, items.size() < limit ? null : items.get(items.size() - 1).line());
    }
}
