package io.dossier.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A document cut for reading: mentions, the search's words inside and across them, pages of OCR text. */
class ReadingTest {

    static SearchApi.Document doc(String title, String text, List<SearchApi.Mention> mentions,
            List<SearchApi.Match> matches) {
        return new SearchApi.Document("d", "open", title, List.of(), text, null, null, null, "en", List.of(), null,
                List.of(new SearchApi.EntityRef("kh", "ORGANIZATION", "Kataib Hezbollah"),
                        new SearchApi.EntityRef("q", "PERSON", "Esmail Qaani")),
                mentions, matches, List.of());
    }

    @Test
    void aPossibleMentionStandsApartFromTheLinksAndSaysWhoItMayBe() {
        String text = "Kataib Hezbollah and Esmail Ghaanii met.";
        var doc = new SearchApi.Document("d", "open", null, List.of(), text, null, null, null, "en", List.of(), null,
                List.of(new SearchApi.EntityRef("kh", "ORGANIZATION", "Kataib Hezbollah")),
                List.of(new SearchApi.Mention("kh", "text", 0, 16)), List.of(), List.of(new SearchApi.PossibleMention(
                        "q", "Esmail Qaani", "text", 21, 35, "Esmail Ghaanii", 0.912, "fuzzy")));
        var reading = Reading.of(doc);
        Reading.Segment possible = reading.text().get(2);
        assertThat(possible.text()).isEqualTo("Esmail Ghaanii");
        assertThat(possible.entityId()).isEqualTo("q");
        assertThat(possible.entityName()).isEqualTo("Esmail Qaani");
        assertThat(possible.possibly()).isEqualTo("91%");
        assertThat(possible.css()).isEqualTo("mention type-other possible");
        assertThat(reading.text().get(0).possibly()).isNull();
        // the legend tells the links' types and the possible ones apart
        assertThat(reading.legend()).extracting(Reading.TypeLegend::label).containsExactly("Organization",
                "Possible mention (not confirmed)");
    }

    @Test
    void theSearchsWordsAreMarkedInsideMentionsAndOutsideThemNumberedInOrder() {
        String text = "Kataib Hezbollah struck twice; Esmail Qaani praised the strikes.";
        var reading = Reading.of(doc("Strike report", text,
                List.of(new SearchApi.Mention("kh", "text", 0, 16), new SearchApi.Mention("q", "text", 31, 43)),
                List.of(new SearchApi.Match("title", 0, 6), new SearchApi.Match("text", 7, 16),
                        new SearchApi.Match("text", 56, 63))));
        assertThat(reading.matches()).isEqualTo(3);
        assertThat(reading.title().get(0).parts()).containsExactly(new Reading.Part("Strike", 0),
                new Reading.Part(" report", -1));
        Reading.Segment kh = reading.text().get(0);
        assertThat(kh.entityId()).isEqualTo("kh");
        assertThat(kh.css()).isEqualTo("mention type-organization");
        // the match inside the mention is marked inside its link
        assertThat(kh.parts()).containsExactly(new Reading.Part("Kataib ", -1), new Reading.Part("Hezbollah", 1));
        assertThat(reading.text().get(2).css()).isEqualTo("mention type-person");
        assertThat(reading.text().get(3).parts()).contains(new Reading.Part("strikes", 2));
        assertThat(reading.legend()).extracting(Reading.TypeLegend::label).containsExactly("Organization", "Person");
    }

    @Test
    void aWordAcrossAMentionsEdgeIsMarkedInBothPiecesUnderOneNumber() {
        String text = "the Kataib Hezbollah brigades";
        var reading = Reading.of(doc(null, text, List.of(new SearchApi.Mention("kh", "text", 4, 20)),
                List.of(new SearchApi.Match("text", 11, 29))));
        assertThat(reading.text().get(1).parts()).containsExactly(new Reading.Part("Kataib ", -1),
                new Reading.Part("Hezbollah", 0));
        assertThat(reading.text().get(2).parts()).containsExactly(new Reading.Part(" brigades", 0));
        assertThat(reading.matches()).isEqualTo(1);
    }

    @Test
    void pagesOfOcrTextKeepTheirOffsetsForTheMarks() {
        String text = "first page\n\f\nsecond page with a drone";
        int drone = text.indexOf("drone");
        var reading = Reading.of(doc(null, text, List.of(), List.of(new SearchApi.Match("text", drone, drone + 5))));
        assertThat(reading.text()).extracting(Reading.Segment::page).containsExactly(1, 0, 2, 0);
        assertThat(reading.text().get(3).parts()).containsExactly(new Reading.Part("second page with a ", -1),
                new Reading.Part("drone", 0));
    }

    @Test
    void backToResultsGoesOnlyToASearchPageOfThisSite() {
        assertThat(DocumentPage.backToResults("/search?q=kataib&cursor=x")).isEqualTo("/search?q=kataib&cursor=x");
        assertThat(DocumentPage.backToResults("https://evil.example/search?q=x")).isNull();
        assertThat(DocumentPage.backToResults("//evil.example/search")).isNull();
        assertThat(DocumentPage.backToResults("/searchx")).isNull();
        assertThat(DocumentPage.backToResults(null)).isNull();
    }

    /**
     * A note's passage is marked across mentions and the search's words; each piece carries every note whose passage
     * holds it, so overlapping and identical passages each keep their marks and their anchor (where the passage
     * begins); the text is escaped, a carriage return as a character reference (or the page's offsets would drift).
     */
    @Test
    void notesPassagesAreMarkedAcrossMentionsAndMatches() {
        String text = "At dawn Kataib Hezbollah closed the road <to> Jurf al-Sakhar.";
        int kh = text.indexOf("Kataib");
        int road = text.indexOf("road");
        var reading = Reading.of(doc(null, text, List.of(new SearchApi.Mention("kh", "text", kh, kh + 16)),
                List.of(new SearchApi.Match("text", road, road + 4))),
                List.of(new Reading.Passage(3, kh + 6, 1), new Reading.Passage(kh + 7, road + 8, 2),
                        new Reading.Passage(road, road + 2, 3)));
        List<Reading.Part> before = reading.text().get(0).parts();
        assertThat(before).containsExactly(new Reading.Part("At ", -1, List.of(), List.of()),
                new Reading.Part("dawn ", -1, List.of(1), List.of(1)));
        assertThat(reading.text().get(1).parts()).containsExactly(
                new Reading.Part("Kataib", -1, List.of(1), List.of()), new Reading.Part(" ", -1, List.of(), List.of()),
                new Reading.Part("Hezbollah", -1, List.of(2), List.of(2)));
        List<Reading.Part> after = reading.text().get(2).parts();
        assertThat(after).containsExactly(new Reading.Part(" closed the ", -1, List.of(2), List.of()),
                new Reading.Part("ro", 0, List.of(2, 3), List.of(3)), new Reading.Part("ad", 0, List.of(2), List.of()),
                new Reading.Part(" <to", -1, List.of(2), List.of()),
                new Reading.Part("> Jurf al-Sakhar.", -1, List.of(), List.of()));
        // the pieces together are the text
        StringBuilder all = new StringBuilder();
        reading.text().forEach(seg -> seg.parts().forEach(part -> all.append(part.text())));
        assertThat(all.toString()).isEqualTo(text);
        assertThat(after.get(1).html().toString()).isEqualTo("<span class=\"passage-start\" id=\"passage-3\" "
                + "tabindex=\"-1\"></span><span class=\"noted\" data-notes=\"2 3\"><mark class=\"match\" "
                + "data-match=\"0\">ro</mark></span>");
        assertThat(after.get(3).html().toString()).isEqualTo("<span class=\"noted\" data-notes=\"2\"> &lt;to</span>");
        assertThat(before.get(1).html().toString()).isEqualTo("<span class=\"passage-start\" id=\"passage-1\" "
                + "tabindex=\"-1\"></span><span class=\"noted\" data-notes=\"1\">dawn </span>");
    }

    @Test
    void twoNotesOnTheSamePassageEachHaveItsMarksAndAnchor() {
        String text = "The drones were not theirs.\r\nThey said so.";
        int drones = text.indexOf("drones");
        var reading = Reading.of(doc(null, text, List.of(), List.of()), List.of(
                new Reading.Passage(drones, drones + 6, 1), new Reading.Passage(drones, drones + 6, 2)));
        List<Reading.Part> parts = reading.text().get(0).parts();
        assertThat(parts.get(1)).isEqualTo(new Reading.Part("drones", -1, List.of(1, 2), List.of(1, 2)));
        assertThat(parts.get(1).html().toString()).startsWith("<span class=\"passage-start\" id=\"passage-1\" "
                + "tabindex=\"-1\"></span><span class=\"passage-start\" id=\"passage-2\"");
        assertThat(parts.get(2).html().toString()).isEqualTo(" were not theirs.&#13;\nThey said so.");
    }
}
