package io.dossier.gateway.ui;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.dossier.common.problem.ProblemException;
import io.dossier.gateway.GatewayConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The administrators' view of the audit trail: who read restricted documents, who changed what, who exported what,
 * filtered and paged, with the same filters exported as CSV or JSON Lines.
 */
@Path("/admin/audit")
@RolesAllowed("admin")
@Tag(name = "Web UI")
public class AuditTrailPage {

    static final int PAGE_SIZE = 50;
    static final List<String> ACTIONS = List.of("READ", "CREATE", "UPDATE", "DELETE", "MERGE", "UNMERGE", "EXPORT",
            "ROLES");
    static final List<String> TYPES = List.of("source", "note", "notes", "entity", "relation", "registry", "search",
            "audit", "user");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'",
            Locale.ENGLISH);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(String user, Filters filters, List<String> actions, List<String> types,
                List<Row> rows, String older, String newest, String csv, String jsonl, String message);
    }

    /** The filters as the form shows them (dates as typed). */
    public record Filters(String actor, String action, String type, String target, String collection, String from,
            String to) {

        public boolean any() {
            return actor != null || action != null || type != null || target != null || collection != null
                    || from != null || to != null;
        }
    }

    /** One event as a row: a link where its target has a page. */
    public record Row(String when, String actor, String action, String type, String target, String link,
            String collection, String summary, String service, String traceId) {
    }

    private static final String UNAVAILABLE = "The audit trail is unavailable right now; try again shortly";

    /** The export's own client: its answer is streamed through, which the REST client would read whole first. */
    private static final HttpClient EXPORTS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** How long an export waits for the next bytes of the search service's answer before it is broken off. */
    static final Duration EXPORT_IDLE = Duration.ofSeconds(30);
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "dossier-export-watchdog");
                thread.setDaemon(true);
                return thread;
            });

    private final AuditApi audit;
    private final SecurityIdentity identity;
    private final GatewayConfig config;
    private final OpenTelemetry telemetry;

    public AuditTrailPage(@RestClient AuditApi audit, SecurityIdentity identity, GatewayConfig config,
            OpenTelemetry telemetry) {
        this.audit = audit;
        this.identity = identity;
        this.config = config;
        this.telemetry = telemetry;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Audit trail page (HTML, admin role)")
    @APIResponse(responseCode = "200", description = "A page of the audit trail")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    public TemplateInstance page(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("type") String type, @QueryParam("target") String target,
            @QueryParam("collection") String collection, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cursor") String cursor) {
        Filters filters = new Filters(clean(actor), known(action), clean(type),
                clean(target), clean(collection), clean(from), clean(to));
        String user = identity.getPrincipal().getName();
        String fromTime;
        String toTime;
        try {
            fromTime = startOf(filters.from(), 0);
            toTime = startOf(filters.to(), 1); // the whole day given
        } catch (DateTimeParseException e) {
            return Templates.audit(user, filters, ACTIONS, TYPES, List.of(), null, null, null, null,
                    "Write dates as year-month-day, such as 2026-12-01.");
        }
        AuditApi.Page page;
        try {
            page = audit.trail(filters.actor(), filters.action(), filters.type(), filters.target(),
                    filters.collection(), fromTime, toTime, clean(cursor), PAGE_SIZE);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400) {
                // a cursor from an old link, or a value the service refuses: start again from the newest
                return Templates.audit(user, filters, ACTIONS, TYPES, List.of(), null, link(filters, null), null,
                        null, "That page of the trail cannot be shown; start again from the newest events.");
            }
            throw new ProblemException(503, UNAVAILABLE);
        } catch (jakarta.ws.rs.ProcessingException e) {
            throw new ProblemException(503, UNAVAILABLE);
        }
        List<Row> rows = new ArrayList<>();
        for (AuditApi.Entry e : page.events()) {
            rows.add(new Row(shown(e.occurredAt()), e.actor(), e.action(), e.targetType(), e.targetId(),
                    pageOf(e.targetType(), e.targetId()), e.collection(), e.summary(), e.service(), e.traceId()));
        }
        String message = rows.isEmpty()
                ? filters.any() ? "No events match these filters." : "Nothing has been recorded yet."
                : null;
        return Templates.audit(user, filters, ACTIONS, TYPES, rows,
                page.next() == null ? null : link(filters, page.next()), cursor == null ? null : link(filters, null),
                export(filters, "csv"), export(filters, "jsonl"), message);
    }

    @GET
    @Path("export")
    @Operation(summary = "Export the audit trail (CSV or JSON Lines; admin role)")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "400", description = "Unknown format or invalid dates")
    public Response export(@QueryParam("format") String format, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("type") String type,
            @QueryParam("target") String target, @QueryParam("collection") String collection,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        if (!"csv".equals(format) && !"jsonl".equals(format)) {
            throw new ProblemException(400, "format must be csv or jsonl");
        }
        String fromTime;
        String toTime;
        try {
            fromTime = startOf(clean(from), 0);
            toTime = startOf(clean(to), 1);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Write dates as year-month-day, such as 2026-12-01");
        }
        StringBuilder query = new StringBuilder("format=").append(format);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("actor", clean(actor));
        params.put("action", known(action));
        params.put("targetType", clean(type));
        params.put("targetId", clean(target));
        params.put("collection", clean(collection));
        params.put("from", fromTime);
        params.put("to", toTime);
        params.forEach((name, value) -> {
            if (value != null) {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.routes().get("search")
                + "/api/v1/audit/export?" + query)).timeout(Duration.ofSeconds(15)).GET();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.header("Authorization", "Bearer " + token.getToken());
        }
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), request,
                HttpRequest.Builder::header);
        HttpResponse<InputStream> answer;
        try {
            // the search service answers its status once the first page is read; the rest comes as it is written
            answer = EXPORTS.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ProblemException(503, UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, UNAVAILABLE);
        }
        if (answer.statusCode() != 200) {
            try (InputStream ignored = answer.body()) {
                throw switch (answer.statusCode()) {
                    case 400 -> new ProblemException(400, "These filters cannot be exported; check the dates and try "
                            + "again");
                    case 401, 403 -> new ProblemException(403, "Your sign-in no longer allows exporting the audit "
                            + "trail; sign in again");
                    default -> new ProblemException(503, UNAVAILABLE);
                };
            } catch (IOException e) {
                throw new ProblemException(503, UNAVAILABLE);
            }
        }
        // streamed, never held: a trail of a year is larger than the gateway's memory. A failure half-way (the
        // service away, the token expired) breaks the download rather than ending it as if it were whole.
        StreamingOutput body = out -> {
            try (InputStream in = answer.body()) {
                copy(in, out, EXPORT_IDLE);
            }
        };
        return Response.ok(body, "csv".equals(format) ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"dossier-audit." + format + "\"").build();
    }

    /**
     * Copies an answer through as it comes, and breaks it off (an {@link IOException}, so the download fails rather
     * than ends as if whole) when a read of it waited {@code idle} for bytes: a service that stops sending half-way
     * must not hold the download, and the gateway's thread, for ever. Only the waits for the service count, not a
     * downloader who reads slowly. The stream is closed from a watchdog thread, which ends a blocked read.
     */
    static void copy(InputStream in, java.io.OutputStream out, Duration idle) throws IOException {
        // when the read under way began (System.nanoTime), or 0 between reads
        java.util.concurrent.atomic.AtomicLong readingSince = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean cut = new java.util.concurrent.atomic.AtomicBoolean();
        long every = Math.max(10, idle.toMillis() / 4);
        java.util.concurrent.ScheduledFuture<?> watch = WATCHDOG.scheduleWithFixedDelay(() -> {
            long since = readingSince.get();
            if (since != 0 && System.nanoTime() - since > idle.toNanos() && cut.compareAndSet(false, true)) {
                try {
                    in.close();
                } catch (IOException e) {
                    // closing is all that is wanted; the reader sees the end or an error
                }
            }
        }, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            byte[] buffer = new byte[16_384];
            while (true) {
                readingSince.set(System.nanoTime());
                int n = in.read(buffer);
                readingSince.set(0);
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (cut.get()) {
                throw new IOException("the search service sent nothing for " + idle.toSeconds() + " s", e);
            }
            throw e;
        } finally {
            watch.cancel(false);
        }
        if (cut.get()) {
            throw new IOException("the search service sent nothing for " + idle.toSeconds() + " s");
        }
    }

    /** The start of the day given (plus {@code days}), in UTC, as the API takes it; null for none. */
    static String startOf(String date, int days) {
        if (date == null) {
            return null;
        }
        LocalDate day = LocalDate.parse(date);
        if (day.getYear() < 1 || day.getYear() > 9998) {
            // Java reads years up to ±999,999,999; the trail's times stop well before that
            throw new DateTimeParseException("year out of range", date, 0);
        }
        return day.plusDays(days).atStartOfDay().atOffset(ZoneOffset.UTC).toString();
    }

    static String shown(String time) {
        try {
            return OffsetDateTime.parse(time).withOffsetSameInstant(ZoneOffset.UTC).format(SHOWN);
        } catch (DateTimeParseException | NullPointerException e) {
            return time;
        }
    }

    /** Where a target is shown in the UI: documents and entities have pages; the rest has none. */
    static String pageOf(String type, String id) {
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            return null;
        }
        return switch (type) {
            case "source", "notes" -> "/documents/" + id;
            case "entity" -> "/entities/" + id;
            default -> null;
        };
    }

    /** An action the trail knows, or null (List.of answers a null with an exception, not false). */
    private static String known(String action) {
        return action != null && ACTIONS.contains(action) ? action : null;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() || value.length() > 255 || value.indexOf('\0') >= 0
                ? null
                : value.strip();
    }

    static String link(Filters f, String cursor) {
        Map<String, String> params = params(f);
        if (cursor != null) {
            params.put("cursor", cursor);
        }
        return "/admin/audit" + query(params);
    }

    static String export(Filters f, String format) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("format", format);
        params.putAll(params(f));
        return "/admin/audit/export" + query(params);
    }

    private static Map<String, String> params(Filters f) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("actor", f.actor());
        params.put("action", f.action());
        params.put("type", f.type());
        params.put("target", f.target());
        params.put("collection", f.collection());
        params.put("from", f.from());
        params.put("to", f.to());
        params.values().removeIf(java.util.Objects::isNull);
        return params;
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        params.forEach((k, v) -> out.append(out.length() > 1 ? "&" : "").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
