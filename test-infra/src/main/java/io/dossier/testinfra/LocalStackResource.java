package io.dossier.testinfra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** {@code @QuarkusTestResource(LocalStackResource.class)}: the test talks to the real local stack. */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        LocalStack.ensureRunning();
        return Map.of();
    }

    @Override
    public void stop() {
        // The stack outlives the test run: the next module and the next run reuse it.
    }
}
