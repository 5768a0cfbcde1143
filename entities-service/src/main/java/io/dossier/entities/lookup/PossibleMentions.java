package io.dossier.entities.lookup;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.names.discovery.SpottedName;
import io.dossier.names.discovery.Variants;

/**
 * Which names found in a text are possibly a registered entity under a spelling the registry lacks ("Abu Fadak
 * al-Mohammedawi" for the registered "al-Mohammadawi"), by the rule of {@link Variants}. Such a name is a possible
 * mention, kept apart from the certain links until an editor confirms it (docs/decisions.md #37). Names repeat from
 * document to document, so each answer is kept until the registry changes.
 */
@ApplicationScoped
public class PossibleMentions {

    /** Answers kept at most; all are dropped beyond it (and at every registry change). */
    static final int KEPT = 100_000;

    /** The entity a name possibly stands for, the matcher's score and rule, and the name of its that matched. */
    public record Possible(String entityId, String primaryName, double score, String matchedName, String rule) {
    }

    /** The answers, for the registry as of {@code seq}. */
    private record Answers(long seq, Map<String, Optional<Possible>> byName) {
    }

    private final NameDirectory directory;
    private final AtomicReference<Answers> answers = new AtomicReference<>(new Answers(-1, new ConcurrentHashMap<>()));

    public PossibleMentions(NameDirectory directory) {
        this.directory = directory;
    }

    /** The entity the name is possibly another spelling of, if any. */
    Optional<Possible> of(SpottedName name) {
        long seq = directory.linkerSeq();
        Answers current = answers.get();
        if (current.seq() < seq || current.byName().size() > KEPT) {
            // a new name or entity may change any answer: a newer registry starts afresh (never an older one)
            Answers fresh = new Answers(Math.max(seq, current.seq()), new ConcurrentHashMap<>());
            current = answers.compareAndSet(current, fresh) ? fresh : answers.get();
        }
        Optional<Possible> known = current.byName().get(name.key());
        if (known != null) {
            return known;
        }
        Optional<Possible> found = find(name); // outside any lock: a name matched twice at worst
        current.byName().putIfAbsent(name.key(), found);
        return found;
    }

    private Optional<Possible> find(SpottedName name) {
        return Variants.of(directory.index(), name).flatMap(c -> {
            NameDirectory.Known known = directory.entity(c.entityId());
            return known == null
                    ? Optional.empty()
                    : Optional.of(new Possible(c.entityId().toString(), known.primaryName(),
                            Math.round(c.score() * 1000) / 1000.0, c.matchedName(), c.rule()));
        });
    }
}
