package io.dossier.search.query;

/**
 * A query that {@link QuerySyntax#parse strict} parsing refuses. The message is meant for the person or program that
 * wrote the query: plain language, naming the column (e.g. "A quote opened at column 7 is not closed").
 */
public class QuerySyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final int column;

    public QuerySyntaxException(String message, int offset, int column) {
        super(message, null, false, false); // an answer to the caller, not a fault: no stack trace
        this.offset = offset;
        this.column = column;
    }

    /** Where the problem is: a UTF-16 index into the query. */
    public int offset() {
        return offset;
    }

    /** Where the problem is, 1-based, counted in characters as a reader counts them. */
    public int column() {
        return column;
    }
}
