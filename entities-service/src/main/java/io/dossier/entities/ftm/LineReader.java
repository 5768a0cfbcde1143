package io.dossier.entities.ftm;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code max} characters: a longer line is read to its end without being kept, and answered
 * as {@link #OVERLONG}, so one line without an end cannot fill the memory ({@link java.io.BufferedReader} keeps it
 * all).
 */
final class LineReader {

    /** Stands for a line over the limit; no JSON line starts with a NUL. */
    static final String OVERLONG = "\u0000";

    private final Reader in;
    private final int max;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private final StringBuilder line = new StringBuilder();

    LineReader(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line without its end (\n or \r\n), {@link #OVERLONG}, or null at the end of the input. */
    String next() throws IOException {
        line.setLength(0);
        boolean over = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(over) : null;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (!over) {
                line.append(buffer, start, position - start);
                if (line.length() > max + 1) {
                    over = true;
                    line.setLength(0);
                }
            }
            if (position < limit) {
                position++; // the \n
                return finish(over);
            }
        }
    }

    private String finish(boolean over) {
        if (!over && !line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return over || line.length() > max ? OVERLONG : line.toString();
    }
}
