package io.dossier.sources.imports;

import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.dossier.common.security.CollectionAccess;
import io.dossier.sources.ingest.IngestService;
import io.dossier.sources.source.SourceRules;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/imports")
@Tag(name = "Imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final String ZIP = "application/zip";
    static final String JSONL = "application/x-ndjson";
    static final String JSONL_ALT = "application/jsonl";

    private final ImportService imports;
    private final ImportRunner runner;
    private final ImportSpool spool;
    private final SecurityIdentity identity;

    public ImportResource(ImportService imports, ImportRunner runner, ImportSpool spool,
            SecurityIdentity identity) {
        this.imports = imports;
        this.runner = runner;
        this.spool = spool;
        this.identity = identity;
    }

    @POST
    @Consumes({ZIP, JSONL, JSONL_ALT})
    @RolesAllowed("analyst")
    @Operation(operationId = "startImport", summary = "Start a bulk import", description = """
            The body is a ZIP of files (each ingested like an upload) or JSON Lines (one source per line, shaped like
            a JSON ingest). It is spooled and checked (size, zip bombs, paths leaving the archive), then worked
            through in the background; follow it at the Location answered. Every item is idempotent on its content,
            so importing the same input again only finds duplicates. Every item passes the checks a direct post by
            the caller would: a line naming a collection the caller cannot read fails with the reason, and content
            already stored in such a collection is reported as a duplicate without naming the source.""")
    @RequestBody(required = true, content = {
            @Content(mediaType = JSONL, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "202", description = "Accepted; the job", headers = @Header(name = "Location"), content = @Content(schema = @Schema(implementation = ImportJobDto.class)))
    @APIResponse(responseCode = "400", description = "Not a readable archive, a path leaving it, no items, or invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than the limit, too many items, or a zip bomb", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither a ZIP nor JSON Lines", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("collection") @Pattern(regexp = SourceRules.COLLECTION, message = SourceRules.COLLECTION_MESSAGE) String collection,
            @QueryParam("tag") @Size(max = 50) List<@NotBlank @Pattern(regexp = SourceRules.TAG, message = SourceRules.TAG_MESSAGE) String> tags) {
        ImportFormat format = format(contentType);
        String target = collection == null ? IngestService.DEFAULT_COLLECTION : collection;
        if (!CollectionAccess.mayRead(identity, target)) {
            throw new ProblemException(403, "You may not add sources to collection " + target
                    + ": you cannot read it");
        }
        UUID id = UUID.randomUUID();
        ImportSpool.Spooled spooled = spool.accept(body, id, format);
        ImportJob job = new ImportJob();
        job.id = id;
        job.format = format;
        job.collection = target;
        Set<String> readable = CollectionAccess.readable(identity);
        // only names a collection can have (a role may name anything; a source's collection cannot)
        job.readable = readable == null
                ? null
                : new ArrayList<>(readable.stream().filter(c -> c.matches(SourceRules.COLLECTION)).toList());
        job.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags.stream().distinct().toList());
        job.status = ImportStatus.QUEUED;
        job.spoolPath = spooled.path().toString();
        job.total = spooled.items();
        job.createdBy = identity.getPrincipal().getName();
        job.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        ImportJobDto created = imports.create(job);
        runner.submit(id);
        return Response.accepted(created).location(URI.create("/api/v1/imports/" + id)).build();
    }

    /** The format a Content-Type names; anything but exactly ZIP or JSON Lines is refused (415). */
    static ImportFormat format(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case ZIP -> ImportFormat.ZIP;
            case JSONL, JSONL_ALT -> ImportFormat.JSONL;
            default -> throw new ProblemException(415, "Send a ZIP archive (" + ZIP + ") or JSON Lines (" + JSONL
                    + ")");
        };
    }

    @GET
    @RolesAllowed("analyst")
    @Operation(operationId = "listImports", summary = "Recent imports, newest first", description = "Only the jobs whose collections (the one given and every one written to) the caller may read; administrators see all.")
    @APIResponse(responseCode = "200", description = "A page of jobs")
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ImportJobDto> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return imports.list(CollectionAccess.readable(identity), page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed("analyst")
    @Operation(operationId = "getImport", summary = "Where an import stands: status, progress and counts")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = ImportJobDto.class)))
    @APIResponse(responseCode = "404", description = "No such import, or one in collections the caller cannot read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJobDto get(@PathParam("id") UUID id) {
        return visible(id);
    }

    @GET
    @Path("{id}/items")
    @RolesAllowed("analyst")
    @Operation(operationId = "listImportItems", summary = "What became of each item", description = "In position order; filter by outcome (e.g. FAILED, with reasons); page with after = next.")
    @APIResponse(responseCode = "200", description = "A page of items", content = @Content(schema = @Schema(implementation = ImportItemPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such import, or one in collections the caller cannot read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportItemPage items(@PathParam("id") UUID id, @QueryParam("outcome") ItemOutcome outcome,
            @QueryParam("after") @DefaultValue("0") @Min(0) int after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        visible(id);
        return imports.items(id, CollectionAccess.readable(identity), outcome, after, limit);
    }

    /** The job if the caller may see it; otherwise, as when it does not exist, a 404. */
    private ImportJobDto visible(UUID id) {
        return imports.find(id, CollectionAccess.readable(identity))
                .orElseThrow(() -> ProblemException.notFound("No import " + id));
    }
}
