package io.dossier.search.query;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * Document-level security: a caller reads the collections its token's roles name ({@code collection:<name>}), all of
 * them with {@code admin} or {@code feed-consumer}. Every query over documents carries {@link #filter}, so hits,
 * counts and facets only ever come from readable documents.
 */
public final class CollectionAccess {

    private CollectionAccess() {
    }

    /** The collections the caller may read; null for all (see {@link io.dossier.common.security.CollectionAccess}). */
    public static Set<String> readable(SecurityIdentity identity) {
        return io.dossier.common.security.CollectionAccess.readable(identity);
    }

    /** The filter for {@link #readable}: none for all; with no readable collection, one that matches nothing. */
    public static Optional<Query> filter(Set<String> readable) {
        if (readable == null) {
            return Optional.empty();
        }
        List<FieldValue> values = readable.stream().map(FieldValue::of).toList();
        return Optional.of(Query.of(q -> q.terms(t -> t.field("collection").terms(v -> v.value(values)))));
    }
}
