package io.dossier.sources.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.dossier.common.security.CollectionAccess;
import io.dossier.sources.extraction.UnsupportedFormatException;
import io.dossier.sources.source.CreateSourceRequest;
import io.dossier.sources.source.Dates;
import io.dossier.sources.source.SourceDto;
import io.dossier.sources.source.SourceResource;
import io.dossier.sources.source.SourceRules;
import io.dossier.sources.source.SourceService;
import io.dossier.sources.source.SourceStatus;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Adding a source: JSON text or an uploaded file, at {@code POST /api/v1/sources}. Reading, changing and deleting
 * sources is {@link SourceResource}'s, on the same path; ingesting sits above the sources it stores.
 */
@Path("/api/v1/sources")
@Tag(name = "Sources")
@Produces(MediaType.APPLICATION_JSON)
public class IngestResource {

    /** Set on an ingest answer when the same content was already stored. */
    public static final String DUPLICATE_HEADER = "Dossier-Duplicate";

    private final IngestService ingest;
    private final IngestConfig config;
    private final SecurityIdentity identity;

    public IngestResource(IngestService ingest, IngestConfig config, SecurityIdentity identity) {
        this.ingest = ingest;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Operation(operationId = "createSource", summary = "Ingest a source given as JSON text", description = "Idempotent on the SHA-256 of the text.")
    @APIResponse(responseCode = "201", description = "Stored", headers = {
            @Header(name = "Location", description = "Where the new resource is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "200", description = "The same content was already stored: that source, with header Dossier-Duplicate: true", headers = {
            @Header(name = "Dossier-Duplicate", description = "true: the content was already stored", schema = @Schema(type = SchemaType.BOOLEAN)),
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateSourceRequest request) {
        mayAddTo(request.collection());
        return answer(ingest.ingest(request, identity.getPrincipal().getName()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("analyst")
    @Operation(summary = "Upload a file: HTML, PDF, DOCX, DOC, ODT, RTF, EML, MSG, plain text, or an image (PNG, JPEG, TIFF, GIF, WebP)", description = """
            The format is detected from the bytes, not from the name or the declared type. Text and metadata (title,
            authors, date, canonical URL, language) are extracted; form fields given override what was found.
            Idempotent on the SHA-256 of the file. A file that cannot be read (corrupt, encrypted, no text) is kept
            as a FAILED source with the reason, and answered with 422.

            Images, and PDFs with pages without a text layer (scans), are read by OCR (Tesseract: Arabic, Persian,
            English) after the answer: 202 with the source in status EXTRACTING; its `ocr` field shows the pages read
            so far, and it goes on the change feed (and into search) once its text exists, or becomes FAILED with the
            reason. `language` (ar, fa, en) says what to read the text as; without it, the collection's default, else
            a first pass over the script decides.""")
    @APIResponse(responseCode = "202", description = "Stored; its text is being read by OCR (status EXTRACTING): follow Location", headers = {
            @Header(name = "Location", description = "Where the new resource is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "201", description = "Stored and extracted", headers = {
            @Header(name = "Location", description = "Where the new resource is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "200", description = "The same file was already stored: that source, with header Dossier-Duplicate: true", headers = {
            @Header(name = "Dossier-Duplicate", description = "true: the content was already stored", schema = @Schema(type = SchemaType.BOOLEAN)),
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid form fields, or no file", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than the limit, or a document that expands far past its size (a zip bomb)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a format Dossier takes, not recognizable, or a polyglot (one file that reads as two formats)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Kept as a FAILED source (`instance` and Location name it): the file is corrupt, encrypted or holds no text", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
            @RestForm @Pattern(regexp = SourceRules.COLLECTION, message = SourceRules.COLLECTION_MESSAGE) String collection,
            @RestForm @Size(max = 1000) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String title,
            @RestForm @Size(max = 2048) @Pattern(regexp = "https?://[^\\s\\x00]+", message = "must be an http(s) URL") String url,
            @RestForm @Schema(example = "2025-03-14T09:00:00Z") String publishedAt,
            @RestForm @Size(max = 300) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String publisher,
            @RestForm("authors") @Size(max = 50) List<@NotBlank @Size(max = 300) @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String> authors,
            @RestForm("tags") @Size(max = 50) List<@NotBlank @Pattern(regexp = SourceRules.TAG, message = SourceRules.TAG_MESSAGE) String> tags,
            @RestForm @Pattern(regexp = SourceRules.LANGUAGE, message = SourceRules.LANGUAGE_MESSAGE) String language) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest("Send the document as the form field `file`");
        }
        mayAddTo(collection);
        if (file.size() > config.maxFileBytes()) {
            throw new ProblemException(413, "The file is " + file.size() + " bytes; the limit is "
                    + config.maxFileBytes() + " bytes");
        }
        FileMetadata metadata = new FileMetadata(collection, title, url, Dates.parse("publishedAt", publishedAt),
                publisher, authors, tags, language);
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the spooled upload", e);
        }
        try {
            return answer(ingest.ingest(content, filename(file.fileName()), metadata,
                    identity.getPrincipal().getName()));
        } catch (UnsupportedFormatException e) {
            throw new ProblemException(e.status(), e.getMessage());
        }
    }

    /** Sources go only into a collection the caller may read (403 otherwise); none given: the default one. */
    private void mayAddTo(String collection) {
        String target = collection == null || collection.isBlank() ? IngestService.DEFAULT_COLLECTION : collection;
        if (!CollectionAccess.mayRead(identity, target)) {
            throw new ProblemException(403, "You may not add sources to collection " + target
                    + ": you cannot read it");
        }
    }

    private Response answer(SourceService.Ingested ingested) {
        SourceDto source = ingested.source();
        if (ingested.duplicate() && !CollectionAccess.mayRead(identity, source.collection())) {
            // the same content is stored where this caller may not look: say so, and nothing more
            throw new ProblemException(409, "This content is already stored, in a collection you cannot read");
        }
        URI location = URI.create("/api/v1/sources/" + source.id());
        if (source.status() == SourceStatus.FAILED) {
            Problem problem = Problem.of(422, source.statusReason()).withInstance(location.toString());
            Response.ResponseBuilder failed = Response.status(422).type(Problem.MEDIA_TYPE).entity(problem)
                    .location(location);
            return (ingested.duplicate() ? failed.header(DUPLICATE_HEADER, "true") : failed).build();
        }
        Response.ResponseBuilder answer = ingested.duplicate()
                ? Response.ok(source).header(DUPLICATE_HEADER, "true")
                : source.status() == SourceStatus.EXTRACTING
                        ? Response.accepted().location(location)
                        : Response.created(location);
        return answer.entity(source).tag(SourceResource.etag(source)).build();
    }

    /** The last path segment of a client's file name, without control characters; null when none is left. */
    static String filename(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (base.length() > 500) {
            base = base.substring(base.length() - 500);
        }
        return base.isEmpty() ? null : base;
    }
}
