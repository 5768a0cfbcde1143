package io.dossier.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RefreshPaceTest {

    static final long MS = 1_000_000L;

    @Test
    void aStreamOfSmallBatchesAddsUpWithinTheWindow() {
        RefreshPace pace = new RefreshPace(Duration.ofSeconds(1));
        assertThat(pace.add(40, 0)).isEqualTo(40);
        assertThat(pace.add(40, 300 * MS)).isEqualTo(80);
        assertThat(pace.add(40, 600 * MS)).isEqualTo(120); // three small batches in a second: a stream
    }

    @Test
    void whatWasWrittenBeforeTheWindowNoLongerCounts() {
        RefreshPace pace = new RefreshPace(Duration.ofSeconds(1));
        pace.add(400, 0);
        pace.add(30, 500 * MS);
        assertThat(pace.add(1, 1_200 * MS)).isEqualTo(31); // the 400 left the window, the 30 are still in it
        assertThat(pace.add(1, 5_000 * MS)).isEqualTo(1); // a source after a quiet spell: a trickle again
    }
}
