package io.dossier.names.discovery;

import java.util.List;
import java.util.Optional;

import io.dossier.names.matching.Candidate;
import io.dossier.names.matching.NameIndex;

/**
 * Whether a spotted name is possibly a registered entity under a spelling the registry lacks ("Abu Fadak
 * al-Mohammedawi" for "al-Mohammadawi"): the matcher's best candidate of the name's type, when it scores at least
 * {@link #SCORE} on a name that may match loosely (a weak alias or an abbreviation, "Abu Hussein" or "KH", names too
 * many to say so). Such a name is a possible mention, kept apart from the links until an editor confirms it.
 */
public final class Variants {

    /** The least score of a possible mention: a spelling variant, not merely a similar name. */
    public static final double SCORE = 0.85;
    /** Characters a name needs at least: shorter ones match too many others. */
    public static final int SHORTEST = 6;

    private Variants() {
    }

    /** The registered entity the name is possibly another spelling of, with the matcher's score and rule. */
    public static Optional<Candidate> of(NameIndex index, SpottedName name) {
        if (name.name().length() < SHORTEST) {
            return Optional.empty();
        }
        List<Candidate> best = index.matchClose(name.name(), name.type().name(), 1, SCORE);
        if (best.isEmpty() || best.get(0).score() < SCORE || !best.get(0).matchedKind().matchesLoosely()) {
            return Optional.empty();
        }
        return Optional.of(best.get(0));
    }
}
