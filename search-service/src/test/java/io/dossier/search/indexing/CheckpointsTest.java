package io.dossier.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class CheckpointsTest {

    @Inject
    Checkpoints checkpoints;

    @Test
    void startsAtZeroAndKeepsWhatWasPut() throws Exception {
        String feed = "test-" + UUID.randomUUID();
        assertThat(checkpoints.get(feed)).isZero();
        checkpoints.put(feed, 42);
        assertThat(checkpoints.get(feed)).isEqualTo(42);
        checkpoints.put(feed, 43);
        assertThat(checkpoints.get(feed)).isEqualTo(43);
    }
}
