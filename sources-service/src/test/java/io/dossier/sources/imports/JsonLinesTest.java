package io.dossier.sources.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a JSON Lines stream into items: blank lines, line ends, lines across buffers, lines over the limit. */
class JsonLinesTest {

    @TempDir
    Path dir;

    @Test
    void itemsAreTheNonBlankLinesNamedByTheirNumber() throws IOException {
        Path stream = write("{\"a\":1}\n\n  \t\r\n{\"b\":2}\r\n{\"c\":3}");
        List<RawItem> items = read(stream, 0, 1000);
        assertThat(items).extracting(RawItem::name).containsExactly("line 1", "line 4", "line 5");
        assertThat(text(items.get(1))).isEqualTo("{\"b\":2}\r"); // the JSON reader ignores the carriage return
        assertThat(text(items.get(2))).isEqualTo("{\"c\":3}"); // no line end at the end of the stream
        assertThat(JsonLines.count(stream)).isEqualTo(3);
    }

    @Test
    void linesLongerThanTheBufferAreWholeAndLinesOverTheLimitFailWithoutBeingKept() throws IOException {
        String longLine = "{\"text\":\"" + "x".repeat(200_000) + "\"}";
        Path stream = write(longLine + "\n" + "{\"t\":\"" + "y".repeat(5_000) + "\"}\n{\"after\":true}\n");
        List<RawItem> items = read(stream, 0, 300_000);
        assertThat(text(items.get(0))).isEqualTo(longLine);
        List<RawItem> limited = read(stream, 0, 1_000);
        assertThat(limited.get(0).failure()).contains("longer than the limit");
        assertThat(limited.get(1).failure()).contains("longer than the limit");
        assertThat(text(limited.get(2))).isEqualTo("{\"after\":true}");
        assertThat(limited).extracting(RawItem::name).containsExactly("line 1", "line 2", "line 3");
    }

    @Test
    void aResumedReadSkipsTheLinesAlreadyDone() throws IOException {
        Path stream = write("{\"n\":1}\n{\"n\":2}\n\n{\"n\":4}\n");
        assertThat(read(stream, 2, 1000)).extracting(RawItem::name).containsExactly("line 4");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("items-" + System.nanoTime() + ".jsonl"), content);
    }

    private static List<RawItem> read(Path stream, int after, long maxLineBytes) throws IOException {
        List<RawItem> out = new ArrayList<>();
        try (JsonLines lines = new JsonLines(stream, maxLineBytes)) {
            for (RawItem item = lines.next(after); item != null; item = lines.next(after)) {
                out.add(item);
            }
        }
        return out;
    }

    private static String text(RawItem item) {
        return new String(item.content(), StandardCharsets.UTF_8);
    }
}
