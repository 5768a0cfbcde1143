package io.dossier.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A watch on the watches page links to the very search it runs: its query, filters and exact. */
class WatchViewTest {

    @Test
    void theLinkRunsTheWatchedSearchWithItsFilters() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("collection", List.of("open", "bench"));
        filters.put("publishedFrom", "2025-01-01");
        filters.put("type", List.of());
        filters.put("exact", true);
        assertThat(WatchesPage.WatchView.searchUrl("كتائب حزب الله & KH", filters)).isEqualTo(
                "/search?q=%D9%83%D8%AA%D8%A7%D8%A6%D8%A8+%D8%AD%D8%B2%D8%A8+%D8%A7%D9%84%D9%84%D9%87+%26+KH"
                        + "&collection=open&collection=bench&publishedFrom=2025-01-01&exact=true");
        // a watch of everything in a collection: the search page with that filter alone
        assertThat(WatchesPage.WatchView.searchUrl("*", Map.of("collection", List.of("open"), "exact", false)))
                .isEqualTo("/search?q=&collection=open");
    }
}
