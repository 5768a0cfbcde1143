package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;

/**
 * One request, one trace: a search sent through the gateway yields the gateway's spans and the search service's,
 * joined parent to child, down to the Elasticsearch call; a document read, the sources service's SQL. The services
 * send their spans by OTLP to the tests' collector ({@link TraceCollector}). The traces go through a gateway that
 * samples every request ({@code DOSSIER_TRACES_RATIO=1}); the platform's own gateway samples none, and a caller's
 * "sampled" flag does not change that.
 */
@ExtendWith(PlatformExtension.class)
class TracingTest {

    private static final int PORT = 18097;
    private static final String TRACED = "http://localhost:" + PORT;
    private static Process tracedGateway;

    @BeforeAll
    static void tracedGateway() {
        tracedGateway = Platform.startGatewayInstance("gateway-traced", PORT, "-Dquarkus.otel.traces.sampler.arg=1");
    }

    @AfterAll
    static void stop() {
        if (tracedGateway != null) {
            tracedGateway.destroy();
        }
    }

    @Test
    void aCallerCannotMakeTheGatewayTraceItsRequests() {
        // the platform's gateway samples no request of its own: a caller's "sampled" flag must not change that
        String forced = newTrace();
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.READER)).header("traceparent",
                "00-" + forced + "-00f067aa0ba902b7-01").queryParam("q", "convoy").get("/api/v1/search").then()
                .statusCode(200);
        // a traced request after it, marked sampled too: once its spans are in, the forced one's would be too (both
        // are sent within the same fifth of a second)
        String traced = newTrace();
        given().baseUri(TRACED).auth().oauth2(Tokens.forUser(Tokens.READER)).header("traceparent",
                "00-" + traced + "-00f067aa0ba902b7-01").queryParam("q", "convoy").get("/api/v1/search").then()
                .statusCode(200);
        await(traced, "search-service", s -> "elasticsearch".equals(s.attributes().get("db.system")));
        assertThat(Platform.TRACES.trace(forced)).as("spans of a request the caller marked sampled").isEmpty();
    }

    @Test
    void aSearchThroughTheGatewayIsOneTraceWithSpansFromBothServicesAndElasticsearch() {
        String trace = newTrace();
        // the caller's trace id is kept (its span is the parent), its flag ("not sampled") is not followed
        given().baseUri(TRACED).auth().oauth2(Tokens.forUser(Tokens.READER)).header("traceparent",
                "00-" + trace + "-00f067aa0ba902b7-00").queryParam("q", "convoy").get("/api/v1/search").then()
                .statusCode(200);
        List<TraceCollector.Span> spans = await(trace, "search-service", s -> "elasticsearch".equals(s.attributes()
                .get("db.system")));
        TraceCollector.Span gatewayServer = only(spans, "gateway", "SPAN_KIND_SERVER");
        TraceCollector.Span searchServer = only(spans, "search-service", "SPAN_KIND_SERVER");
        assertThat(gatewayServer.parentId()).as("the caller's span is the root's parent").isEqualTo("00f067aa0ba902b7");
        assertThat(parent(spans, searchServer)).as("the service's span is a child of the gateway's call")
                .satisfies(call -> {
                    assertThat(call.service()).isEqualTo("gateway");
                    assertThat(call.kind()).isEqualTo("SPAN_KIND_CLIENT");
                    assertThat(call.parentId()).isEqualTo(gatewayServer.spanId());
                });
        assertThat(spans).anySatisfy(s -> {
            assertThat(s.service()).isEqualTo("search-service");
            assertThat(s.attributes()).containsEntry("db.system", "elasticsearch");
        });
        System.out.printf("one search through the gateway, trace %s: %s%n", trace, describe(spans));
    }

    @Test
    void aDocumentReadIsTracedToItsSql() {
        String id = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON).body(Map.of("title", "Traced brief", "text", "A convoy was traced "
                        + UUID.randomUUID()))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        String trace = newTrace();
        given().baseUri(TRACED).auth().oauth2(Tokens.forUser(Tokens.READER)).header("traceparent",
                "00-" + trace + "-00f067aa0ba902b7-01").get("/api/v1/sources/" + id).then().statusCode(200);
        List<TraceCollector.Span> spans = await(trace, "sources-service", s -> "postgresql".equals(s.attributes()
                .get("db.system")));
        TraceCollector.Span sourcesServer = only(spans, "sources-service", "SPAN_KIND_SERVER");
        assertThat(parent(spans, sourcesServer).service()).isEqualTo("gateway");
        System.out.printf("one document read through the gateway, trace %s: %s%n", trace, describe(spans));
    }

    @Test
    void indexingABatchIsOneTraceThroughTheEntitiesServiceAndElasticsearch() {
        // a search service of its own, on indexes of its own, that samples everything it does
        String prefix = "dossier-e2e-traced";
        Platform.deleteIndexes(prefix);
        Process indexer = Platform.startSearchInstance("search-traced", 18086, Map.of("DOSSIER_ES_HOSTS",
                "localhost:" + LocalStack.ELASTICSEARCH_PORT, "DOSSIER_SEARCH_INDEX_PREFIX", prefix,
                "DOSSIER_TRACES_RATIO", "1"));
        try {
            given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                    .contentType(ContentType.JSON).body(Map.of("title", "Traced while indexed", "text",
                            "Kataib Hezbollah moved a convoy " + UUID.randomUUID()))
                    .post("/api/v1/sources").then().statusCode(201);
            List<TraceCollector.Span> spans = Awaitility.await("an indexed batch's trace").atMost(
                    Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> batchTrace(),
                            trace -> !trace.isEmpty());
            TraceCollector.Span batch = spans.stream().filter(s -> s.name().equals("index feed batch")).findFirst()
                    .orElseThrow();
            assertThat(batch.service()).isEqualTo("search-service");
            assertThat(batch.attributes()).containsKey("dossier.batch.entries");
            assertThat(spans).as(describe(spans)).anySatisfy(s -> {
                assertThat(s.service()).isEqualTo("entities-service");
                assertThat(s.kind()).isEqualTo("SPAN_KIND_SERVER");
                assertThat(s.name()).contains("/mentions/batch");
            });
            assertThat(spans).as(describe(spans)).anySatisfy(s -> {
                assertThat(s.service()).isEqualTo("search-service");
                assertThat(s.attributes()).containsEntry("db.system", "elasticsearch");
                assertThat(s.name()).isEqualTo("bulk");
            });
            System.out.printf("one indexed batch, trace %s: %s%n", batch.traceId(), describe(spans));
        } finally {
            indexer.destroy();
        }
    }

    /**
     * The spans of a trace rooted at an indexed batch that reached the entities service and Elasticsearch's bulk
     * write, or none yet.
     */
    private static List<TraceCollector.Span> batchTrace() {
        for (TraceCollector.Span root : Platform.TRACES.all()) {
            if (root.name().equals("index feed batch")) {
                List<TraceCollector.Span> trace = Platform.TRACES.trace(root.traceId());
                boolean linked = trace.stream().anyMatch(s -> s.service().equals("entities-service")
                        && s.kind().equals("SPAN_KIND_SERVER"));
                boolean written = trace.stream().anyMatch(s -> s.name().equals("bulk"));
                if (linked && written) {
                    return trace;
                }
            }
        }
        return List.of();
    }

    private static String newTrace() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static List<TraceCollector.Span> await(String trace, String service,
            java.util.function.Predicate<TraceCollector.Span> wanted) {
        return Awaitility.await("the spans of trace " + trace).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200)).until(() -> Platform.TRACES.trace(trace),
                        // each service's request span ends (and is sent) after the spans of the work it did
                        spans -> spans.stream().anyMatch(s -> s.service().equals("gateway")
                                && s.kind().equals("SPAN_KIND_SERVER"))
                                && spans.stream().anyMatch(s -> s.service().equals(service)
                                        && s.kind().equals("SPAN_KIND_SERVER"))
                                && spans.stream().anyMatch(s -> s.service().equals(service) && wanted.test(s)));
    }

    private static TraceCollector.Span only(List<TraceCollector.Span> spans, String service, String kind) {
        List<TraceCollector.Span> found = spans.stream().filter(s -> s.service().equals(service)
                && s.kind().equals(kind) && !s.attributes().containsKey("db.system")).toList();
        assertThat(found).as(service + " " + kind + " in " + describe(spans)).hasSize(1);
        return found.get(0);
    }

    private static TraceCollector.Span parent(List<TraceCollector.Span> spans, TraceCollector.Span child) {
        return spans.stream().filter(s -> s.spanId().equals(child.parentId())).findFirst()
                .orElseThrow(() -> new AssertionError("no parent of " + child + " in " + describe(spans)));
    }

    private static String describe(List<TraceCollector.Span> spans) {
        return spans.stream().map(s -> s.service() + ":" + s.kind().replace("SPAN_KIND_", "").toLowerCase() + ":"
                + s.name()).collect(Collectors.joining(", "));
    }
}
