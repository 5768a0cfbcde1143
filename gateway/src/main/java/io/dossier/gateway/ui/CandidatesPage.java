package io.dossier.gateway.ui;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.dossier.common.problem.ProblemException;
import io.dossier.gateway.security.Csrf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The editors' work queue of names the registry does not hold yet: each with its documents, passages and the
 * entities it may be another name of; accepted as a new entity or as a name of one, or rejected for good.
 */
@Path("/candidates")
@RolesAllowed("editor")
@Tag(name = "Web UI")
public class CandidatesPage {

    static final int PAGE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance candidates(String user, Filter filter, List<CandidateView> candidates,
                String nextUrl, String csrf, String message, boolean failed);
    }

    /** What a redirect back says, by code: fixed words, never text from the address. */
    static final Map<String, String> NOTICES = Map.of("accepted", "Added to the registry. The documents that hold "
            + "the name are being linked to it.", "named",
            "Added as a name of the entity. The documents that hold "
                    + "it are being linked.",
            "rejected", "Rejected. The name will not be proposed again.");

    /** The queue's filters as the page's address and form hold them. */
    public record Filter(String type, String language, int minDocuments, boolean newOnly, int from) {

        static Filter of(String type, String language, String minDocuments, String trend, String from) {
            return new Filter(
                    type != null && List.of("PERSON", "ORGANIZATION", "LOCATION").contains(type) ? type : null,
                    language != null && language.matches("[a-z]{2,3}") ? language : null,
                    number(minDocuments, 2, 1, 100_000), "new".equals(trend), number(from, 0, 0, 500));
        }

        private static int number(String value, int otherwise, int min, int max) {
            try {
                return value == null ? otherwise : Math.max(min, Math.min(max, Integer.parseInt(value.strip())));
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }

        /** This page's address with these filters, from {@code from}. */
        String url(int from) {
            StringBuilder url = new StringBuilder("/candidates?minDocuments=").append(minDocuments);
            if (type != null) {
                url.append("&type=").append(type);
            }
            if (language != null) {
                url.append("&language=").append(language);
            }
            if (newOnly) {
                url.append("&trend=new");
            }
            if (from > 0) {
                url.append("&from=").append(from);
            }
            return url.toString();
        }

        public String self() {
            return url(from);
        }

        public boolean is(String t) {
            return t.equals(type);
        }

        public boolean inLanguage(String l) {
            return l.equals(language);
        }
    }

    /** A candidate as the page shows it: its passages split around the name, its possible entities in words. */
    public record CandidateView(String name, String type, String typeLabel, String typeWord, long documents,
            long mentions,
            String firstSeen, String lastSeen, String languages, List<PassageView> passages,
            List<VariantView> variants) {

        static CandidateView of(CandidatesApi.Candidate c) {
            return new CandidateView(c.name(), c.type(), Labels.type(c.type()),
                    Labels.type(c.type()).toLowerCase(Locale.ROOT), c.documents(), c.mentions(),
                    day(c.firstSeen()), day(c.lastSeen()), String.join(", ", c.languages().stream()
                            .map(Labels::language).toList()),
                    c.contexts().stream().map(PassageView::of).toList(),
                    c.variants().stream().map(VariantView::of).toList());
        }
    }

    /** A passage: the text before the name, the name as written there, the text after it. */
    public record PassageView(String sourceId, String title, String before, String name, String after) {

        static PassageView of(CandidatesApi.Context c) {
            String text = c.text();
            if (c.start() < 0 || c.end() > text.length() || c.start() > c.end()) {
                return new PassageView(c.sourceId(), c.title(), text, "", "");
            }
            return new PassageView(c.sourceId(), c.title(), text.substring(0, c.start()),
                    text.substring(c.start(), c.end()), text.substring(c.end()));
        }
    }

    public record VariantView(String entityId, String primaryName, String score, String rule, String matchedName) {

        static VariantView of(CandidatesApi.Variant v) {
            return new VariantView(v.entityId(), v.primaryName(), String.format(Locale.ROOT, "%.0f%%",
                    v.score() * 100), v.rule() == null ? "" : v.rule().replace('-', ' '), v.matchedName());
        }
    }

    private final CandidatesApi api;
    private final SecurityIdentity identity;
    private final Csrf csrf;

    public CandidatesPage(@RestClient CandidatesApi api, SecurityIdentity identity, Csrf csrf) {
        this.api = api;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The candidates queue (HTML): names found in documents that the registry does not hold")
    @APIResponse(responseCode = "200", description = "The page")
    public TemplateInstance list(@QueryParam("type") String type, @QueryParam("language") String language,
            @QueryParam("minDocuments") String minDocuments, @QueryParam("trend") String trend,
            @QueryParam("from") String from, @QueryParam("notice") String notice) {
        return page(Filter.of(type, language, minDocuments, trend, from), notice == null ? null : NOTICES.get(notice),
                false);
    }

    private TemplateInstance page(Filter filter, String message, boolean failed) {
        CandidatesApi.Page page;
        try {
            page = api.list(filter.type(), filter.language(), filter.minDocuments(), filter.newOnly() ? "new" : null,
                    filter.from(), PAGE);
        } catch (WebApplicationException e) {
            throw unavailable(e);
        }
        return Templates.candidates(identity.getPrincipal().getName(), filter,
                page.candidates().stream().map(CandidateView::of).toList(),
                page.next() == null ? null : filter.url(page.next()), csrf.token(identity), message, failed);
    }

    @POST
    @Path("decide")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Accept a candidate as a new entity or as a name of one, or reject it (forms of the queue)")
    @APIResponse(responseCode = "303", description = "Back to the queue")
    @APIResponse(responseCode = "200", description = "The queue saying why nothing was done")
    @APIResponse(responseCode = "403", description = "No valid form token")
    public Object decide(MultivaluedMap<String, String> form) {
        csrf.check(identity, form.getFirst("csrf"));
        Filter filter = Filter.of(form.getFirst("type-filter"), form.getFirst("language"),
                form.getFirst("minDocuments"), form.getFirst("trend"), form.getFirst("from"));
        String action = form.getFirst("action");
        String entityId = form.getFirst("entityId");
        CandidatesApi.Decide decide = new CandidatesApi.Decide(form.getFirst("name"), form.getFirst("type"),
                "name".equals(action) ? entityId : null);
        String notice;
        try {
            if ("reject".equals(action)) {
                api.reject(decide);
                notice = "rejected";
            } else {
                api.accept(decide);
                notice = "name".equals(action) ? "named" : "accepted";
            }
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 || status == 404 || status == 409) {
                String detail = SearchPage.detail(e);
                return page(filter, "Nothing was changed: " + (detail == null
                        ? "the registry refused the name."
                        : detail), true);
            }
            throw unavailable(e);
        }
        String back = filter.self();
        return Response.seeOther(URI.create(back + "&notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8)))
                .build();
    }

    /** "14 Mar 2025" for an instant, or "". */
    private static String day(String instant) {
        return instant == null || instant.length() < 10 ? "" : Labels.day(instant.substring(0, 10));
    }

    private static ProblemException unavailable(WebApplicationException e) {
        if (e.getResponse().getStatus() == 403) {
            return new ProblemException(403, "Only editors may work the candidates queue");
        }
        return new ProblemException(503, "The candidates queue is unavailable right now; try again shortly.");
    }
}
