package io.dossier.search.query;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/search/documents")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("reader")
public class DocumentResource {

    private final SearchService search;
    private final SecurityIdentity identity;

    public DocumentResource(SearchService search, SecurityIdentity identity) {
        this.search = search;
        this.identity = identity;
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getIndexedDocument", summary = "One indexed document", description = "Its text and metadata as indexed, the registry entities it is linked to, and where the text mentions them (offsets into title or text); with q, also where its words match the query (matches), as search reads it; only a document the caller may read.")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such document, or not one the caller may read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch is unreachable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DocumentView document(
            @PathParam("id") @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a source id") String id,
            @Parameter(description = "A search whose words to find in the document (as the search page reads it)") @QueryParam("q") @Size(max = 1000, message = "must be at most 1,000 characters") String q,
            @Parameter(description = "The query's words only as written, not their other forms") @QueryParam("exact") @DefaultValue("false") boolean exact) {
        return search.document(id.toLowerCase(java.util.Locale.ROOT), q, exact, identity);
    }

    @GET
    @Path("{id}/similar")
    @Operation(operationId = "similarDocuments", summary = "Documents like this one", description = "More like this: documents sharing this one's most distinctive words (folded, so across spellings), raised by the entities they share with it; only documents the caller may read.")
    @APIResponse(responseCode = "200", description = "Similar documents, best first", content = @Content(schema = @Schema(implementation = SimilarDocuments.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such document, or not one the caller may read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch is unreachable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SimilarDocuments similar(
            @PathParam("id") @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be a source id") String id,
            @QueryParam("size") @DefaultValue("10") @Min(1) @Max(50) int size) {
        return search.similar(id.toLowerCase(java.util.Locale.ROOT), size, identity);
    }
}
