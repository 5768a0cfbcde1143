package io.dossier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's Dockerfile.jvm: the fast-jar layout, a non-root user, its port, and a build context of just that. */
class DockerfilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"sources-service", "entities-service", "search-service", "gateway"})
    void imageOnTheFastJarLayoutAsNonRoot(String service) {
        Path module = Repository.root().resolve(service);
        String dockerfile = Repository.read(module.resolve("src/main/docker/Dockerfile.jvm"));
        for (String layer : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertThat(dockerfile).as("%s copies quarkus-app/%s", service, layer)
                    .containsPattern("COPY .*target/quarkus-app/" + Pattern.quote(layer));
        }
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        String last = null;
        while (user.find()) {
            last = user.group(1);
        }
        assertThat(last).as("%s runs as", service).isNotNull().isNotIn("root", "0", "0:0");
        assertThat(dockerfile).contains("EXPOSE " + Repository.PORTS.get(service))
                .contains("quarkus-run.jar").contains("/q/health/ready");
        assertThat(Repository.read(module.resolve(".dockerignore"))).contains("!target/quarkus-app/");
    }
}
