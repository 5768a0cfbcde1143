package io.dossier.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** Installs Debian's Chromium and ChromeDriver for browser tests if they are missing. */
    public static synchronized void ensureBrowser() {
        if (!Files.isExecutable(Path.of("/usr/bin/chromedriver"))
                || !Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            run("install-browser");
        }
    }

    /** Starts the stack once per JVM; fast when it already runs (the script only checks and re-imports the realm if it changed). */
    public static synchronized void ensureRunning() {
        if (ready) {
            return;
        }
        run("infra", "up");
        ready = true;
    }

    /** Stops one server of the stack ({@code postgres}, {@code elasticsearch}, {@code keycloak}): the fault suite. */
    public static synchronized void stop(String name) {
        run("infra", "stop", name);
    }

    /** Starts one server of the stack again and waits until it answers. */
    public static synchronized void start(String name) {
        run("infra", "start", name);
    }

    private static void run(String... arguments) {
        Path script = root().resolve("deploy/local/dossier");
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        try {
            // the output goes to this JVM's stdout (which surefire keeps in the test's report) and into the error
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder output = new StringBuilder();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println(line);
                    output.append(line).append('\n');
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** ../shared beside the repository (seeds and corpora): only the shared-corpus suite may need it. */
    public static Path shared() {
        Path shared = root().toAbsolutePath().getParent().resolve("shared");
        if (!Files.isDirectory(shared.resolve("corpus"))) {
            throw new IllegalStateException("the shared-corpus suite needs ../shared/corpus beside the repository: "
                    + shared);
        }
        return shared;
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
