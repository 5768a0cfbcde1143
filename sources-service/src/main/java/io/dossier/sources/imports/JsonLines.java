package io.dossier.sources.imports;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
                } else if (b != ' ' && b != '\t' && b != '\r') {
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
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (bytes.size() >= maxLineBytes) {
                    tooLong = true;
                } else {
                    bytes.write(b);
                }
            }
            ended = b < 0;
            if (line <= after || (!tooLong && bytes.toString(StandardCharsets.ISO_8859_1).isBlank())) {
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

    @Override
    public void close() throws IOException {
        in.close();
    }
}
