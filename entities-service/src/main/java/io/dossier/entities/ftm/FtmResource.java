package io.dossier.entities.ftm;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.audit.AuditAction;
import io.dossier.audit.AuditTrail;
import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.dossier.entities.registry.EntityDto;
import io.dossier.entities.registry.EntityType;
import io.dossier.entities.relations.RelationDto;
import io.quarkus.security.identity.SecurityIdentity;

/** The registry in FollowTheMoney, the entity model of Aleph, OpenSanctions and yente: out and in. */
@Path("/api/v1/entities/ftm")
@Tag(name = "Registry imports")
public class FtmResource {

    static final String JSONL = "application/x-ndjson";

    private final FtmExport export;
    private final FtmImport imports;
    private final ObjectMapper json;
    private final SecurityIdentity identity;
    private final AuditTrail audit;

    public FtmResource(FtmExport export, FtmImport imports, ObjectMapper json, SecurityIdentity identity,
            AuditTrail audit) {
        this.audit = audit;
        this.export = export;
        this.imports = imports;
        this.json = json;
        this.identity = identity;
    }

    @GET
    @Produces(JSONL)
    @RolesAllowed("reader")
    @Operation(operationId = "exportFtm", summary = "The registry as FollowTheMoney entities (JSON Lines)", description = """
            One FtM entity a line: the chosen entities (Person, Organization, Address, Event) with their names,
            aliases, weak aliases, previous names, description, keywords (tags), wikidataId and the attributes that
            are FtM properties; then the relations between two of them as FtM relationship entities (Membership,
            Directorship, Associate, UnknownLink with its role). An entity keeps the FtM id it was imported with;
            one made in Dossier is dossier-<id>. The part may be the entities of the relations that cite a source of
            one collection the caller may read; citations themselves are not exported. The mapping table is in the entities
            service's README.""")
    @APIResponse(responseCode = "200", description = "FtM JSON Lines, streamed", headers = @Header(name = "Content-Disposition", description = "attachment; filename=dossier-registry.ftm.jsonl", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = JSONL, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid filters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exportFtm(
            @Parameter(description = "Only entities of this type") @QueryParam("type") EntityType type,
            @Parameter(description = "Only entities with this tag") @QueryParam("tag") @Pattern(regexp = "[^\\x00]{1,64}") String tag,
            @Parameter(description = "Only entities created or changed since (ISO 8601 with offset)", example = "2026-01-01T00:00:00Z") @QueryParam("changedSince") String changedSince,
            @Parameter(description = "Only entities of relations citing a source of this collection (one the caller may read)") @QueryParam("collection") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a collection name: lower-case letters, digits and hyphens") String collection) {
        FtmExport.Filter filter = new FtmExport.Filter(type, tag, since(changedSince));
        // asked now, with the caller's token: the body is written after this method returns
        Set<UUID> cited = collection == null ? null : export.citedIn(collection);
        audit.record(AuditAction.EXPORT, "registry", null, collection, "FollowTheMoney export"
                + (type == null ? "" : ", type " + type) + (tag == null ? "" : ", tag " + tag)
                + (changedSince == null ? "" : ", changed since " + changedSince));
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            Map<UUID, String> ftmIds = new HashMap<>();
            Map<UUID, EntityType> types = new HashMap<>();
            UUID after = null;
            for (List<EntityDto> page = export.page(filter, null); !page.isEmpty(); page = export.page(filter,
                    after)) {
                for (EntityDto entity : page) {
                    after = entity.id();
                    if (cited != null && !cited.contains(entity.id())) {
                        continue;
                    }
                    FtmEntity ftm = FtmMapping.toFtm(entity);
                    line(writer, ftm);
                    ftmIds.put(entity.id(), ftm.id());
                    types.put(entity.id(), entity.type());
                }
            }
            UUID afterRelation = null;
            for (List<RelationDto> page = export.relations(null); !page.isEmpty(); page = export.relations(
                    afterRelation)) {
                for (RelationDto relation : page) {
                    afterRelation = relation.id();
                    String subject = ftmIds.get(relation.subjectId());
                    String object = ftmIds.get(relation.objectId());
                    if (subject != null && object != null) {
                        line(writer, FtmMapping.toFtm(relation, subject, object, types.get(relation.subjectId()),
                                types.get(relation.objectId())));
                    }
                }
            }
            writer.flush();
        };
        return Response.ok(body, JSONL)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=dossier-registry.ftm.jsonl").build();
    }

    private void line(BufferedWriter writer, FtmEntity ftm) throws IOException {
        writer.write(json.writeValueAsString(ftm));
        writer.write('\n');
    }

    private static OffsetDateTime since(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("changedSince must be a time with its offset, such as "
                    + "2026-01-01T00:00:00Z");
        }
    }
}
