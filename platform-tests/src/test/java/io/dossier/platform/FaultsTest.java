package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The fault suite: the real servers taken away from the running platform and brought back, with counts asserted.
 * <ul>
 * <li>kill -9 of the search service in the middle of an ingest, then a restart: every accepted source is searchable,
 * none twice;</li>
 * <li>Elasticsearch stopped during an ingest: sources still accepted, search answers 503 throughout, and after the
 * restart the index catches up with nothing lost;</li>
 * <li>Keycloak stopped: tokens already issued keep working until they expire, a new sign-in gets a clear 503;</li>
 * <li>PostgreSQL restarted: the services answer 503 while it is down and recover without a restart of their own.</li>
 * </ul>
 * In the test run this is a smoke run (a short ingest, a short outage); {@code bench/faults} runs the same with
 * {@code -Ddossier.faults.sources=2000 -Ddossier.faults.outage-seconds=60}. The servers are those of the tests' own stack
 * ({@code DOSSIER_STACK=test deploy/local/dossier infra stop|start}): a developer's platform running beside it is left
 * alone ({@link StackIsolationTest}).
 */
@ExtendWith(PlatformExtension.class)
class FaultsTest {

    /** Sources posted during the kill -9 run. */
    static final int SOURCES = Integer.getInteger("dossier.faults.sources", 150);
    /** How long Elasticsearch stays stopped (beyond the time it takes to stop and start). */
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("dossier.faults.outage-seconds", 5));
    static final String SOURCES_SERVICE = "http://localhost:18081";
    static final String ENTITIES_SERVICE = "http://localhost:18082";

    @Test
    void searchServiceKilledMidIngestLosesNothingAndDuplicatesNothing() throws Exception {
        String word = WalkingSkeletonTest.uniqueWord();
        // a watch every source of the run matches: the search service evaluates it as it indexes, and is killed
        String watch = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON).body(Map.of("name", "The fault run", "query", word))
                .post("/api/v1/watches").then().statusCode(201).extract().path("id");
        long started = System.currentTimeMillis();
        Ingest ingest = Ingest.start(word, SOURCES, Duration.ofMillis(40));
        try {
            await("indexing under way").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> searchable(word) >= 1);
            assertThat(ingest.running()).as("the kill lands mid-ingest").isTrue();
            Platform.kill("search");
            // the gateway says the search service is away, in a problem, not a hang or a 500
            int answer = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.READER))
                    .queryParam("q", word).get("/api/v1/search").then().contentType("application/problem+json")
                    .extract().statusCode();
            assertThat(answer).isIn(502, 503);
            Platform.relaunch("search");
            ingest.awaitDone(Duration.ofSeconds(60 + SOURCES / 10));
        } finally {
            ingest.stop();
        }
        assertThat(ingest.refused()).as("every source accepted").isEmpty();
        assertThat(ingest.accepted()).hasSize(SOURCES);
        assertAllSearchableOnce(word, ingest.accepted());
        // every accepted source notified exactly once, however the kill cut the batches (a batch is searchable a
        // moment before its notifications commit)
        await("every accepted source notified").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> notified(watch).size() >= ingest.accepted().size());
        List<String> notified = notified(watch);
        assertThat(notified).doesNotHaveDuplicates();
        assertThat(Set.copyOf(notified)).isEqualTo(ingest.accepted());
        System.out.printf("fault kill -9 search mid-ingest: %d accepted, %d searchable, 0 twice, %d notified once "
                + "each, %d ms to the end%n", ingest.accepted().size(), indexedIds(word).size(), notified.size(),
                System.currentTimeMillis() - started);
    }

    @Test
    void elasticsearchStoppedDuringIngestThenTheIndexCatchesUp() {
        Assumptions.assumeTrue(LocalStack.mayStop("elasticsearch"), "Elasticsearch was not started by the script");
        String word = WalkingSkeletonTest.uniqueWord();
        String reader = Tokens.forUser(Tokens.READER);
        Ingest ingest = Ingest.start(word, Integer.MAX_VALUE, Duration.ofMillis(50));
        long stoppedAt;
        long outage;
        int afterRestart;
        try {
            await("indexing under way").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> searchable(word) >= 5);
            LocalStack.stop("elasticsearch");
            stoppedAt = System.currentTimeMillis();
            try {
                // 503 from the search service; 504 from the gateway when a request caught by the stop hangs longer
                // than the gateway waits for a service (dossier.gateway.timeout, 30 s): unavailable either way, as a
                // problem. So the wait allows one such request beside the outage; what was answered is reported if
                // it fails.
                List<String> answers = new CopyOnWriteArrayList<>();
                try {
                    await("search answers 503 while Elasticsearch is away").during(OUTAGE)
                            .atMost(OUTAGE.plusSeconds(30 + 15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                                long asked = System.currentTimeMillis();
                                int status = searchStatus(reader, word);
                                answers.add(status + " in " + (System.currentTimeMillis() - asked) + " ms");
                                return List.of(503, 504).contains(status);
                            });
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError("search answered " + answers + " after Elasticsearch stopped", e);
                }
                given().baseUri(Platform.GATEWAY).auth().oauth2(reader).queryParam("q", "kata")
                        .get("/api/v1/search/entities").then().statusCode(503)
                        .contentType("application/problem+json");
                // within Elasticsearch's client timeout (30 s): a bulk write caught by the stop may hang that long
                await("the indexer says what it met").atMost(Duration.ofSeconds(35))
                        .pollInterval(Duration.ofMillis(250)).until(() -> ReindexTest
                                .status(Tokens.forUser(Tokens.ADMIN)).getString("lastError") != null);
                assertThat(ingest.refused()).as("sources accepted while the index is away").isEmpty();
            } finally {
                LocalStack.start("elasticsearch");
            }
            outage = System.currentTimeMillis() - stoppedAt;
            afterRestart = ingest.accepted().size();
            await("more sources after the restart").atMost(Duration.ofSeconds(30))
                    .until(() -> ingest.accepted().size() >= afterRestart + 10);
        } finally {
            ingest.stop();
        }
        assertThat(ingest.refused()).as("every source accepted").isEmpty();
        long caughtUp = System.currentTimeMillis();
        assertAllSearchableOnce(word, ingest.accepted());
        await("the indexer's error clears").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> ReindexTest.status(Tokens.forUser(Tokens.ADMIN)).getString("lastError") == null);
        System.out.printf("fault Elasticsearch stopped %d ms during an ingest: %d accepted (%d while it was away), "
                + "%d searchable, 0 twice, caught up %d ms after the ingest ended%n", outage,
                ingest.accepted().size(), afterRestart, indexedIds(word).size(),
                System.currentTimeMillis() - caughtUp);
    }

    @Test
    void keycloakStoppedTokensAlreadyIssuedKeepWorkingNewSignInsAreRefusedClearly() throws Exception {
        Assumptions.assumeTrue(LocalStack.mayStop("keycloak"), "Keycloak was not started by the script");
        String word = WalkingSkeletonTest.uniqueWord();
        String reader = AuthMatrixTest.password("dossier-cli", Tokens.READER);
        String analyst = AuthMatrixTest.password("dossier-cli", Tokens.ANALYST);
        // an admin's token that lives 2 s: it stops working while Keycloak is away, as tokens do when they expire
        String shortLived = AuthMatrixTest.password("dossier-cli-short", Tokens.ADMIN);
        String during;
        LocalStack.stop("keycloak");
        try {
            assertThat(signInStatus()).as("Keycloak is down").isEqualTo(-1);
            given().baseUri(Platform.GATEWAY).auth().oauth2(reader).queryParam("q", "*").get("/api/v1/search")
                    .then().statusCode(200);
            given().baseUri(SOURCES_SERVICE).auth().oauth2(reader).get("/api/v1/sources").then().statusCode(200);
            given().baseUri(ENTITIES_SERVICE).auth().oauth2(reader).get("/api/v1/entities").then().statusCode(200);
            during = given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType(ContentType.JSON)
                    .body(Map.of("title", "Brief while Keycloak is away", "text", "Accepted with a token issued "
                            + "before the outage: " + word))
                    .post("/api/v1/sources").then().statusCode(201).extract().path("id");
            for (int port : List.of(18080, 18081, 18082, 18083)) {
                given().baseUri("http://localhost:" + port).get("/q/health/ready").then().statusCode(200);
            }
            // the short-lived token has expired meanwhile: refused, like any expired token
            await("the short-lived token is refused once expired").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(250)).until(() -> given().baseUri(Platform.GATEWAY).auth()
                            .oauth2(shortLived).get("/api/v1/sources").statusCode() == 401);
            given().baseUri(SOURCES_SERVICE).auth().oauth2(shortLived).get("/api/v1/sources").then().statusCode(401)
                    .contentType("application/problem+json");
            // a browser that would sign in gets a page saying why, not a redirect to a server that does not answer
            await("sign-in refused with a reason").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                    .until(() -> pageWithoutSession().statusCode() == 503);
            Response page = pageWithoutSession();
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body().asString()).contains("Sign-in is unavailable");
            given().baseUri(Platform.GATEWAY).redirects().follow(false).accept("application/json").get("/search")
                    .then().statusCode(503).contentType("application/problem+json");
        } finally {
            LocalStack.start("keycloak");
        }
        assertThat(signInStatus()).as("new sign-ins work again").isEqualTo(200);
        await("sign-in redirects to Keycloak again").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500)).until(() -> pageWithoutSession().statusCode() == 302);
        await("the source accepted during the outage is searchable").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> searchable(word) == 1);
        assertThat(WalkingSkeletonTest.search(Tokens.forUser(Tokens.READER), word).getList("hits.id"))
                .containsExactly(during);
        System.out.println("fault Keycloak stopped: tokens issued before it kept working (search, sources, entities, "
                + "a source posted), an expired one got 401, sign-in got 503 with its reason, readiness stayed up");
    }

    @Test
    void postgresRestartedTheServicesRecoverWithoutARestartOfTheirOwn() {
        String word = WalkingSkeletonTest.uniqueWord();
        String analyst = Tokens.forUser(Tokens.ANALYST);
        String editor = Tokens.forUser(Tokens.EDITOR);
        Assumptions.assumeTrue(LocalStack.mayStop("postgres"), "stopping PostgreSQL needs root");
        Process sources = Platform.process("sources");
        Process entities = Platform.process("entities");
        postSource(analyst, word, 0).then().statusCode(201);
        LocalStack.stop("postgres");
        long stoppedAt = System.currentTimeMillis();
        try {
            postSource(analyst, word, 1).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5");
            given().baseUri(ENTITIES_SERVICE).auth().oauth2(editor).get("/api/v1/entities").then().statusCode(503)
                    .contentType("application/problem+json");
            given().baseUri(SOURCES_SERVICE).get("/q/health/ready").then().statusCode(503);
        } finally {
            LocalStack.start("postgres");
        }
        // from here on every answer is 201 or a 503 that says to retry; never a 500
        List<Integer> answers = new ArrayList<>();
        await("sources accepted again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    int status = postSource(analyst, word, 2).statusCode();
                    answers.add(status);
                    return status == 201;
                });
        long recovered = System.currentTimeMillis() - stoppedAt;
        assertThat(answers).isSubsetOf(503, 201);
        String name = "Fault Brigade " + word;
        String entity = given().baseUri(ENTITIES_SERVICE).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", name)).post("/api/v1/entities").then()
                .statusCode(201).extract().path("id");
        // the change feeds read from PostgreSQL again: both reach the index
        await("the sources feed flows").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> searchable(word) == 2);
        await("the registry feed flows").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> RegistryChangeTest.suggest(name).contains(entity));
        given().baseUri(SOURCES_SERVICE).get("/q/health/ready").then().statusCode(200);
        given().baseUri(ENTITIES_SERVICE).get("/q/health/ready").then().statusCode(200);
        assertThat(Platform.process("sources")).as("not restarted").isSameAs(sources);
        assertThat(Platform.process("entities")).as("not restarted").isSameAs(entities);
        assertThat(sources.isAlive() && entities.isAlive()).as("still running").isTrue();
        System.out.printf("fault PostgreSQL restarted: 503 while down, sources accepted again %d ms after the stop "
                + "(answers meanwhile %s), feeds flowing, no service restarted%n", recovered, answers);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static Response postSource(String token, String word, int n) {
        return given().baseUri(SOURCES_SERVICE).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("title", "PostgreSQL restart brief " + n, "text", "Brief " + n + ": " + word))
                .post("/api/v1/sources");
    }

    private static Response pageWithoutSession() {
        return given().baseUri(Platform.GATEWAY).redirects().follow(false).accept("text/html").get("/search");
    }

    /** The token endpoint's status for a new password sign-in, or -1 when Keycloak does not answer at all. */
    private static int signInStatus() throws InterruptedException {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(HttpRequest
                    .newBuilder(URI.create(LocalStack.OIDC_URL + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=dossier-cli&username="
                            + Tokens.READER + "&password=" + Tokens.PASSWORD))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int searchStatus(String token, String word) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token).queryParam("q", word).get("/api/v1/search")
                .statusCode();
    }

    private static int searchable(String word) {
        return WalkingSkeletonTest.total(Tokens.forUser(Tokens.READER), word);
    }

    /** Waits until search finds exactly the accepted sources, and checks the index holds each of them once. */
    /** The documents a watch was notified of, straight from the search service's database. */
    private static List<String> notified(String watch) throws java.sql.SQLException {
        List<String> notified = new java.util.ArrayList<>();
        try (var db = java.sql.DriverManager.getConnection(Platform.SEARCH_DATABASE.get("DOSSIER_DB_URL"), "dossier",
                "dossier");
                var query = db.prepareStatement("SELECT document_id FROM notification WHERE watch_id = ?")) {
            query.setObject(1, java.util.UUID.fromString(watch));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    notified.add(rows.getString(1));
                }
            }
        }
        return notified;
    }

    private static void assertAllSearchableOnce(String word, Set<String> accepted) {
        await("every accepted source searchable").atMost(Duration.ofSeconds(60 + accepted.size() / 10))
                .pollInterval(Duration.ofMillis(250)).until(() -> searchable(word) == accepted.size());
        List<String> ids = indexedIds(word);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(Set.copyOf(ids)).isEqualTo(accepted);
    }

    /**
     * Every indexed document that carries the word, straight from Elasticsearch, through the alias the search service
     * reads: a document written into two indexes behind it would be here twice.
     */
    private static List<String> indexedIds(String word) {
        JsonPath answer = given().baseUri(LocalStack.ELASTICSEARCH).contentType(ContentType.JSON)
                .body(Map.of("size", 10_000, "_source", false, "query", Map.of("match", Map.of("textForms", word))))
                .post("/" + Platform.INDEX_PREFIX + "-documents/_search").then().statusCode(200).extract()
                .jsonPath();
        return answer.getList("hits.hits._id", String.class);
    }

    /**
     * Posts sources to the sources service one after another on a thread of its own, until {@code limit} are
     * accepted or it is stopped; keeps the ids accepted and every other answer (-1: none at all).
     */
    static final class Ingest {

        private final Set<String> accepted = ConcurrentHashMap.newKeySet();
        private final Map<Integer, Integer> refused = new TreeMap<>();
        private final java.util.concurrent.atomic.AtomicInteger posted = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "fault-ingest");
                    thread.setDaemon(true);
                    return thread;
                });
        private final String word;
        private final int limit;

        private Ingest(String word, int limit) {
            this.word = word;
            this.limit = limit;
        }

        /** Posts one source every {@code pause} (after the previous one was answered), {@code limit} in all. */
        static Ingest start(String word, int limit, Duration pause) {
            Ingest ingest = new Ingest(word, limit);
            ingest.scheduler.scheduleWithFixedDelay(ingest::postNext, 0, pause.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            return ingest;
        }

        private void postNext() {
            int i = posted.getAndIncrement();
            if (i >= limit) {
                finish();
                return;
            }
            int status;
            try {
                Response answer = given().baseUri(SOURCES_SERVICE).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                        .contentType(ContentType.JSON)
                        // no registry names: other tests search the shared index for those
                        .body(Map.of("title", "Fault brief " + i, "text", "Brief " + i + " of the fault suite: "
                                + word))
                        .post("/api/v1/sources");
                status = answer.statusCode();
                if (status == 201) {
                    accepted.add(answer.path("id"));
                }
            } catch (RuntimeException e) {
                status = -1; // no answer at all (or no token): counted as refused, the ingest goes on
            }
            if (status != 201) {
                synchronized (refused) {
                    refused.merge(status, 1, Integer::sum);
                }
            }
        }

        private void finish() {
            scheduler.shutdown();
            done.countDown();
        }

        boolean running() {
            return done.getCount() > 0;
        }

        Set<String> accepted() {
            return accepted;
        }

        Map<Integer, Integer> refused() {
            synchronized (refused) {
                return Map.copyOf(refused);
            }
        }

        void awaitDone(Duration atMost) {
            await("the ingest ends").atMost(atMost).until(() -> !running());
        }

        /** Stops posting; the post in flight, if any, is answered and counted first. */
        void stop() {
            scheduler.shutdown();
            await("the ingest stops").atMost(Duration.ofSeconds(30)).until(() -> scheduler.isTerminated());
            done.countDown();
        }
    }
}
