package io.dossier.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HighlightsTest {

    @Test
    void mentionSnippetsMarkTheNameAsWrittenAndEscapeTheRest() {
        String text = "On Monday <b>كتائب حزب الله</b> said it had struck the base. Later the group, كتائب حزب الله,"
                + " denied it.";
        int first = text.indexOf("كتائب");
        int second = text.indexOf("كتائب", first + 1);
        List<String> snippets = Highlights.ofMentions(text, List.of(new int[]{first, first + 14},
                new int[]{second, second + 14}), 3);
        // the second mention is within the first snippet's window: one snippet, with the first mention marked
        assertThat(snippets).hasSize(1);
        assertThat(snippets.get(0)).contains("&lt;b&gt;<mark>كتائب حزب الله</mark>&lt;/b&gt;")
                .doesNotContain("<b>");
    }

    @Test
    void farApartMentionsGetASnippetEachUpToTheLimitAndBadSpansAreIgnored() {
        String filler = "word ".repeat(60);
        String text = "KH " + filler + "KH " + filler + "KH " + filler + "KH";
        List<int[]> spans = new java.util.ArrayList<>();
        for (int i = text.indexOf("KH"); i >= 0; i = text.indexOf("KH", i + 1)) {
            spans.add(new int[]{i, i + 2});
        }
        spans.add(new int[]{text.length() - 1, text.length() + 5});
        List<String> snippets = Highlights.ofMentions(text, spans, 3);
        assertThat(snippets).hasSize(3).allSatisfy(s -> assertThat(s).contains("<mark>KH</mark>"));
        assertThat(snippets.get(0)).startsWith("<mark>KH</mark> word");
    }
}
