package io.dossier.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/**
 * Two instances' leases on one real Elasticsearch index: one holds it; the heartbeat keeps it through a step longer
 * than the TTL; the other takes it only once the holder stops renewing, and the heartbeat never takes it back.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class IndexerLeaseTest {

    static final Duration TTL = Duration.ofSeconds(2);

    @Inject
    ElasticsearchClient client;

    @Test
    void theHeartbeatKeepsTheLeaseThroughALongStepAndNeverTakesIt() throws Exception {
        String index = "dossier-test-lease-" + UUID.randomUUID().toString().substring(0, 8);
        client.indices().create(c -> c.index(index)); // created now: its creation is no part of a renewal's time
        try {
            IndexerLease a = new IndexerLease(client, index, TTL);
            IndexerLease b = new IndexerLease(client, index, TTL);
            assertThat(a.hold()).isEqualTo(IndexerLease.Outcome.ACQUIRED);
            assertThat(b.hold()).isEqualTo(IndexerLease.Outcome.STANDBY);
            assertThat(b.renewIfHeld()).as("the heartbeat of a standby does not take the lease").isFalse();

            // a's indexer is busy for three TTLs; only its heartbeat renews, while b keeps asking
            long until = System.nanoTime() + 3 * TTL.toNanos();
            while (System.nanoTime() < until) {
                assertThat(a.renewIfHeld()).isTrue();
                assertThat(b.hold()).isEqualTo(IndexerLease.Outcome.STANDBY);
                Thread.sleep(TTL.toMillis() / 4);
            }
            assertThat(a.valid()).isTrue();
            assertThat(a.hold()).as("the indexer finds the lease still its own").isEqualTo(IndexerLease.Outcome.KEPT);

            // a stops renewing altogether: b takes it over after the TTL and a margin on its own clock
            assertThat(b.hold()).isEqualTo(IndexerLease.Outcome.STANDBY); // b sees a's last renewal
            Thread.sleep(TTL.toMillis() + TTL.toMillis() / 5 + 100);
            assertThat(a.valid()).isFalse();
            assertThat(a.renewIfHeld()).as("a lease run out is not renewed by the heartbeat").isFalse();
            assertThat(b.hold()).isEqualTo(IndexerLease.Outcome.ACQUIRED);
            assertThat(b.valid()).isTrue();
            assertThat(a.hold()).as("the old holder stands by").isEqualTo(IndexerLease.Outcome.STANDBY);
            assertThat(a.renewIfHeld()).isFalse();
        } finally {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        }
    }
}
