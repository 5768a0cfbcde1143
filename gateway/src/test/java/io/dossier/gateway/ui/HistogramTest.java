package io.dossier.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The date histogram is a time axis: gaps are gaps, long spans are years, undated documents are told. */
class HistogramTest {

    static SearchApi.DateBucket month(String start, long count) {
        return new SearchApi.DateBucket(start, "month", count);
    }

    @Test
    void monthsWithoutDocumentsKeepTheirPlaceOnTheAxis() {
        Histogram h = Histogram.of(List.of(month("2024-01-01", 4), month("2024-04-01", 2)), 9,
                (from, to) -> "/search?from=" + from + "&to=" + to);
        assertThat(h.unit()).isEqualTo("month");
        assertThat(h.bars()).hasSize(2);
        Histogram.Bar jan = h.bars().get(0);
        Histogram.Bar apr = h.bars().get(1);
        // January and April are three slots apart, not side by side
        double slot = (apr.x() - jan.x()) / 3.0;
        assertThat(slot).isGreaterThan(jan.width());
        assertThat(jan.label()).isEqualTo("Jan 2024: 4 documents");
        assertThat(apr.href()).isEqualTo("/search?from=2024-04-01&to=2024-04-30");
        assertThat(jan.height()).isEqualTo(2 * apr.height());
        assertThat(h.max()).isEqualTo(4);
        assertThat(h.undated()).as("9 found, 6 of them dated").isEqualTo(3);
        assertThat(h.first()).isEqualTo("Jan 2024");
        assertThat(h.last()).isEqualTo("Apr 2024");
        // four months: each named under its slot
        assertThat(h.ticks()).extracting(Histogram.Tick::label).containsExactly("Jan 2024", "Feb", "Mar", "Apr");
    }

    @Test
    void aSpanOfDecadesIsDrawnByYearWithAYearPerSlot() {
        Histogram h = Histogram.of(List.of(month("1970-03-01", 1), month("2025-01-01", 5), month("2025-06-01", 5)),
                11, (from, to) -> from + ".." + to);
        assertThat(h.unit()).isEqualTo("year");
        assertThat(h.bars()).extracting(Histogram.Bar::label).containsExactly("1970: 1 document",
                "2025: 10 documents");
        // 56 slots: the two bars lie at the two ends, not side by side
        assertThat(h.bars().get(1).x() - h.bars().get(0).x()).isGreaterThan(500);
        assertThat(h.bars().get(1).href()).isEqualTo("2025-01-01..2025-12-31");
        assertThat(h.ticks()).hasSizeLessThanOrEqualTo(12).extracting(Histogram.Tick::label).contains("1970");
        assertThat(h.undated()).isZero();
    }

    @Test
    void noDatedDocumentDrawsNoChart() {
        assertThat(Histogram.of(List.of(), 5, null)).isNull();
        Histogram h = Histogram.of(List.of(month("2024-01-01", 1)), 1, null);
        assertThat(h.linked()).isFalse();
    }
}
