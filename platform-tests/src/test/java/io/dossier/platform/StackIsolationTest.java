package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;

/**
 * A developer's platform ({@code deploy/local/dossier up}) and a test run ({@code ./mvnw verify}) side by side: the
 * tests' stack shares no port and no state directory with the developer's, the tests are configured for their own
 * stack only, and taking the tests' servers away, as the fault suite does, leaves the developer's answering with its
 * data. Where no developer's server runs (CI), the test starts the developer's Elasticsearch and PostgreSQL itself,
 * and stops them again afterwards.
 */
@ExtendWith(PlatformExtension.class)
class StackIsolationTest {

    @Test
    void theTwoStacksShareNoPortAndNoState() {
        Map<String, String> dev = addresses("dev");
        Map<String, String> test = addresses("test");
        Set<String> devPorts = ports(dev);
        Set<String> testPorts = ports(test);
        assertThat(devPorts).hasSize(8);
        assertThat(testPorts).hasSize(8).doesNotContainAnyElementsOf(devPorts);
        assertThat(test.get("STATE")).isNotEqualTo(dev.get("STATE"));
        // what the tests talk to is the tests' stack
        assertThat(String.valueOf(LocalStack.POSTGRES_PORT)).isEqualTo(test.get("POSTGRES"));
        assertThat(String.valueOf(LocalStack.ELASTICSEARCH_PORT)).isEqualTo(test.get("ELASTICSEARCH"));
        assertThat(LocalStack.KEYCLOAK).endsWith(":" + test.get("KEYCLOAK"));
        assertThat(String.valueOf(LocalStack.SMTP_PORT)).isEqualTo(test.get("SMTP"));
        assertThat(LocalStack.MAIL_API).endsWith(":" + test.get("MAIL_API"));
        // the tests' stack has servers only: bringing "its platform" up would start services on the dev ports
        assertThatThrownBy(() -> LocalStack.script("test", "up")).hasMessageContaining("has no platform to bring up");
        assertThatThrownBy(() -> LocalStack.script("test", "down")).hasMessageContaining("has no platform");
    }

    @Test
    void stoppingTheTestsElasticsearchLeavesTheDevelopersRunningWithItsData() {
        Assumptions.assumeTrue(LocalStack.mayStop("elasticsearch"), "Elasticsearch was not started by the script");
        int devPort = Integer.parseInt(addresses("dev").get("ELASTICSEARCH"));
        boolean devWasUp = listening(devPort);
        if (!devWasUp) {
            LocalStack.script("dev", "infra", "start", "elasticsearch");
        }
        String dev = "http://localhost:" + devPort;
        String index = "dossier-isolation-" + UUID.randomUUID();
        try {
            given().baseUri(dev).contentType(ContentType.JSON).body(Map.of("marker", index))
                    .put("/" + index + "/_doc/1?refresh=true").then().statusCode(201);
            LocalStack.stop("elasticsearch");
            try {
                assertThat(listening(LocalStack.ELASTICSEARCH_PORT)).as("the tests' Elasticsearch is down").isFalse();
                given().baseUri(dev).get("/" + index + "/_doc/1").then().statusCode(200);
            } finally {
                LocalStack.start("elasticsearch");
            }
            given().baseUri(dev).get("/" + index + "/_doc/1").then().statusCode(200);
        } finally {
            given().baseUri(dev).delete("/" + index);
            if (!devWasUp) {
                LocalStack.script("dev", "infra", "stop", "elasticsearch");
            }
        }
        awaitPlatformRecovered();
        System.out.printf("stack isolation: the tests' Elasticsearch stopped and started, the developer's (:%d, %s)"
                + " answered throughout%n", devPort, devWasUp ? "already running" : "started for the test");
    }

    @Test
    void stoppingTheTestsPostgresLeavesTheDevelopersRunning() throws SQLException {
        Assumptions.assumeTrue(LocalStack.mayStop("postgres"), "stopping PostgreSQL needs root");
        int devPort = Integer.parseInt(addresses("dev").get("POSTGRES"));
        boolean devWasUp = listening(devPort);
        if (!devWasUp) {
            LocalStack.script("dev", "infra", "start", "postgres");
        }
        String dev = "jdbc:postgresql://localhost:" + devPort + "/dossier_sources";
        try (Connection connection = DriverManager.getConnection(dev, "dossier", "dossier")) {
            LocalStack.stop("postgres");
            try {
                assertThat(listening(LocalStack.POSTGRES_PORT)).as("the tests' PostgreSQL is down").isFalse();
                assertThat(selectOne(connection)).as("the developer's session goes on").isEqualTo(1);
            } finally {
                LocalStack.start("postgres");
            }
            assertThat(selectOne(connection)).isEqualTo(1);
        } finally {
            if (!devWasUp) {
                LocalStack.script("dev", "infra", "stop", "postgres");
            }
        }
        awaitPlatformRecovered();
        System.out.printf("stack isolation: the tests' PostgreSQL stopped and started, the developer's (:%d, %s) "
                + "kept its session%n", devPort, devWasUp ? "already running" : "started for the test");
    }

    /**
     * The platform under test used the servers taken away: before the next test, its services are ready again and a
     * new source is searchable (the indexer has left its retry pause).
     */
    private static void awaitPlatformRecovered() {
        await("the platform's services ready again").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> given().baseUri("http://localhost:18083")
                        .get("/q/health/ready").statusCode() == 200
                        && given().baseUri("http://localhost:18081").get("/q/health/ready").statusCode() == 200);
        String word = WalkingSkeletonTest.uniqueWord();
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", "Isolation probe " + word, "text", "After the restart: " + word))
                .post("/api/v1/sources").then().statusCode(201);
        await("a new source searchable again").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> WalkingSkeletonTest.total(Tokens.forUser(Tokens.READER), word) == 1);
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select 1")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static Map<String, String> addresses(String stack) {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String line : LocalStack.script(stack, "addresses").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                addresses.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return addresses;
    }

    private static Set<String> ports(Map<String, String> addresses) {
        Set<String> ports = new HashSet<>(addresses.values());
        ports.remove(addresses.get("STACK"));
        ports.remove(addresses.get("STATE"));
        return ports;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
