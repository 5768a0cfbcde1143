package io.dossier.entities.lookup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.names.discovery.SpottedName;
import io.dossier.names.matching.Candidate;

/**
 * Which names found in a text are possibly a registered entity under a spelling the registry lacks ("Abu Fadak
 * al-Mohammedawi" for the registered "al-Mohammadawi"): the matcher's best candidate of the name's type, when it
 * scores at least {@link #SCORE}. Such a name is a possible mention, kept apart from the certain links until an
 * editor confirms it (docs/decisions.md #37). Names repeat from document to document, so each answer is kept until
 * the registry changes.
 */
@ApplicationScoped
public class PossibleMentions {

    /** The least score of a possible mention: a spelling variant, not merely a similar name. */
    static final double SCORE = 0.85;
    /** Characters a name needs at least: shorter ones match too many others. */
    static final int SHORTEST = 6;
    /** Answers kept at most; all are dropped beyond it (and at every registry change). */
    static final int KEPT = 100_000;

    /** The entity a name possibly stands for, the matcher's score and rule, and the name of its that matched. */
    public record Possible(String entityId, String primaryName, double score, String matchedName, String rule) {
    }

    private final NameDirectory directory;
    private final Map<String, Optional<Possible>> answers = new ConcurrentHashMap<>();
    private volatile long registrySeq = -1;

    public PossibleMentions(NameDirectory directory) {
        this.directory = directory;
    }

    /** The entity the name is possibly another spelling of, if any. */
    Optional<Possible> of(SpottedName name) {
        long seq = directory.linkerSeq();
        if (seq != registrySeq || answers.size() > KEPT) {
            answers.clear(); // a new name or entity may change any answer
            registrySeq = seq;
        }
        return answers.computeIfAbsent(name.key(), k -> find(name));
    }

    private Optional<Possible> find(SpottedName name) {
        if (name.name().length() < SHORTEST) {
            return Optional.empty();
        }
        List<Candidate> best = directory.index().match(name.name(), name.type().name(), 1);
        if (best.isEmpty() || best.get(0).score() < SCORE) {
            return Optional.empty();
        }
        Candidate c = best.get(0);
        if (!c.matchedKind().matchesLoosely()) {
            return Optional.empty(); // a weak alias or an abbreviation ("Abu Hussein", "KH") names too many
        }
        NameDirectory.Known known = directory.entity(c.entityId());
        if (known == null) {
            return Optional.empty();
        }
        return Optional.of(new Possible(c.entityId().toString(), known.primaryName(),
                Math.round(c.score() * 1000) / 1000.0, c.matchedName(), c.rule()));
    }
}
