package io.dossier.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL, Elasticsearch and Keycloak that tests talk to: the same ones as the local stack, started (or
 * reused) by {@code deploy/local/dossier infra up}, so tests and the demo share one way of provisioning.
 */
public final class LocalStack {

    public static final String OIDC_URL = "http://localhost:8180/realms/dossier";
    public static final String ELASTICSEARCH = "http://localhost:9200";

    private static boolean ready;

    private LocalStack() {
    }

    /** Starts the stack once per JVM; fast when it already runs (the script only checks and re-imports the realm if it changed). */
    public static synchronized void ensureRunning() {
        if (ready) {
            return;
        }
        Path script = root().resolve("deploy/local/dossier");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "infra", "up").inheritIO().start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("deploy/local/dossier infra up failed; see its output above");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ready = true;
    }

    /** The repository root: the surefire property set by the parent pom, else the first parent holding deploy/local. */
    public static Path root() {
        String configured = System.getProperty("dossier.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "deploy/local"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/local"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (no deploy/local above " + Path.of("")
                    .toAbsolutePath() + ")");
        }
        return dir;
    }
}
