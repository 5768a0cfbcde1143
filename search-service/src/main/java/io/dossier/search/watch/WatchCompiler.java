package io.dossier.search.watch;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.search.query.SavedSearch;

/** A stored saved search as the query its evaluation runs, and its parts to and from their JSON columns. */
@ApplicationScoped
class WatchCompiler {

    private static final TypeReference<List<SavedSearch.Alias>> ALIASES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    WatchCompiler(ObjectMapper json) {
        this.json = json;
    }

    InMemoryQuery compile(Watch w) {
        return compile(w.query, filters(w), aliases(w));
    }

    static InMemoryQuery compile(String query, SavedSearch.Filters filters, List<SavedSearch.Alias> aliases) {
        return InMemoryQuery.of(SavedSearch.query(query, filters, aliases));
    }

    SavedSearch.Filters filters(Watch w) {
        return w.filters == null ? SavedSearch.Filters.NONE : read(w.filters, SavedSearch.Filters.class);
    }

    List<SavedSearch.Alias> aliases(Watch w) {
        if (w.expansion == null) {
            return List.of();
        }
        try {
            return json.readValue(w.expansion, ALIASES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored expansion of watch " + w.id + " is not JSON", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored watch column is not JSON of " + type.getSimpleName(), e);
        }
    }
}
