package io.dossier.sources.imports;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of a JSON Lines stream, each an item named by its line number. Blank lines are no items. A line longer
 * than the limit fails as an item and is skipped without being held in memory.
 */
final class JsonLines implements ItemReader {

    private final InputStream in;
    private final long maxLineBytes;
    private int line;
    private boolean ended;

    JsonLines(Path stream, long maxLineBytes) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(stream), 1 << 16);
        this.maxLineBytes = maxLineBytes;
    }

    /** Counts the items (non-blank lines) of a stream. */
    static int count(Path stream) throws IOException {
        int items = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(stream), 1 << 16)) {
            boolean content = false;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    items += content ? 1 : 0;
                    content = false;
                } else if (!blank(b)) {
                    content = true;
                }
            }
            return items + (content ? 1 : 0);
        }
    }

    @Override
    public RawItem next(int after) throws IOException {
        while (!ended) {
            line++;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            boolean tooLong = false;
            boolean content = false;
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                content |= !blank(b);
                if (bytes.size() >= maxLineBytes) {
                    tooLong = true;
                } else {
                    bytes.write(b);
                }
            }
            ended = b < 0;
            if (line <= after || !content) {
                continue;
            }
            String name = "line " + line;
            if (tooLong) {
                return RawItem.failed(line, name, "The line is longer than the limit of " + maxLineBytes + " bytes");
            }
            return new RawItem(line, name, bytes.toByteArray(), null);
        }
        return null;
    }

    /** The bytes a line may hold and still be blank (no item): the same rule for counting and for reading. */
    private static boolean blank(int b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
