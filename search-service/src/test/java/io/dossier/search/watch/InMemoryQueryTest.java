package io.dossier.search.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.EntitiesApi;
import io.dossier.search.indexing.IndexedDocument;
import io.dossier.search.query.SavedSearch;
import io.dossier.testinfra.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

/**
 * A watch matches exactly what the same search finds: each saved search below is run by Elasticsearch over a set of
 * documents and evaluated in memory against each of them alone, and the two must name the same documents. Also that
 * the key terms never leave out a document that matches (a watch is only evaluated against documents holding one).
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class InMemoryQueryTest {

    @Inject
    DocumentIndex index;
    @Inject
    ElasticsearchClient client;

    final List<IndexedDocument> documents = new ArrayList<>();
    String marker;
    String kh;

    @BeforeEach
    void indexDocuments() throws Exception {
        marker = "w" + UUID.randomUUID().toString().replace("-", "");
        kh = UUID.randomUUID().toString();
        documents.clear();
        String title = "Drone strike near al-Qaim " + marker;
        String text = "Kata'ib Hizbullah claimed the drone strikes on the border crossing. " + marker;
        int at = IndexedDocument.linkedText(title, text).indexOf("Kata'ib");
        documents.add(IndexedDocument.of(UUID.randomUUID().toString(), "open", title, List.of("A. Writer"), text,
                null, "Example Monitor", "2025-03-14T09:00:00Z", "en", List.of("drones"), "2025-03-15T10:00:00Z",
                List.of(new EntitiesApi.Mention(kh, "ORGANIZATION", "Kataib Hezbollah", at, at + 17,
                        "Kata'ib Hizbullah", "Kata'ib Hizbullah")),
                0));
        documents.add(IndexedDocument.of(UUID.randomUUID().toString(), "open",
                "Statement by Asaib Ahl al-Haq " + marker, List.of(),
                "The militia denied attacking the base. " + marker,
                null, "Example Wire", "2025-01-31T23:00:00Z", "en", List.of(), "2025-03-16T10:00:00Z", List.of(), 0));
        documents.add(IndexedDocument.of(UUID.randomUUID().toString(), "open", "بيان " + marker, List.of(),
                "أعلنت كتائب حزب الله مسؤوليتها عن الهجمات على القاعدة وللفصائل موقف. " + marker, null,
                "Example Arabic", "2025-02-01T00:00:00Z", "ar", List.of(), "2025-03-17T10:00:00Z", List.of(), 0));
        documents.add(IndexedDocument.of(UUID.randomUUID().toString(), "restricted", "Informant report " + marker,
                List.of(), "A checkpoint attack by the brigade, reported by a source. " + marker, null,
                "Field Office", null, "en", List.of("humint"), "2025-03-20T10:00:00Z", List.of(), 0));
        // analysts' notes: searched as the document's words, one note at a time
        documents
                .add(noted("The statement said nothing of the base. " + marker, "Two more checkpoints were seen there.",
                        "Reported by a driver who saw convoys."));
        index.write(documents, List.of());
    }

    private IndexedDocument noted(String text, String... notes) {
        List<IndexedDocument.IndexedNote> given = new ArrayList<>();
        for (String note : notes) {
            given.add(new IndexedDocument.IndexedNote(UUID.randomUUID().toString(), 4, 13, "statement", note,
                    "analyst", "2025-03-21T10:00:00Z", null, "2025-03-21T10:00:00Z", List.of()));
        }
        return IndexedDocument.of(UUID.randomUUID().toString(), "open", "Noted " + marker, List.of(), text, null,
                "Example Monitor", "2025-03-21T09:00:00Z", "en", List.of(), "2025-03-21T10:00:00Z", List.of(), 0)
                .withNotes(given);
    }

    @Test
    void watchesMatchWhatTheSearchFinds() throws Exception {
        SavedSearch.Filters none = SavedSearch.Filters.NONE;
        List<Object[]> cases = List.of(
                new Object[]{"attack " + marker, none}, // stems: attacking, attack
                new Object[]{"strike " + marker, none}, new Object[]{"\"drone strikes\" " + marker, none},
                new Object[]{"\"border drone\"~5 " + marker, none}, new Object[]{"dron* " + marker, none},
                // phrases by stems: "denied attacking", "drone strikes" and "الهجمات على" written in other forms
                new Object[]{"\"denies attack\" " + marker, none}, new Object[]{"\"drones strike\" " + marker, none},
                new Object[]{"\"هجمات على\" " + marker, none}, new Object[]{"\"strikes drone\"~2 " + marker, none},
                new Object[]{"stirke~ " + marker, none}, new Object[]{marker + " -drone", none},
                new Object[]{marker + " AND (militia OR checkpoint) NOT base", none},
                new Object[]{"title:statement " + marker, none}, new Object[]{"publisher:\"Example Wire\"", none},
                new Object[]{"tag:humint " + marker, none}, new Object[]{"note:checkpoint " + marker, none},
                new Object[]{"language:ar " + marker, none},
                new Object[]{"هجمات " + marker, none}, new Object[]{"فصائل " + marker, none},
                new Object[]{"الهجمات القاعدة " + marker, none}, new Object[]{"kataib^3 " + marker, none},
                new Object[]{marker, new SavedSearch.Filters(List.of(kh), null, null, null, null, null, null, null,
                        false)},
                new Object[]{marker, new SavedSearch.Filters(null, List.of("ORGANIZATION"), null, null, null, null,
                        null, null, false)},
                new Object[]{marker, new SavedSearch.Filters(null, null, null, null, List.of("restricted"), null, null,
                        null, false)},
                // a date without a time: the whole day, as Elasticsearch reads it
                new Object[]{marker, new SavedSearch.Filters(null, null, null, null, null, null,
                        LocalDate.parse("2025-01-31"), LocalDate.parse("2025-02-01"), false)},
                new Object[]{"*", new SavedSearch.Filters(null, null, List.of("Field Office"), null, null, null, null,
                        null, false)},
                new Object[]{"attacks " + marker, new SavedSearch.Filters(null, null, null, null, null, null, null,
                        null, true)}, // exact: the form as written only
                new Object[]{"nothing-like-this " + marker, none});
        InMemoryDocument memory = new InMemoryDocument();
        Map<InMemoryQuery.Key, InMemoryQuery.Key> shared = new java.util.HashMap<>();
        int decided = 0;
        for (Object[] c : cases) {
            String q = (String) c[0];
            SavedSearch.Filters filters = (SavedSearch.Filters) c[1];
            Query query = SavedSearch.query(q, filters, List.of());
            Set<String> searched = searched(query);
            InMemoryQuery compiled = InMemoryQuery.of(query);
            // as the evaluator keeps it: keys shared with the other watches, no Lucene query when the words decide
            InMemoryQuery kept = compiled.compact(shared);
            assertThat(kept.keys()).isEqualTo(compiled.keys());
            assertThat(kept.query() == null).isEqualTo(compiled.groups() != null);
            Set<String> evaluated = new TreeSet<>();
            for (IndexedDocument d : documents) {
                Map<String, Set<String>> words = memory.load(d);
                boolean indexed = memory.matches(compiled.query());
                assertThat(memory.matches(kept)).as("%s as kept", q).isEqualTo(indexed);
                if (compiled.groups() != null) {
                    decided++;
                    // decided by the words alone: the same answer as the document's index
                    assertThat(compiled.matchesWords(words)).as("%s decided by its words", q).isEqualTo(indexed);
                }
                if (indexed) {
                    evaluated.add(d.id());
                    if (compiled.keys() != null) {
                        assertThat(compiled.keys()).as("the keys of %s leave out a match", q)
                                .anyMatch(k -> words.getOrDefault(k.field(), Set.of()).contains(k.word()));
                    }
                }
            }
            assertThat(evaluated).as("%s %s", q, filters).isEqualTo(searched);
        }
        // most searches are decided by words alone (all but phrases, prefixes, fuzzy words, exclusions, dates)
        assertThat(decided).isGreaterThanOrEqualTo(documents.size() * (cases.size() - 13));
        // and the cases are not all empty: most find something
        long finding = cases.stream().filter(c -> {
            try {
                return !searched(SavedSearch.query((String) c[0], (SavedSearch.Filters) c[1], List.of())).isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(finding).isGreaterThanOrEqualTo(cases.size() - 3);
    }

    /**
     * A phrase is found inside one note, never across two (as Elasticsearch keeps them apart, so does a watch), by its
     * words' stems too.
     */
    @Test
    void notesAreSearchedOneAtATime() throws Exception {
        IndexedDocument noted = documents.get(documents.size() - 1);
        InMemoryDocument memory = new InMemoryDocument();
        for (String[] c : List.of(new String[]{"note:\"were seen\" " + marker, "found"},
                new String[]{"\"checkpoints were\" " + marker, "found"},
                new String[]{"note:\"there reported\" " + marker, "not found"},
                // by their stems, in the second note, after a first that ends on a word that is its own stem: the
                // forms and the stems of a note stay at the same positions
                new String[]{"note:\"saw convoy\" " + marker, "found"},
                new String[]{"note:\"checkpoint were seen\" " + marker, "found"},
                new String[]{"text:driver " + marker, "not found"}, new String[]{"driver " + marker, "found"})) {
            Query query = SavedSearch.query(c[0], SavedSearch.Filters.NONE, List.of());
            Set<String> expected = c[1].equals("found") ? Set.of(noted.id()) : Set.of();
            assertThat(searched(query)).as(c[0]).isEqualTo(expected);
            memory.load(noted);
            assertThat(memory.matches(InMemoryQuery.of(query).query())).as(c[0]).isEqualTo(!expected.isEmpty());
        }
    }

    @Test
    void registryNamesInTheQueryFindTheLinkedDocuments() throws Exception {
        // "Hezbollah Brigades" is written nowhere, but names the entity the first document is linked to
        String q = "Hezbollah Brigades " + marker;
        List<SavedSearch.Alias> aliases = List.of(new SavedSearch.Alias(0, 18, kh, "Hezbollah Brigades",
                "Kataib Hezbollah"));
        Query query = SavedSearch.query(q, SavedSearch.Filters.NONE, aliases);
        Set<String> searched = searched(query);
        assertThat(searched).containsExactly(documents.get(0).id());
        InMemoryDocument memory = new InMemoryDocument();
        memory.load(documents.get(0));
        assertThat(memory.matches(InMemoryQuery.of(query).query())).isTrue();
        memory.load(documents.get(1));
        assertThat(memory.matches(InMemoryQuery.of(query).query())).isFalse();
    }

    private Set<String> searched(Query query) throws Exception {
        List<FieldValue> ids = documents.stream().map(d -> FieldValue.of(d.id())).toList();
        SearchResponse<Void> response = client.search(s -> s.index(index.name()).size(100)
                .query(q -> q.bool(b -> b.must(query).filter(f -> f.terms(t -> t.field("id")
                        .terms(v -> v.value(ids)))))),
                Void.class);
        Set<String> found = new TreeSet<>();
        for (Hit<Void> hit : response.hits().hits()) {
            found.add(hit.id());
        }
        return found;
    }
}
