package io.dossier.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class DocumentIndexTest {

    @Inject
    DocumentIndex index;

    @Inject
    ElasticsearchClient client;

    @Test
    void aRefusedDocumentIsSkippedAndTheRestOfTheBatchIsWritten() throws Exception {
        String good = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        index.write(List.of(
                doc(refused, "Bad date", "not a date"),
                doc(good, "Good", "2025-01-01T00:00:00Z")),
                List.of());
        assertThat(client.exists(e -> e.index(index.name()).id(good)).value()).isTrue();
        assertThat(client.exists(e -> e.index(index.name()).id(refused)).value()).isFalse();
    }

    @Test
    void deletingWhatIsNotThereIsFine() throws Exception {
        String id = UUID.randomUUID().toString();
        index.write(List.of(doc(id, "Short-lived", null)),
                List.of());
        index.write(List.of(), List.of(id, UUID.randomUUID().toString()));
        assertThat(client.exists(e -> e.index(index.name()).id(id)).value()).isFalse();
    }

    @Test
    void onlyTheIndexerMakesWritesSearchable() throws Exception {
        index.ensureExists();
        String live = index.liveName();
        // no timed refresh of Elasticsearch's own, which doubled the segments (and their merges) under a stream
        assertThat(client.indices().getSettings(g -> g.index(live)).get(live).settings().index().refreshInterval()
                .time()).isEqualTo("-1");
        String id = UUID.randomUUID().toString();
        index.write(live, List.of(doc(id, "Streamed", null)), List.of(), false);
        // nothing else writes here (the tests' instance follows no feed): not searchable until refreshed
        assertThat(client.count(c -> c.index(index.name()).query(q -> q.ids(i -> i.values(id)))).count())
                .isZero();
        index.refreshWritten();
        assertThat(client.count(c -> c.index(index.name()).query(q -> q.ids(i -> i.values(id)))).count())
                .isEqualTo(1);
    }

    private static IndexedDocument doc(String id, String title, String publishedAt) {
        return IndexedDocument.of(id, "open", title, List.of(), "text", null, null, publishedAt, "en", List.of(), null,
                List.of(), 0);
    }
}
