package io.dossier.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A document's direction comes from its detected language, not from its first letter. */
class ViewsTest {

    @Test
    void arabicScriptLanguagesAreRightToLeftAndTheRestLeftToRight() {
        assertThat(Views.dir("ar")).isEqualTo("rtl");
        assertThat(Views.dir("fa")).isEqualTo("rtl");
        assertThat(Views.dir("FA")).isEqualTo("rtl");
        assertThat(Views.dir("en")).as("an English text opening with an Arabic name").isEqualTo("ltr");
        assertThat(Views.dir("fr")).isEqualTo("ltr");
        assertThat(Views.dir(null)).as("unknown: the browser decides").isEqualTo("auto");
        assertThat(Views.dir("English (United States)")).isEqualTo("auto");
        assertThat(Views.lang(" EN ")).isEqualTo("en");
        assertThat(Views.lang("\"><script>")).isNull();
    }
}
