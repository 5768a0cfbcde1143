package io.dossier.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetiringFilterTest {

    @Test
    void theHeadersAreTheRfcsForms() {
        assertThat(RetiringFilter.deprecation("2026-12-01")).isEqualTo("@1796083200");
        assertThat(RetiringFilter.sunset("2027-06-01")).isEqualTo("Tue, 01 Jun 2027 00:00:00 GMT");
    }
}
