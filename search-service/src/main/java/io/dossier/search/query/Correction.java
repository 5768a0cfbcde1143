package io.dossier.search.query;

/**
 * A place where a query was not valid syntax, and how it was read instead. {@code problem} says what is wrong in
 * plain language with its column (what {@code syntax=strict} answers); {@code repair} says what a lenient search did
 * instead. {@code offset} is the UTF-16 index in the query, {@code column} the 1-based position counted in
 * characters as a reader counts them (an emoji is one).
 */
public record Correction(String problem, String repair, int offset, int column) {

    /** The sentence for the answer's note: the problem and what was searched instead. */
    public String text() {
        return problem + "; " + repair + ".";
    }
}
