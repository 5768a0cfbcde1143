package io.dossier.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import io.dossier.testinfra.LocalStack;

/**
 * The four packaged services (target/quarkus-app of each module), started as real processes on ports 18080-18083
 * with their production configuration, against the local stack, with databases and indexes of their own that start
 * empty on every run. Started once per test JVM, stopped when it exits.
 */
final class Platform {

    static final String GATEWAY = "http://localhost:18080";
    static final String INDEX_PREFIX = "dossier-e2e";
    /** The search service reaches Elasticsearch through this, so that a test can take Elasticsearch away from it. */
    static final TcpProxy ELASTICSEARCH_LINK = new TcpProxy(19200, "localhost", LocalStack.ELASTICSEARCH_PORT);

    /** A service to start: its module's package, its port, its environment and JVM options over the platform's. */
    private record Service(String name, String module, int port, Map<String, String> env, List<String> jvm) {

        Service(String name, String module, int port, Map<String, String> env) {
            this(name, module, port, env, List.of());
        }
    }

    private static final List<Process> RUNNING = new ArrayList<>();
    /** The platform's own four services, by name, and the process each runs as now. */
    private static final Map<String, Service> SERVICES = new LinkedHashMap<>();
    private static final Map<String, Process> PROCESSES = new LinkedHashMap<>();
    /** The environment every service gets. */
    private static final Map<String, String> COMMON = new LinkedHashMap<>();
    private static boolean started;
    /** Where the services send their spans. */
    static final TraceCollector TRACES = new TraceCollector();

    private Platform() {
    }

    /** The search service's database (watches and notifications), shared by every search instance of a run. */
    static final Map<String, String> SEARCH_DATABASE = Map.of("DOSSIER_DB_URL",
            LocalStack.POSTGRES + "dossier_search_e2e");

    static synchronized void start() {
        if (started) {
            return;
        }
        LocalStack.ensureRunning();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // Every run starts from empty databases (Flyway recreates the schemas) ...
        for (String database : List.of("dossier_sources_e2e", "dossier_entities_e2e", "dossier_search_e2e")) {
            resetSchema(database);
        }
        // ... and the search service rebuilds its index from the feed (sequence 0) every run. Elasticsearch refuses
        // wildcard deletions, and the documents are behind an alias: delete the concrete indexes it names.
        deleteIndexes(INDEX_PREFIX);

        Map<String, String> common = COMMON;
        common.clear();
        common.put("DOSSIER_OIDC_URL", LocalStack.OIDC_URL);
        common.put("DOSSIER_KEYCLOAK_URL", LocalStack.KEYCLOAK);
        common.put("DOSSIER_DB_USER", "dossier");
        common.put("DOSSIER_DB_PASSWORD", "dossier");
        ELASTICSEARCH_LINK.start();
        common.put("DOSSIER_ES_HOSTS", "localhost:" + ELASTICSEARCH_LINK.port());
        common.put("DOSSIER_SEARCH_INDEX_PREFIX", INDEX_PREFIX);
        common.put("DOSSIER_SOURCES_URL", "http://localhost:18081");
        common.put("DOSSIER_ENTITIES_URL", "http://localhost:18082");
        common.put("DOSSIER_SEARCH_URL", "http://localhost:18083");
        common.put("DOSSIER_SEARCH_CLIENT_SECRET", "dev-search-service-secret");
        common.put("DOSSIER_GATEWAY_CLIENT_SECRET", "dev-gateway-secret");
        common.put("DOSSIER_SESSION_SECRET", "platform-test-session-encryption-secret-0123");
        common.put("DOSSIER_PUBLIC_URL", "http://localhost:18080");
        // watches' e-mail: the tests' stack's GreenMail
        common.put("DOSSIER_SMTP_PORT", String.valueOf(LocalStack.SMTP_PORT));
        // webhooks: the tests' receivers listen on this machine
        common.put("DOSSIER_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
        // logs in text, which the tests read (JsonLogsTest starts a service of its own with JSON lines)
        common.put("DOSSIER_LOG_FORMAT", "text");
        // traces: none sampled by the platform's gateway (ratio 0, whatever a caller asks); the services follow their
        // caller, so a gateway started with a ratio of 1 traces through them (TracingTest); spans go to the tests'
        // own collector
        common.put("DOSSIER_OTLP_PROTOCOL", "http/protobuf");
        common.put("DOSSIER_OTLP_ENDPOINT", "http://127.0.0.1:" + TRACES.start());
        common.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "PT0.2S");
        // the dev realm's client secrets and database password: allowed here, and said so in each service's log
        common.put("DOSSIER_ALLOW_DEVELOPMENT_SECRETS", "true");

        List<Service> services = List.of(
                new Service("sources", "sources-service", 18081,
                        Map.of("DOSSIER_DB_URL", LocalStack.POSTGRES + "dossier_sources_e2e")),
                new Service("entities", "entities-service", 18082,
                        Map.of("DOSSIER_DB_URL", LocalStack.POSTGRES + "dossier_entities_e2e")),
                new Service("search", "search-service", 18083, SEARCH_DATABASE),
                new Service("gateway", "gateway", 18080, Map.of()));

        // a relaunched service appends to its log; each run starts them afresh
        for (Service service : services) {
            try {
                Files.deleteIfExists(LOGS.resolve(service.name() + ".log"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        for (Service service : services) {
            SERVICES.put(service.name(), service);
            PROCESSES.put(service.name(), launch(service));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(Platform::stop));
        for (Service service : services) {
            awaitReady(http, service, PROCESSES.get(service.name()), LOGS);
        }
        started = true;
    }

    private static final Path LOGS = Path.of("target", "platform-logs");

    private static Process launch(Service service) {
        Path jar = LocalStack.root().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the whole build (./mvnw verify), "
                    + "which packages the services before these tests");
        }
        try {
            Files.createDirectories(LOGS);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx384m"));
            command.addAll(service.jvm()); // after the default, so a heap given here wins
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(service.name() + ".log").toFile()));
            builder.environment().putAll(COMMON);
            service.env().forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k); // a variable the test wants unset
                } else {
                    builder.environment().put(k, v);
                }
            });
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
            // its metrics a thousand ports up (the local platform's services use 9080-9083)
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(service.port() + 1000));
            Process process = builder.start();
            RUNNING.add(process);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + service.name(), e);
        }
    }

    /**
     * A packaged service started with the platform's environment, {@code env} over it and the variables
     * {@code dropped} taken out, not awaited: for tests of how a service starts (or refuses to). Its output goes to
     * target/platform-logs/NAME.log; the caller stops it (it is stopped with the platform otherwise).
     */
    static Process launchAlone(String name, String module, int port, Map<String, String> env, String... dropped) {
        start();
        Map<String, String> environment = new LinkedHashMap<>(env);
        for (String variable : dropped) {
            environment.put(variable, null);
        }
        return launch(new Service(name, module, port, environment));
    }

    /**
     * One more gateway on {@code port}, in front of the platform's services, with {@code jvm} options (a smaller
     * heap), started and ready; the caller stops it (it is stopped with the platform otherwise).
     */
    static Process startGatewayInstance(String name, int port, String... jvm) {
        start();
        Service service = new Service(name, "gateway", port, Map.of("DOSSIER_PUBLIC_URL", "http://localhost:" + port),
                List.of(jvm));
        Process process = launch(service);
        awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), service, process, LOGS);
        return process;
    }

    /** The log of a service started by the platform. */
    static Path log(String name) {
        return LOGS.resolve(name + ".log");
    }

    /**
     * One more search service instance on {@code port}, with {@code env} over the platform's environment, started
     * and ready; the caller stops it (it is stopped with the platform otherwise).
     */
    static Process startSearchInstance(String name, int port, Map<String, String> env) {
        start();
        Map<String, String> environment = new LinkedHashMap<>(SEARCH_DATABASE);
        environment.putAll(env);
        Service service = new Service(name, "search-service", port, environment);
        Process process = launch(service);
        awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), service, process, LOGS);
        return process;
    }

    /** kill -9 of one of the platform's services ({@code sources}, {@code entities}, {@code search}, {@code gateway}). */
    static synchronized void kill(String name) {
        Process process = PROCESSES.remove(name);
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(process);
    }

    /** The process one of the platform's services runs as now. */
    static synchronized Process process(String name) {
        return PROCESSES.get(name);
    }

    /** Starts a service {@link #kill(String) killed} before, on its port and with its environment, and waits until ready. */
    static synchronized void relaunch(String name) {
        Service service = SERVICES.get(name);
        if (PROCESSES.containsKey(name)) {
            throw new IllegalStateException(name + " is running");
        }
        Process process = launch(service);
        PROCESSES.put(name, process);
        awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), service, process, LOGS);
    }

    /** Deletes the indexes behind {@code <prefix>-documents*}, {@code -checkpoints} and {@code -entities-v*}. */
    static void deleteIndexes(String prefix) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String index : concreteIndexes(http, prefix, List.of("documents*", "checkpoints", "entities-v*"))) {
            HttpResponse<String> deleted = send(http, HttpRequest.newBuilder(URI.create(LocalStack.ELASTICSEARCH + "/"
                    + index)).DELETE().build());
            if (deleted == null || (deleted.statusCode() != 200 && deleted.statusCode() != 404)) {
                throw new IllegalStateException("cannot delete index " + index + ": "
                        + (deleted == null ? "Elasticsearch unreachable" : deleted.body()));
            }
        }
    }

    private static void awaitReady(HttpClient http, Service service, Process process, Path logs) {
        URI ready = URI.create("http://localhost:" + service.port() + "/q/health/ready");
        try {
            Awaitility.await(service.name() + " ready").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(service.name() + " exited");
                        }
                        HttpResponse<String> answer = send(http, HttpRequest.newBuilder(ready).build());
                        return answer != null && answer.statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            throw new IllegalStateException(service.name() + " did not become ready; see "
                    + logs.resolve(service.name() + ".log").toAbsolutePath(), e);
        }
    }

    private static void resetSchema(String database) {
        try (Connection connection = DriverManager.getConnection(LocalStack.POSTGRES + database,
                "dossier", "dossier"); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset database " + database, e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop() {
        RUNNING.forEach(Process::destroy);
        for (Process process : RUNNING) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    /** The concrete indexes behind each name (an index, or an alias), of this run's prefix. */
    private static List<String> concreteIndexes(HttpClient http, String prefix, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            HttpResponse<String> found = send(http, HttpRequest.newBuilder(URI.create(LocalStack.ELASTICSEARCH + "/"
                    + prefix + "-" + name + "/_alias")).GET().build());
            if (found == null) {
                throw new IllegalStateException("Elasticsearch unreachable");
            }
            if (found.statusCode() == 200) {
                Matcher m = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\\{\\s*\"aliases\"")
                        .matcher(found.body());
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
