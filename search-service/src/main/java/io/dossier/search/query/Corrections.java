package io.dossier.search.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The corrections made while reading one query, worded in one place: each says what is wrong in the words of the
 * person who typed it (no parser vocabulary), where (column), and what was searched instead.
 */
final class Corrections {

    private final String query;
    private final List<Correction> found = new ArrayList<>();

    Corrections(String query) {
        this.query = query;
    }

    /** In query order (a later fix can be found first: an unclosed quote is known only at the end). */
    List<Correction> sorted() {
        List<Correction> out = new ArrayList<>(found);
        out.sort(Comparator.comparingInt(Correction::offset));
        return out;
    }

    int column(int offset) {
        return query.codePointCount(0, Math.min(offset, query.length())) + 1;
    }

    private void add(int offset, String problem, String repair) {
        found.add(new Correction(problem.replace("{c}", "column " + column(offset)), repair, offset, column(offset)));
    }

    // the text as a whole

    void tooLong() {
        add(QuerySyntax.MAX_LENGTH,
                String.format(Locale.ROOT, "The query is longer than the %,d characters a search can take (the rest"
                        + " begins at {c})", QuerySyntax.MAX_LENGTH),
                String.format(Locale.ROOT, "only the first %,d were searched", QuerySyntax.MAX_LENGTH));
    }

    void tooManyWords(int offset) {
        add(offset, "The query has more than " + QuerySyntax.MAX_WORDS + " words (the next one is at {c})",
                "only the first " + QuerySyntax.MAX_WORDS + " were searched");
    }

    void tooDeep(int offset) {
        add(offset, "Parentheses are nested more than " + QuerySyntax.MAX_DEPTH + " deep at {c}",
                "the deeper ones were left out");
    }

    // characters

    void control(int offset, int codePoint) {
        add(offset, String.format(Locale.ROOT, "An invisible control character (U+%04X) at {c} cannot be searched",
                codePoint), "it was left out");
    }

    void markup(int offset, String tag) {
        String shown = tag.length() > 40 ? tag.substring(0, 39) + "…>" : tag;
        add(offset, "The markup " + shown + " at {c} is not searched", "it was left out");
    }

    void unsupported(int offset, char c) {
        add(offset, "'" + c + "' at {c} has no meaning in a search (put the text in quotes to search its words)",
                "it was read as a space");
    }

    void backslashAtEnd(int offset) {
        add(offset, "The backslash at {c} has nothing after it to escape", "it was left out");
    }

    // phrases and groups

    void unclosedQuote(int offset) {
        add(offset, "A quote opened at {c} is not closed", "its words were searched as separate words");
    }

    void emptyPhrase(int offset) {
        add(offset, "The quotes at {c} hold no word to search", "they were left out");
    }

    void unclosedGroup(int offset) {
        add(offset, "A parenthesis opened at {c} is not closed", "it was read as closed at the end");
    }

    void strayClose(int offset) {
        add(offset, "The closing parenthesis at {c} has no opening one", "it was left out");
    }

    void emptyGroup(int offset) {
        add(offset, "The parentheses at {c} hold nothing to search", "they were left out");
    }

    // operators

    void binaryAlone(int offset, String op) {
        add(offset, operator(op) + " at {c} needs something to search on each side", "it was left out");
    }

    void binaryRepeated(int offset, String op, String before) {
        add(offset, operator(op) + " at {c} comes right after " + operator(before), "it was left out");
    }

    void unaryAlone(int offset, String op) {
        add(offset, operator(op) + " at {c} needs a word, a phrase or a group right after it, as in "
                + (op.equals("NOT") ? "NOT word" : op + "word"), "it was left out");
    }

    void unaryRepeated(int offset, String op, String before) {
        add(offset, operator(op) + " at {c} comes right after " + operator(before), "it was left out");
    }

    // fields

    void emptyField(int offset, String field) {
        add(offset, field + ": at {c} has nothing after it to search for, as in " + field + ":word",
                "it was left out");
    }

    void fieldInField(int offset, String field, String outer) {
        add(offset, field + ": at {c} is inside the parentheses of " + outer + ":",
                "its words were searched in " + outer);
    }

    void operatorInField(int offset, String op, String field) {
        add(offset, operator(op) + " at {c} belongs before the field's name, as in " + (op.equals("NOT") ? "NOT " : op)
                + field + ":word", "it was left out");
    }

    // * ~ ^

    void shortPrefix(int offset) {
        add(offset, "A search for the beginning of words needs at least 2 letters before the '*' at {c}",
                "the '*' was left out");
    }

    void misplacedStar(int offset) {
        add(offset, "'*' at {c} can only end a word, to find the words that begin with it, as in milit*",
                "it was left out");
    }

    void misplacedTilde(int offset) {
        add(offset, "'~' at {c} can only follow a word (as in qaani~1) or a phrase (as in \"drone strike\"~3)",
                "it was left out");
    }

    void fuzzyRange(int offset, String asked, int used) {
        add(offset, "A search for similar spellings allows 0 to " + QuerySyntax.MAX_EDITS
                + " differences, but the '~' at {c} asks for " + asked,
                used < 0 ? "the usual number was allowed" : used + " were allowed");
    }

    void slopMissing(int offset) {
        add(offset, "'~' after a phrase at {c} needs the number of words that may come between, as in"
                + " \"drone strike\"~3", "it was left out");
    }

    void slopRange(int offset, String asked, int used) {
        add(offset, "A phrase allows 0 to " + QuerySyntax.MAX_SLOP + " words between its words, but the '~' at {c}"
                + " asks for " + asked, used + " were allowed");
    }

    void misplacedCaret(int offset) {
        add(offset, "'^' at {c} can only follow a word, a phrase or a group, with a weight from 0 to "
                + QuerySyntax.MAX_BOOST + ", as in word^2", "it was left out");
    }

    void boostRange(int offset, String asked, Float used) {
        add(offset, "A weight given with '^' is a number from 0 to " + QuerySyntax.MAX_BOOST + ", but the one at {c}"
                + " is " + asked, used == null ? "it was left out" : QueryRendering.number(used) + " was used");
    }

    /** Keywords as they are; symbols in quotes. */
    private static String operator(String op) {
        return Character.isLetter(op.charAt(0)) ? op : "'" + op + "'";
    }
}
