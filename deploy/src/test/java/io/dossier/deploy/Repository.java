package io.dossier.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository the deployment files describe: its root, and what each service reads from the environment. */
final class Repository {

    static final List<String> SERVICES = List.of("sources-service", "entities-service", "search-service", "gateway");
    static final Map<String, Integer> PORTS = Map.of("sources-service", 8081, "entities-service", 8082,
            "search-service", 8083, "gateway", 8080);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private Repository() {
    }

    /** The repository root (this module is {@code deploy/}). */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("deploy/pom.xml")) ? here : here.getParent();
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The environment variables a service's production configuration reads, each mapped to whether it has a
     * default ({@code ${NAME:default}}): lines of application.properties that apply in %prod (no profile, or %prod).
     */
    static Map<String, Boolean> productionVariables(String service) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String line : read(root().resolve(service).resolve("src/main/resources/application.properties"))
                .split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || (l.startsWith("%") && !l.startsWith("%prod."))) {
                continue;
            }
            Matcher m = VARIABLE.matcher(l);
            while (m.find()) {
                out.merge(m.group(1), m.group(2) != null, (a, b) -> a && b);
            }
        }
        return out;
    }

    /** The variables without a default: an installation must set them. */
    static List<String> requiredVariables(String service) {
        return productionVariables(service).entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .toList();
    }
}
