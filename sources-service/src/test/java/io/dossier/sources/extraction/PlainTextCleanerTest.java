package io.dossier.sources.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextCleanerTest {

    static final String P1 = "The brigade said on Thursday that its fighters had withdrawn from two positions near the"
            + " river, after talks with local officials.";
    static final String P2 = "Officials in the provincial council confirmed the withdrawal, but said checkpoints on the"
            + " main road would stay in place for now.";

    @Test
    void keepsTheArticleAndDropsFurnitureAroundIt() {
        String copied = String.join("\n", "Skip to content", "Brigade withdraws from river positions", "",
                "by Lina Haddad (/experts/lina-haddad)", "Share this", "", P1, "", "Advertisement", "", P2, "",
                "Related Articles", "", "Another headline about something else entirely",
                "Leave a Reply", "Your email address will not be published. Required fields are marked *",
                "Back to top button", ".footer-wrap[data-section=\"below\"] { margin-bottom: 40px;}");
        String cleaned = PlainTextCleaner.clean(copied);
        assertThat(cleaned).startsWith("Brigade withdraws from river positions")
                .contains("by Lina Haddad", P1, P2)
                .doesNotContain("Skip to content", "Share this", "Advertisement",
                        "Related Articles", "Another headline", "Leave a Reply", "Back to top", "margin-bottom");
        assertThat(cleaned).endsWith(P2);
    }

    @Test
    void aLongTailWithoutProseGoesAShortClosingStays() {
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            links.append("\nMore coverage headline number ").append(i);
        }
        assertThat(PlainTextCleaner.clean(P1 + links)).isEqualTo(P1);
        assertThat(PlainTextCleaner.clean(P1 + "\n\nReporting by Lina Haddad; editing by Omar Saleh"))
                .endsWith("Reporting by Lina Haddad; editing by Omar Saleh");
    }

    @Test
    void textWithoutFurnitureIsUnchangedButForBlankLines() {
        assertThat(PlainTextCleaner.clean(P1 + "\n\n\n\n" + P2 + "\n")).isEqualTo(P1 + "\n\n" + P2);
        assertThat(PlainTextCleaner.clean("Short note")).isEqualTo("Short note");
        assertThat(PlainTextCleaner.clean("")).isEmpty();
    }
}
