package io.dossier.search.query;

import java.util.List;
import java.util.stream.Collectors;

import io.dossier.search.query.QueryNode.Bool;
import io.dossier.search.query.QueryNode.Clause;
import io.dossier.search.query.QueryNode.Occur;
import io.dossier.search.query.QueryNode.Word;

/**
 * A query as {@link QuerySyntax} read it: the tree to search, and the corrections made where the text was not valid
 * syntax (none in strict mode, which throws instead).
 *
 * @param query the query as typed (all offsets are into it)
 * @param tree what to search; {@link QueryNode#EMPTY} when there is no word to search
 * @param corrections in query order; empty when the text was read as typed
 */
public record ParsedQuery(String query, QueryNode tree, List<Correction> corrections) {

    /** How many corrections {@link #note()} spells out. */
    private static final int NOTED = 3;

    public ParsedQuery {
        corrections = List.copyOf(corrections);
    }

    /** The canonical text of what is searched: the answer's {@code interpretedAs}. */
    public String interpretedAs() {
        return tree.render();
    }

    /** Whether the text was read differently from what was typed (a strict parse would have refused it). */
    public boolean changed() {
        return !corrections.isEmpty();
    }

    /** Whether the search uses more than words that must all be found: operators, phrases, fields, * ~ ^. */
    public boolean syntaxApplied() {
        if (tree instanceof Word) {
            return false;
        }
        if (tree instanceof Bool b) {
            for (Clause c : b.clauses()) {
                if (c.occur() != Occur.MUST || !(c.node() instanceof Word)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** Whether there is no word to search (the caller answers "no words to search"). */
    public boolean isEmpty() {
        return tree.words().isEmpty();
    }

    /** The words searched, in query order, with their offsets in {@link #query}. */
    public List<Word> words() {
        return tree.words();
    }

    /** The corrections, in plain language, for the answer's note; empty when none were needed. */
    public String note() {
        String noted = corrections.stream().limit(NOTED).map(Correction::text).collect(Collectors.joining(" "));
        int more = corrections.size() - NOTED;
        return more <= 0
                ? noted
                : noted + " " + more + (more == 1 ? " more correction was" : " more corrections were") + " made.";
    }
}
