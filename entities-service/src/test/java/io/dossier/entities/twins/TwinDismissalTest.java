package io.dossier.entities.twins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class TwinDismissalTest {

    @Test
    void aPairHasOneKeyWhateverTheOrder() {
        UUID a = UUID.fromString("11111111-0000-0000-0000-000000000000");
        UUID b = UUID.fromString("22222222-0000-0000-0000-000000000000");
        assertThat(TwinDismissal.Pair.of(a, b)).isEqualTo(TwinDismissal.Pair.of(b, a))
                .isEqualTo(new TwinDismissal.Pair(a, b));
    }

    @Test
    void idsAreOrderedAsPostgresqlOrdersThemNotAsJavaDoes() {
        // PostgreSQL compares uuids byte by byte, unsigned: f… is after 1…; UUID.compareTo is signed and disagrees
        UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000");
        UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
        assertThat(high.compareTo(low)).isNegative();
        assertThat(TwinDismissal.Pair.of(high, low)).isEqualTo(new TwinDismissal.Pair(low, high));
        // the same in the second half
        UUID highTail = UUID.fromString("10000000-0000-0000-f000-000000000000");
        UUID lowTail = UUID.fromString("10000000-0000-0000-1000-000000000000");
        assertThat(TwinDismissal.Pair.of(highTail, lowTail)).isEqualTo(new TwinDismissal.Pair(lowTail, highTail));
    }
}
