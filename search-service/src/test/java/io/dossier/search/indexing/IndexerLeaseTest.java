package io.dossier.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
            await().during(TTL.multipliedBy(3)).atMost(TTL.multipliedBy(5)).pollInterval(TTL.dividedBy(8))
                    .until(() -> a.renewIfHeld() && b.hold() == IndexerLease.Outcome.STANDBY);
            assertThat(a.valid()).isTrue();
            assertThat(a.hold()).as("the indexer finds the lease still its own").isEqualTo(IndexerLease.Outcome.KEPT);

            // a stops renewing altogether: b takes it over, not before the TTL has passed on its own clock
            long lastRenewal = System.nanoTime();
            await().atMost(TTL.multipliedBy(2)).pollInterval(Duration.ofMillis(50)).until(() -> !a.valid());
            assertThat(a.renewIfHeld()).as("a lease run out is not renewed by the heartbeat").isFalse();
            await().atMost(TTL.multipliedBy(4)).pollInterval(Duration.ofMillis(100))
                    .until(() -> b.hold() == IndexerLease.Outcome.ACQUIRED);
            assertThat(Duration.ofNanos(System.nanoTime() - lastRenewal)).isGreaterThanOrEqualTo(TTL);
            assertThat(b.valid()).isTrue();
            assertThat(a.hold()).as("the old holder stands by").isEqualTo(IndexerLease.Outcome.STANDBY);
            assertThat(a.renewIfHeld()).isFalse();
        } finally {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        }
    }
}
