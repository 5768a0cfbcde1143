package io.dossier.search.audit;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.audit.AuditAction;
import io.dossier.audit.AuditEvent;
import io.dossier.audit.AuditFilter;
import io.dossier.audit.AuditPage;
import io.dossier.audit.AuditQuery;
import io.dossier.audit.AuditTrail;
import io.dossier.common.problem.Problem;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/audit")
@Tag(name = "Audit")
public class AuditTrailResource {

    /** Events a page of an export reads at once. */
    static final int EXPORT_PAGE = 500;

    private final PlatformAudit audit;
    private final AuditTrail trail;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public AuditTrailResource(PlatformAudit audit, AuditTrail trail, SecurityIdentity identity, ObjectMapper json) {
        this.audit = audit;
        this.trail = trail;
        this.identity = identity;
        this.json = json;
    }

    @GET
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "auditTrail", summary = "The platform's audit trail, newest first", description = """
            Administrators only. Who read documents of restricted collections (every collection but those every
            reader may read), who created, changed, merged or deleted sources, notes, entities and relations, who
            changed roles on the administration page, and who exported what: the events of every service, merged
            into one order. Every filter given must match; `next` pages on. Kept for `dossier.audit.retention`
            (400 days by default); nobody can change or delete an event before that.""")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filters or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "A service's trail did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage trail(@Valid @BeanParam AuditQuery query,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        AuditFilter filter = query.filter();
        return audit.page(filter, cursor, size, token());
    }

    @GET
    @Path("export")
    @RolesAllowed("admin")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(operationId = "exportAuditTrail", summary = "Export the platform's audit trail", description = """
            Every event the filters match, newest first, as CSV (a header line, then one event a line) or JSON
            Lines. The export itself is recorded in the trail.""")
    @APIResponse(responseCode = "200", description = "The file", content = {@Content(mediaType = "text/csv"),
            @Content(mediaType = "application/x-ndjson")})
    @APIResponse(responseCode = "400", description = "Invalid filters or format", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "A service's trail did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @QueryParam("format") @DefaultValue("csv") @Pattern(regexp = "csv|jsonl", message = "must be csv or jsonl") String format,
            @Valid @BeanParam AuditQuery query) {
        AuditFilter filter = query.filter();
        String token = token();
        // the first page is read before answering, so a service that is away is a 503, not a cut file
        AuditPage first = audit.page(filter, null, EXPORT_PAGE, token);
        trail.record(AuditAction.EXPORT, "audit", null, filter.collection(),
                "the audit trail as " + format + described(filter));
        boolean csv = format.equals("csv");
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter printer = csv
                    ? new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader("occurredAt", "service", "actor",
                            "action", "targetType", "targetId", "collection", "summary", "traceId", "id").get())
                    : null;
            for (AuditPage page = first;; page = audit.page(filter, page.next(), EXPORT_PAGE, token)) {
                for (AuditEvent e : page.events()) {
                    if (csv) {
                        // every text cell, not only the summary: an actor name, a target id (an exported query)
                        // or a collection can start with what a spreadsheet takes for a formula
                        printer.printRecord(e.occurredAt(), defused(e.service()), defused(e.actor()), e.action(),
                                defused(e.targetType()), defused(e.targetId()), defused(e.collection()),
                                defused(e.summary()), e.traceId(), e.id());
                    } else {
                        writer.write(json.writeValueAsString(e));
                        writer.write('\n');
                    }
                }
                if (page.next() == null) {
                    break;
                }
            }
            writer.flush();
        };
        String name = "dossier-audit." + format;
        return Response.ok(body, csv ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** A cell a spreadsheet would take for a formula is defused with a leading apostrophe. */
    private static String defused(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String described(AuditFilter f) {
        StringJoiner parts = new StringJoiner(", ", " (", ")").setEmptyValue("");
        if (f.actor() != null) {
            parts.add("actor " + f.actor());
        }
        if (f.action() != null) {
            parts.add("action " + f.action());
        }
        if (f.targetType() != null) {
            parts.add("type " + f.targetType());
        }
        if (f.targetId() != null) {
            parts.add("target " + f.targetId());
        }
        if (f.from() != null) {
            parts.add("from " + f.from());
        }
        if (f.to() != null) {
            parts.add("to " + f.to());
        }
        return parts.toString();
    }

    private String token() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }
}
