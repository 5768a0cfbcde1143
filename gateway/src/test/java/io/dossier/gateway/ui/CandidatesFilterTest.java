package io.dossier.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The candidates page's address, read whatever it holds: what is not a filter is no filter. */
class CandidatesFilterTest {

    @Test
    void noParametersAreTheDefaults() {
        CandidatesPage.Filter f = CandidatesPage.Filter.of(null, null, null, null, null);
        assertThat(f).isEqualTo(new CandidatesPage.Filter(null, null, 2, false, 0));
        assertThat(f.self()).isEqualTo("/candidates?minDocuments=2");
    }

    @Test
    void whatIsNoFilterIsLeftOutAndNumbersAreBounded() {
        CandidatesPage.Filter f = CandidatesPage.Filter.of("WEAPON<script>", "en&x=1", "-5", "old", "99999999999");
        assertThat(f).isEqualTo(new CandidatesPage.Filter(null, null, 1, false, 0));
        CandidatesPage.Filter g = CandidatesPage.Filter.of("PERSON", "ar", " 3 ", "new", "40");
        assertThat(g.self()).isEqualTo("/candidates?minDocuments=3&type=PERSON&language=ar&trend=new&from=40");
    }
}
