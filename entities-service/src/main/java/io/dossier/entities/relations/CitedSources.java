package io.dossier.entities.relations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.quarkus.logging.Log;

/**
 * What the caller may see of the sources that relations cite, asked of the sources service with the caller's token,
 * so the collection rule is the sources service's own. When it cannot answer, nothing is guessed: the request gets a
 * 503 rather than citations shown unchecked.
 */
@ApplicationScoped
public class CitedSources {

    /** The sources service takes at most this many ids a call. */
    static final int LOOKUP_MAX = 500;

    private final SourcesClient sources;

    public CitedSources(SourcesClient sources) {
        this.sources = sources;
    }

    /**
     * The relations with only the citations the caller may see: those of sources that exist and that the caller may
     * read. {@code collections} are the caller's readable collections, null for all (then nothing is asked).
     */
    public List<RelationDto> visible(List<RelationDto> relations, Set<String> collections) {
        if (collections == null) {
            return relations;
        }
        Set<UUID> cited = new HashSet<>();
        relations.forEach(r -> r.citations().forEach(c -> cited.add(c.sourceId())));
        if (cited.isEmpty()) {
            return relations;
        }
        Set<UUID> readable = collections.isEmpty() ? Set.of() : readable(cited);
        return relations.stream().map(r -> r.withCitations(
                r.citations().stream().filter(c -> readable.contains(c.sourceId())).toList())).toList();
    }

    /**
     * Checks what a writer cites: every source must exist and be readable by the writer, and every quote must occur
     * in its source's text (ignoring differences of spacing, case, Unicode forms and typographic quotes). 400 with
     * the fields at fault otherwise; nothing is written.
     */
    public void verify(List<Citation> citations, String field) {
        verify(citations, field, Set.of(), new HashMap<>());
    }

    /**
     * As {@link #verify(List, String)}, leaving alone the citations in {@code standing} (already on the relation, as
     * they were written) and sharing {@code texts} (source id → its text, if readable) between calls, so an import
     * fetches each cited source once.
     */
    public void verify(List<Citation> citations, String field, Set<Citation> standing,
            Map<UUID, Optional<String>> texts) {
        if (citations == null || citations.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < citations.size(); i++) {
            Citation citation = citations.get(i);
            if (standing.contains(citation)) {
                continue;
            }
            Optional<String> text = texts.computeIfAbsent(citation.sourceId(), this::text);
            String at = field + "[" + i + "]";
            if (text.isEmpty()) {
                errors.add(new Problem.FieldError(at + ".sourceId", "no source " + citation.sourceId()
                        + " that you may read"));
            } else if (citation.quote() != null && !Quotes.occursIn(citation.quote(), text.get())) {
                errors.add(new Problem.FieldError(at + ".quote", "does not occur in the text of source "
                        + citation.sourceId()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, String.join("; ", errors.stream().map(e -> e.field() + ": "
                    + e.message()).toList()), errors);
        }
    }

    /** Those of {@code ids} that exist and that the caller may read. */
    public Set<UUID> readable(Set<UUID> ids) {
        return collections(ids).keySet();
    }

    /** The collection of each of {@code ids} that exists and that the caller may read. */
    public Map<UUID, String> collections(Set<UUID> ids) {
        Map<UUID, String> readable = new HashMap<>();
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += LOOKUP_MAX) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_MAX));
            try {
                sources.lookup(chunk).sources().forEach(s -> readable.put(s.id(), s.collection()));
            } catch (WebApplicationException | ProcessingException | FaultToleranceException e) {
                throw unavailable(e);
            }
        }
        return readable;
    }

    /** The text of a source the caller may read; empty when it does not exist or the caller may not read it. */
    public Optional<String> text(UUID id) {
        try {
            return Optional.ofNullable(sources.text(id));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (ProcessingException | FaultToleranceException e) {
            throw unavailable(e);
        }
    }

    private static ProblemException unavailable(RuntimeException e) {
        Log.warnf("Sources service did not answer about cited sources: %s", e.toString());
        return new ProblemException(503, "Citations cannot be checked right now (the sources service did not "
                + "answer); try again shortly");
    }
}
