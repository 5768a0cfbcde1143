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
        List<String> snippets = Highlights.text(text, "ar", QueryTerms.NONE, List.of(new int[]{first, first + 14},
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
        List<String> snippets = Highlights.text(text, "en", QueryTerms.NONE, spans, 3);
        assertThat(snippets).hasSize(3).allSatisfy(s -> assertThat(s).contains("<mark>KH</mark>"));
        assertThat(snippets.get(0)).startsWith("<mark>KH</mark> word");
    }

    @Test
    void eachSnippetOfATextOfPagesSaysItsPage() {
        String filler = "word ".repeat(60);
        String text = "KH on the cover. " + filler + "\n\f\n" + filler + "\n\f\nKH again on the third page.";
        List<int[]> spans = List.of(new int[]{0, 2}, new int[]{text.lastIndexOf("KH"), text.lastIndexOf("KH") + 2});
        assertThat(Highlights.paged(text)).isTrue();
        assertThat(Highlights.snippets(text, "en", QueryTerms.NONE, spans, 3)).extracting(Highlights.Snippet::page)
                .containsExactly(1, 3);
        assertThat(Highlights.text(text, "en", QueryTerms.NONE, spans, 3)).noneMatch(h -> h.indexOf('\f') >= 0);
        assertThat(Highlights.paged("no pages here")).isFalse();
    }

    @Test
    void aLinkedNameIsMarkedAsOneWithTheQuerysWordsInsideIt() {
        String text = "Liwa Zeta claimed the attack; Zeta later denied it.";
        int end = "Liwa Zeta".length();
        assertThat(Highlights.text(text, "en", words("zeta", "attack"), List.of(new int[]{0, end}), 3))
                .containsExactly("<mark>Liwa Zeta</mark> claimed the <mark>attack</mark>; <mark>Zeta</mark> later"
                        + " denied it.");
        assertThat(Highlights.title("Liwa Zeta", "en", QueryTerms.NONE, List.of(new int[]{0, end})))
                .isEqualTo("<mark>Liwa Zeta</mark>");
    }

    @Test
    void aLinkedNameBeyondTheAnalysedOpeningIsStillShownAndALongMarkIsNeverCut() {
        String text = "word ".repeat(Highlights.MAX_ANALYSED / 5 + 10) + "Kataib Hezbollah struck.";
        int at = text.indexOf("Kataib");
        assertThat(Highlights.text(text, "en", QueryTerms.NONE, List.of(new int[]{at, at + 16}), 3))
                .singleElement().satisfies(s -> assertThat(s).contains("<mark>Kataib Hezbollah</mark> struck."));
        String name = "Brigade ".repeat(40).strip();
        assertThat(Highlights.text(name + " said", "en", QueryTerms.NONE, List.of(new int[]{0, name.length()}), 3))
                .singleElement().satisfies(s -> assertThat(s).startsWith("<mark>" + name + "</mark>"));
    }

    static QueryTerms words(String... words) {
        return QueryTerms.of(new QueryNode.Bool(java.util.Arrays.stream(words)
                .map(w -> new QueryNode.Clause(QueryNode.Occur.MUST, new QueryNode.Word(w, 0, w.length()))).toList()),
                false);
    }

    @Test
    void aTitleKeepsEveryCharacterAndMarksTheWordsAsWritten() {
        String title = "Profile: Kataib Hezbollah (Hezbollah Brigades)";
        assertThat(Highlights.title(title, "en", words("brigades"), List.of()))
                .isEqualTo("Profile: Kataib Hezbollah (Hezbollah <mark>Brigades</mark>)");
        assertThat(Highlights.title("Kata’ib Hizballah’s statement.", "en", words("kataib"), List.of()))
                .isEqualTo("<mark>Kata’ib</mark> Hizballah’s statement.");
        assertThat(Highlights.title(title, "en", words("nowhere"), List.of())).isNull();
        assertThat(Highlights.title("<b>Brigades</b> & co", "en", words("brigades"), List.of()))
                .isEqualTo("&lt;b&gt;<mark>Brigades</mark>&lt;/b&gt; &amp; co");
    }

    @Test
    void snippetsGoWhereTheMostMarksAreAndStayInTextOrder() {
        String filler = "filler ".repeat(80);
        String text = "The drone struck. " + filler + "Drone strikes and a drone again. " + filler + "End.";
        List<String> snippets = Highlights.text(text, "en", words("drone"), List.of(), 2);
        assertThat(snippets).hasSize(2);
        assertThat(snippets.get(0)).contains("The <mark>drone</mark> struck.");
        assertThat(snippets.get(1)).contains("<mark>Drone</mark> strikes and a <mark>drone</mark> again.");
        assertThat(String.join("", snippets).length()).isLessThan(text.length());
        assertThat(Highlights.text(text, "en", words("absent"), List.of(), 3)).isEmpty();
    }

    @Test
    void prefixesAndFuzzyWordsAreMarkedToo() {
        QueryTerms terms = QueryTerms.of(new QueryNode.Bool(List.of(
                new QueryNode.Clause(QueryNode.Occur.MUST, new QueryNode.Prefix(new QueryNode.Word("milit", 0, 5))),
                new QueryNode.Clause(QueryNode.Occur.MUST,
                        new QueryNode.Fuzzy(new QueryNode.Word("qaani", 7, 12), 2)))),
                false);
        assertThat(Highlights.title("Militias loyal to Ghaani and Qaani", "en", terms, List.of()))
                .isEqualTo("<mark>Militias</mark> loyal to <mark>Ghaani</mark> and <mark>Qaani</mark>");
    }
}
