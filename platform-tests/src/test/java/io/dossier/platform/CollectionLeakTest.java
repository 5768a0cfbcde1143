package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.CodeFlowSession;
import io.dossier.testinfra.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The collection rule on every path that hands out documents, quotes, file names, source ids or counts of them. The
 * table {@link #PATHS} lists each such operation with the rule it applies (the same table is in docs/security.md);
 * every other operation of the three services is in {@link #NO_SOURCE_DATA} with the reason it carries none. The
 * test calls each path, directly on its service and through the gateway, as a reader, an analyst and an editor (none
 * of whom may read {@code restricted}), and finds nothing of the restricted material in any answer; an
 * investigator (who may) finds it, so the probes do reach it. A new operation that is in neither list fails the test.
 */
@ExtendWith(PlatformExtension.class)
class CollectionLeakTest {

    /** An operation that hands out source material, the rule it applies, and how to call it over the fixture. */
    record Path(String service, String method, String template, String rule,
            Function<RestrictedFixture, String> path, Function<RestrictedFixture, Object> body) {

        static Path get(String service, String template, String rule, Function<RestrictedFixture, String> path) {
            return new Path(service, "GET", template, rule, path, f -> null);
        }
    }

    static final List<Path> PATHS = List.of(
            Path.get("sources", "/api/v1/sources", "lists only sources of readable collections; counts too",
                    f -> "/api/v1/sources?size=500"),
            Path.get("sources", "/api/v1/sources", "a filter on an unreadable collection lists nothing",
                    f -> "/api/v1/sources?collection=restricted"),
            Path.get("sources", "/api/v1/sources/{id}", "404 outside readable collections, as if absent",
                    f -> "/api/v1/sources/" + f.restrictedSource),
            Path.get("sources", "/api/v1/sources/{id}/text", "404 outside readable collections",
                    f -> "/api/v1/sources/" + f.restrictedSource + "/text"),
            new Path("sources", "POST", "/api/v1/sources/{id}/tags", "404 outside readable collections, and no tag",
                    f -> "/api/v1/sources/" + f.restrictedSource + "/tags",
                    f -> java.util.Map.of("add", List.of("leak-probe"))),
            Path.get("sources", "/api/v1/sources/{sourceId}/notes", "404 outside readable collections",
                    f -> "/api/v1/sources/" + f.notedSource + "/notes"),
            Path.get("sources", "/api/v1/sources/{sourceId}/notes/{noteId}", "404 outside readable collections",
                    f -> "/api/v1/sources/" + f.notedSource + "/notes/" + f.note),
            new Path("sources", "POST", "/api/v1/sources/{sourceId}/notes", "404 outside readable collections, and "
                    + "no note", f -> "/api/v1/sources/" + f.notedSource + "/notes",
                    f -> Map.of("quote", "Fixture Brigade", "text", "leak-probe")),
            new Path("sources", "PATCH", "/api/v1/sources/{sourceId}/notes/{noteId}", "404 outside readable "
                    + "collections, and the note unchanged",
                    f -> "/api/v1/sources/" + f.notedSource + "/notes/"
                            + f.note,
                    f -> Map.of("text", "leak-probe")),
            new Path("sources", "DELETE", "/api/v1/sources/{sourceId}/notes/{noteId}", "404 outside readable "
                    + "collections, and the note kept", f -> "/api/v1/sources/" + f.notedSource + "/notes/" + f.note,
                    f -> null),
            Path.get("sources", "/api/v1/sources/{id}/original", "404 outside readable collections (file names too)",
                    f -> "/api/v1/sources/" + f.restrictedFileSource + "/original"),
            new Path("sources", "POST", "/api/v1/sources/lookup", "leaves out sources of unreadable collections",
                    f -> "/api/v1/sources/lookup",
                    f -> Map.of("ids", List.of(f.restrictedSource, f.restrictedFileSource, f.openSource))),
            new Path("sources", "POST", "/api/v1/sources", "a duplicate stored where the poster cannot read: 409 "
                    + "without the source", f -> "/api/v1/sources",
                    f -> Map.of("title", "Same again", "text", f.hiddenText)),
            Path.get("sources", "/api/v1/imports", "lists a job only to callers who may read every collection it "
                    + "wrote to", f -> "/api/v1/imports?size=200"),
            Path.get("sources", "/api/v1/imports/{id}", "404 unless every collection the job wrote to is readable",
                    f -> "/api/v1/imports/" + f.restrictedImport),
            Path.get("sources", "/api/v1/imports/{id}/items", "404 as the job; a duplicate in an unreadable "
                    + "collection is reported without its source",
                    f -> "/api/v1/imports/" + f.restrictedImport
                            + "/items"),
            Path.get("sources", "/api/v1/imports/{id}/items", "the poster's own job: the hidden duplicate not named",
                    f -> "/api/v1/imports/" + f.duplicateImport + "/items"),
            Path.get("sources", "/api/v1/sources/changes", "the changes made in readable collections and the moves "
                    + "out of them; a source moved out since has no state",
                    f -> "/api/v1/sources/changes?limit=1000&after="
                            + f.feedBefore),
            Path.get("sources", "/api/v1/sources/changes", "a filter on an unreadable collection: no entries",
                    f -> "/api/v1/sources/changes?collection=restricted&limit=1000&after=" + f.feedBefore),
            Path.get("entities", "/api/v1/relations", "citations only of readable sources",
                    f -> "/api/v1/relations?size=500"),
            Path.get("entities", "/api/v1/relations", "citations only of readable sources (an entity's relations)",
                    f -> "/api/v1/relations?entity=" + f.organization),
            Path.get("entities", "/api/v1/relations/{id}", "citations only of readable sources",
                    f -> "/api/v1/relations/" + f.relation),
            Path.get("entities", "/api/v1/entities/{id}/history", "revisions hold no citations",
                    f -> "/api/v1/entities/" + f.organization + "/history"),
            Path.get("entities", "/api/v1/entities/changes", "the feed is for services: 403",
                    f -> "/api/v1/entities/changes"),
            Path.get("search", "/api/v1/search", "hits, totals and facets only of readable collections",
                    f -> "/api/v1/search?q=" + f.hiddenWord),
            Path.get("search", "/api/v1/search", "a filter on an unreadable collection finds nothing",
                    f -> "/api/v1/search?q=*&collection=restricted&size=100"),
            Path.get("search", "/api/v1/search", "facets of everything readable name no unreadable collection",
                    f -> "/api/v1/search?q=*&size=100"),
            Path.get("search", "/api/v1/search", "the words of notes find only readable documents",
                    f -> "/api/v1/search?q=" + f.hiddenNoteWord),
            Path.get("search", "/api/v1/candidates", "names, counts and passages only of readable documents "
                    + "(editors; 403 for others)", f -> "/api/v1/candidates?minDocuments=1&trend=new&size=100"),
            Path.get("search", "/api/v1/candidates", "a filter on an unreadable collection lists nothing",
                    f -> "/api/v1/candidates?minDocuments=1&collection=restricted&size=100"),
            Path.get("search", "/api/v1/search/notes", "notes only on readable documents",
                    f -> "/api/v1/search/notes?entity=" + f.organization),
            Path.get("search", "/api/v1/search/documents/{id}", "404 outside readable collections",
                    f -> "/api/v1/search/documents/" + f.restrictedSource),
            Path.get("search", "/api/v1/search/documents/{id}/similar", "similar documents only of readable "
                    + "collections", f -> "/api/v1/search/documents/" + f.openSource + "/similar?size=50"),
            Path.get("search", "/api/v1/search/documents/{id}/similar", "404 for an unreadable document",
                    f -> "/api/v1/search/documents/" + f.restrictedSource + "/similar"),
            Path.get("search", "/api/v1/search/entities/{id}/co-mentioned", "counts only readable documents",
                    f -> "/api/v1/search/entities/" + f.organization + "/co-mentioned"),
            Path.get("search", "/api/v1/notifications", "matches of the caller's watches only in collections "
                    + "readable now (checked when shown); the unread count too", f -> "/api/v1/notifications?size=100"),
            Path.get("search", "/api/v1/notifications/unread", "counts only readable documents",
                    f -> "/api/v1/notifications/unread"),
            new Path("search", "POST", "/api/v1/notifications/read", "answers the unread count of readable documents",
                    f -> "/api/v1/notifications/read", f -> Map.of("upTo", "1970-01-01T00:00:00Z")),
            Path.get("search", "/api/v1/watches", "the caller's own watches; when one last matched, only of "
                    + "readable documents", f -> "/api/v1/watches"),
            Path.get("search", "/api/v1/watches/{id}", "its owner's (or an administrator's); its latest matches only "
                    + "of readable documents", f -> "/api/v1/watches/" + f.watches.get(Tokens.READER)),
            // the audit trail names documents (ids, titles, collections) of every collection: administrators only,
            // who read every collection; 403 for everyone else, directly and through the gateway
            Path.get("sources", "/api/v1/audit/events", "administrators only (403)",
                    f -> "/api/v1/audit/events?collection=restricted"),
            Path.get("entities", "/api/v1/audit/events", "administrators only (403)",
                    f -> "/api/v1/audit/events?targetType=entity"),
            Path.get("search", "/api/v1/audit/events", "administrators only (403)", f -> "/api/v1/audit/events"),
            Path.get("search", "/api/v1/audit", "administrators only (403)",
                    f -> "/api/v1/audit?collection=restricted"),
            Path.get("search", "/api/v1/audit/export", "administrators only (403)",
                    f -> "/api/v1/audit/export?format=csv"));

    /** The operations that hand out no documents, quotes, file names or source ids, and why. */
    static final Map<String, String> NO_SOURCE_DATA = Map.ofEntries(
            Map.entry("sources PATCH /api/v1/sources/{id}", "answers the source it changed: 404 outside readable "
                    + "collections, 403 for a move into one"),
            Map.entry("sources DELETE /api/v1/sources/{id}", "no body; 404 outside readable collections"),
            Map.entry("sources POST /api/v1/imports", "answers the new job, in a collection the caller may read"),
            Map.entry("entities GET /api/v1/entities", "the registry: names and attributes, no sources"),
            Map.entry("entities GET /api/v1/entities/{id}", "the registry"),
            Map.entry("entities GET /api/v1/entities/{id}/merges", "the registry: which entity was merged, by whom, "
                    + "when; the relations a merge moved (and their citations) are kept for the undo, never answered"),
            Map.entry("entities POST /api/v1/entities/{id}/merges/{mergeId}/undo", "answers the entity brought back: "
                    + "the registry, without relations"),
            Map.entry("entities GET /api/v1/entities/ftm", "the registry in FtM: entities and relations, without "
                    + "citations; the part cited by a collection is asked of the sources service with the caller's "
                    + "token (tested below)"),
            Map.entry("entities POST /api/v1/entities/ftm/imports", "answers the new job: counts"),
            Map.entry("entities GET /api/v1/entities/ftm/imports", "jobs: counts"),
            Map.entry("entities GET /api/v1/entities/ftm/imports/{id}", "a job: counts"),
            Map.entry("entities GET /api/v1/entities/ftm/imports/{id}/items", "each line's outcome: FtM ids and "
                    + "registry entities"),
            Map.entry("entities POST /api/v1/entities", "the registry"),
            Map.entry("entities PUT /api/v1/entities/{id}", "the registry"),
            Map.entry("entities DELETE /api/v1/entities/{id}", "the registry"),
            Map.entry("entities POST /api/v1/entities/{id}/names", "the registry"),
            Map.entry("entities POST /api/v1/entities/{id}/merge", "the registry"),
            Map.entry("entities POST /api/v1/entities/imports/ofac", "counts of registry entries"),
            Map.entry("entities POST /api/v1/entities/imports/un", "counts of registry entries"),
            Map.entry("entities POST /api/v1/entities/imports/dossier", "counts; citations checked as the importer"),
            Map.entry("entities POST /api/v1/entities/match", "registry names matched to a name sent"),
            Map.entry("entities POST /api/v1/entities/match/batch", "registry names matched to the names sent"),
            Map.entry("entities GET /api/v1/entities/duplicates", "pairs of registry entities and their names"),
            Map.entry("entities POST /api/v1/entities/duplicates/dismissals", "no body"),
            Map.entry("entities POST /api/v1/mentions", "links in a text the caller sent"),
            Map.entry("entities POST /api/v1/mentions/batch", "links in texts the caller sent"),
            Map.entry("entities POST /api/v1/relations", "answers the relation with only readable citations"),
            Map.entry("entities PUT /api/v1/relations/{id}", "answers the relation with only readable citations"),
            Map.entry("entities DELETE /api/v1/relations/{id}", "no body"),
            Map.entry("search GET /api/v1/search/entities", "typeahead over the registry"),
            Map.entry("search POST /api/v1/watches", "answers the new watch: a query and filters the caller sent"),
            Map.entry("search PATCH /api/v1/watches/{id}", "answers the watch (as GET of it): the owner's only"),
            Map.entry("search DELETE /api/v1/watches/{id}", "no body; the owner's or an administrator's"),
            // webhooks: their views and delivery log name no document (the deliveries themselves, sent to the
            // owner's receiver, carry only what the owner may read at that moment: WebhookTest)
            Map.entry("search GET /api/v1/webhooks", "the caller's webhooks: address, watch, state, counts"),
            Map.entry("search POST /api/v1/webhooks", "answers the webhook made"),
            Map.entry("search GET /api/v1/webhooks/{id}", "the owner's or an administrator's webhook"),
            Map.entry("search PATCH /api/v1/webhooks/{id}", "answers the webhook as changed: the owner's only"),
            Map.entry("search DELETE /api/v1/webhooks/{id}", "no body; the owner's or an administrator's"),
            Map.entry("search GET /api/v1/webhooks/{id}/deliveries",
                    "attempts: time, outcome, status, error, counts; no document"),
            Map.entry("search POST /api/v1/candidates/accept", "answers the decision and the entity's id; no "
                    + "document"),
            Map.entry("search POST /api/v1/candidates/reject", "answers the decision; no document"),
            Map.entry("search GET /api/v1/admin/reindex", "index status, admin only"),
            Map.entry("search POST /api/v1/admin/reindex", "admin only"),
            Map.entry("search POST /api/v1/audit/events", "records the caller's own export or role change; no body"));

    static RestrictedFixture fixture;

    @BeforeAll
    static void fixture() {
        fixture = RestrictedFixture.get();
    }

    static String key(String service, String method, String template) {
        return service + " " + method + " " + template;
    }

    @Test
    void everyOperationIsListedWithItsRuleOrAsCarryingNoSourceData() throws Exception {
        Set<String> listed = new TreeSet<>();
        PATHS.forEach(p -> listed.add(key(p.service(), p.method(), p.template())));
        List<String> missing = new ArrayList<>();
        for (ApiOperations.Operation op : ApiOperations.all()) {
            String key = key(op.service(), op.method(), op.template());
            if (!listed.contains(key) && !NO_SOURCE_DATA.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("operations in neither PATHS (with their collection rule) nor NO_SOURCE_DATA")
                .isEmpty();
        assertThat(NO_SOURCE_DATA.keySet()).as("no operation in both lists").doesNotContainAnyElementsOf(listed);
    }

    @Test
    void nothingRestrictedComesBackOnAnyPathToThoseWhoCannotReadIt() {
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (String user : List.of(Tokens.READER, Tokens.ANALYST, Tokens.EDITOR)) {
            String token = Tokens.forUser(user);
            for (Path p : PATHS) {
                for (String base : List.of(Platform.GATEWAY, "http://localhost:" + ApiOperations.SERVICES
                        .get(p.service()))) {
                    Response answer = call(token, base, p);
                    calls++;
                    String body = answer.asString();
                    // what the caller sent may come back (a 404 names the id asked for); nothing else may
                    String asked = p.path().apply(fixture) + " " + p.body().apply(fixture);
                    if (answer.statusCode() >= 500) {
                        leaks.add(user + " " + p.method() + " " + base + p.path().apply(fixture) + ": "
                                + answer.statusCode());
                    }
                    for (String secret : fixture.hidden()) {
                        if (asked.contains(secret)) {
                            continue;
                        }
                        if (body.contains(secret) || answer.getHeaders().toString().contains(secret)) {
                            leaks.add(user + " " + p.method() + " " + base + p.path().apply(fixture) + " ("
                                    + p.rule() + ") shows " + secret);
                        }
                    }
                }
            }
        }
        assertThat(leaks).as("restricted material in %d answers to readers, analysts and editors", calls).isEmpty();
        assertThat(calls).isEqualTo(3 * PATHS.size() * 2);
    }

    /** The gateway's pages and exports (the last row of the table), with a browser session of each role. */
    static final List<Function<RestrictedFixture, String>> PAGES = List.of(
            f -> "/search?q=" + f.hiddenWord,
            f -> "/search?q=*&collection=restricted",
            f -> "/search?q=*",
            f -> "/search", // the landing page: collections with counts, newest sources, watches
            f -> "/documents/" + f.restrictedSource,
            f -> "/documents/" + f.notedSource,
            f -> "/documents/" + f.restrictedSource + "/preview?q=" + f.hiddenWord,
            f -> "/entities/" + f.organization,
            f -> "/entities/" + f.organization + "/graph",
            f -> "/entities/source-options?sourceId=" + f.hiddenWord,
            f -> "/search/export?format=csv&q=*",
            f -> "/admin/audit?collection=restricted",
            f -> "/admin/audit/export?format=csv",
            f -> "/search/export?format=json&q=" + f.hiddenWord,
            f -> "/search/suggest?q=" + f.hiddenWord,
            f -> "/notifications",
            f -> "/notifications/badge",
            f -> "/watches");

    @Test
    void nothingRestrictedComesBackOnThePagesEither() {
        List<String> leaks = new ArrayList<>();
        for (String user : List.of(Tokens.READER, Tokens.ANALYST, Tokens.EDITOR)) {
            CodeFlowSession session = CodeFlowSession.signIn(java.net.URI.create(Platform.GATEWAY), user, "/search");
            for (Function<RestrictedFixture, String> page : PAGES) {
                String path = page.apply(fixture);
                var answer = session.get(path);
                if (answer.statusCode() >= 500) {
                    leaks.add(user + " " + path + ": " + answer.statusCode());
                }
                for (String secret : fixture.hidden()) {
                    if (!path.contains(secret) && answer.body().contains(secret)) {
                        leaks.add(user + " " + path + " shows " + secret);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** The probes do reach the restricted material: an investigator (who may read it) sees it on them. */
    @Test
    void theProbesReachTheMaterialForThoseWhoMayReadIt() {
        String investigator = Tokens.forUser(Tokens.INVESTIGATOR);
        String[] mustShow = {"/api/v1/sources/" + fixture.restrictedSource,
                "/api/v1/relations/" + fixture.relation, "/api/v1/imports/" + fixture.restrictedImport + "/items",
                "/api/v1/search?q=" + fixture.hiddenWord, "/api/v1/search/documents/" + fixture.restrictedSource,
                "/api/v1/notifications", "/api/v1/watches/" + fixture.watches.get(Tokens.INVESTIGATOR),
                "/api/v1/sources/changes?limit=1000&after=" + fixture.feedBefore,
                "/api/v1/sources/" + fixture.notedSource + "/notes", "/api/v1/search/notes?entity="
                        + fixture.organization,
                "/api/v1/search?q=" + fixture.hiddenNoteWord};
        for (String path : mustShow) {
            String body = given().baseUri(Platform.GATEWAY).auth().oauth2(investigator).get(path).then()
                    .statusCode(200).extract().asString();
            assertThat(body).as(path).containsAnyOf(fixture.restrictedSource, fixture.restrictedFileSource,
                    fixture.hiddenWord, fixture.hiddenNoteWord);
        }
    }

    /**
     * The FtM export of the part of the registry a collection's sources back: the entities of the fixture's relation
     * (which cites a restricted and an open source) for those who may read the collection, nothing for the others.
     */
    @Test
    void theFtmExportOfWhatACollectionCitesShowsItOnlyToThoseWhoMayReadIt() {
        for (String user : List.of(Tokens.READER, Tokens.ANALYST, Tokens.EDITOR, Tokens.INVESTIGATOR)) {
            String token = Tokens.forUser(user);
            String restricted = given().baseUri(Platform.GATEWAY).auth().oauth2(token)
                    .get("/api/v1/entities/ftm?collection=restricted").then().statusCode(200).extract().asString();
            String open = given().baseUri(Platform.GATEWAY).auth().oauth2(token)
                    .get("/api/v1/entities/ftm?collection=open").then().statusCode(200).extract().asString();
            assertThat(open).as(user).contains("dossier-" + fixture.organization, "dossier-" + fixture.leader);
            if (user.equals(Tokens.INVESTIGATOR)) {
                assertThat(restricted).as(user).contains("dossier-" + fixture.organization, "dossier-"
                        + fixture.leader);
            } else {
                assertThat(restricted).as(user).isEmpty();
            }
        }
    }

    private static Response call(String token, String base, Path p) {
        RequestSpecification request = given().baseUri(base).auth().oauth2(token);
        Object body = p.body().apply(fixture);
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        return request.request(p.method(), p.path().apply(fixture));
    }
}
