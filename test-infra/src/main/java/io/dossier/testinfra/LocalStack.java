package io.dossier.testinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL, Elasticsearch, Keycloak and mail server that tests talk to: the tests' own stack, started (or
 * reused) by {@code DOSSIER_STACK=test deploy/local/dossier infra up}, so tests and the demo share one way of
 * provisioning but never a server. The tests' stack has its own ports, data and state; a platform a developer runs
 * with {@code deploy/local/dossier up} (ports 5432, 9200, 8180, 3025) is left alone by every test, the fault suite
 * that stops and starts servers included.
 */
public final class LocalStack {

    /** Which stack of the script: its ports and state directory are the tests' own. */
    public static final String STACK = "test";
    public static final int POSTGRES_PORT = 5433;
    /** JDBC URL of the tests' PostgreSQL, to which a database name is appended. */
    public static final String POSTGRES = "jdbc:postgresql://localhost:" + POSTGRES_PORT + "/";
    public static final String KEYCLOAK = "http://localhost:8181";
    public static final String OIDC_URL = KEYCLOAK + "/realms/dossier";
    public static final int ELASTICSEARCH_PORT = 9201;
    public static final String ELASTICSEARCH = "http://localhost:" + ELASTICSEARCH_PORT;
    public static final int SMTP_PORT = 3026;
    /** GreenMail's API: what each address received. */
    public static final String MAIL_API = "http://localhost:8026";

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

    /**
     * Whether {@link #stop(String)} can stop that server here: PostgreSQL needs root (pg_ctlcluster), Elasticsearch
     * and Keycloak a pid file (started by the script, not by someone else).
     */
    public static boolean mayStop(String name) {
        if (name.equals("postgres")) {
            return "root".equals(System.getProperty("user.name"));
        }
        String state = System.getenv().getOrDefault("DOSSIER_STATE", "root".equals(System.getProperty("user.name"))
                ? "/var/lib/dossier"
                : System.getProperty("user.home") + "/.cache/dossier");
        return Files.exists(Path.of(state, "test-stack", "run", name + ".pid"));
    }

    /** Runs the script for the tests' stack; its output, or why it failed, as the exception's message. */
    public static String run(String... arguments) {
        return script(STACK, arguments);
    }

    /** Runs the script for a stack ({@code dev} or {@code test}). */
    public static String script(String stack, String... arguments) {
        Path script = root().resolve("deploy/local/dossier");
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DOSSIER_STACK", stack);
            Process process = builder.start();
            // the output goes to this JVM's stdout (which surefire keeps in the test's report) and into the error;
            // read on a thread of its own, so that a hung script still times out
            StringBuffer output = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        System.out.println(line);
                        output.append(line).append('\n');
                    }
                } catch (IOException e) {
                    output.append("(output unreadable: ").append(e.getMessage()).append(")\n");
                }
            }, "local-stack-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 10 minutes:\n"
                        + output);
            }
            reader.join(5_000);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output.toString();
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
