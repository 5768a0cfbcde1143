package io.dossier.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text sent to be linked: title and text, never over what the entities service takes. */
class LinkedTextTest {

    @Test
    void aTextAtTheSourcesLimitWithItsTitleStaysWithinTheLinkersLimit() {
        assertThat(IndexedDocument.linkedText("Title", "text")).isEqualTo("Title\n\ntext");
        String longest = "a".repeat(5_000_000); // the most a source's text may hold
        assertThat(IndexedDocument.linkedText("A large brief", longest)).hasSize(IndexedDocument.MAX_LINKED_CHARS)
                .startsWith("A large brief\n\naaa");
        // never half a character: an emoji across the cut is left out whole
        String emoji = "b".repeat(IndexedDocument.MAX_LINKED_CHARS - 3) + "😀" + "c";
        String linked = IndexedDocument.linkedText("", emoji);
        assertThat(Character.isHighSurrogate(linked.charAt(linked.length() - 1))).isFalse();
        assertThat(linked.length()).isLessThanOrEqualTo(IndexedDocument.MAX_LINKED_CHARS);
    }
}
