package io.dossier.entities.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.dossier.entities.relations.CitedSources;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/entities/imports")
@Tag(name = "Registry imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final RegistryImportService imports;
    private final CitedSources cited;
    private final ObjectMapper json;
    private final Validator validator;
    private final SecurityIdentity identity;

    public ImportResource(RegistryImportService imports, CitedSources cited, ObjectMapper json, Validator validator,
            SecurityIdentity identity) {
        this.imports = imports;
        this.cited = cited;
        this.json = json;
        this.validator = validator;
        this.identity = identity;
    }

    @POST
    @Path("ofac")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("editor")
    @Operation(operationId = "importOfac", summary = "Import the OFAC SDN list", description = "Form fields `sdn` (the SDN CSV) and `alt` (its aliases CSV, optional). Keyed on the OFAC entry number: importing again updates, never duplicates. \"Linked To\" remarks become relations.")
    @APIResponse(responseCode = "200", description = "What the import did", content = @Content(schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", description = "Not an OFAC SDN file", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ImportSummary ofac(@RestForm("sdn") FileUpload sdn, @RestForm("alt") FileUpload alt) {
        if (sdn == null) {
            throw ProblemException.badRequest("Send the SDN list as the form field `sdn`");
        }
        try (Reader sdnReader = reader(sdn); Reader altReader = alt == null ? null : reader(alt)) {
            OfacReader.Read read = OfacReader.read(sdnReader, altReader);
            return imports.load("ofac", read.entities(), read.skipped(), List.of(), user());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a spooled upload", e);
        }
    }

    @POST
    @Path("un")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @RolesAllowed("editor")
    @Operation(operationId = "importUn", summary = "Import the UN Security Council consolidated list (XML)", description = "Keyed on the UN reference number: importing again updates, never duplicates.")
    @APIResponse(responseCode = "200", description = "What the import did", content = @Content(schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", description = "Not a readable UN consolidated list", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ImportSummary un(InputStream body) {
        try (InputStream in = body) {
            return imports.load("un", UnReader.read(in), 0, List.of(), user());
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read to its end");
        }
    }

    @POST
    @Path("dossier")
    @Consumes({"application/x-ndjson", "application/jsonl"})
    @RolesAllowed("editor")
    @Operation(operationId = "importRegistry", summary = "Import Dossier's own registry export (JSON Lines)", description = "One entity a line, keyed on its first external id, with relations to other entities by their keys. The whole file is checked before anything is written.")
    @APIResponse(responseCode = "200", description = "What the import did", content = @Content(schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", description = "A line that is not a valid record, or a citation of a source that does not exist, that the importer cannot read, or whose text lacks the quote (its number in the detail)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The sources service cannot check the citations right now", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ImportSummary dossier(InputStream body) {
        List<Listed> listed = new ArrayList<>();
        List<RegistryImportService.Tie> ties = new ArrayList<>();
        // each cited source is fetched once for the whole file
        java.util.Map<java.util.UUID, java.util.Optional<String>> citedTexts = new java.util.HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                DossierRecord record = parse(line, number);
                listed.add(new Listed(record.entity(), List.of()));
                List<DossierRecord.Tie> relations = record.relations() == null ? List.of() : record.relations();
                for (int i = 0; i < relations.size(); i++) {
                    // cited sources exist, are the importer's to read, and hold their quotes (checked before
                    // anything is written, as the whole file is)
                    cited.verify(relations.get(i).citations(), "line " + number + ": relations[" + i
                            + "].citations", Set.of(), citedTexts);
                }
                for (DossierRecord.Tie tie : relations) {
                    ties.add(new RegistryImportService.Tie(record.externalIds().get(0), tie.object(), tie.type(),
                            tie.startDate(), tie.endDate(), tie.citations() == null ? List.of() : tie.citations()));
                }
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read to its end");
        }
        if (listed.isEmpty()) {
            throw ProblemException.badRequest("The body holds no records");
        }
        return imports.load("dossier", listed, 0, ties, user());
    }

    private DossierRecord parse(String line, int number) {
        DossierRecord record;
        try {
            record = json.readValue(line, DossierRecord.class);
        } catch (JsonProcessingException e) {
            throw ProblemException
                    .badRequest("Line " + number + " is not a registry record: " + e.getOriginalMessage());
        }
        if (record == null) {
            throw ProblemException.badRequest("Line " + number + " is not a registry record");
        }
        Set<ConstraintViolation<Object>> violations = new java.util.HashSet<>(validator.validate((Object) record));
        violations.addAll(validator.validate((Object) record.entity()));
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("Line " + number + ": " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return record;
    }

    private static Reader reader(FileUpload upload) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(upload.uploadedFile()),
                StandardCharsets.UTF_8));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
