package io.dossier.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

/** What the audit page and the search export make of what a user typed before it reaches the trail. */
class AuditInputsTest {

    @Test
    void datesOutsideTheTrailsYearsAreRefusedAsInvalidDates() {
        assertThat(AuditTrailPage.startOf("2026-12-01", 1)).isEqualTo("2026-12-02T00:00Z");
        assertThat(AuditTrailPage.startOf(null, 0)).isNull();
        // Java reads these; the trail's database cannot: the page says how to write a date instead of failing
        assertThatThrownBy(() -> AuditTrailPage.startOf("+999999999-12-31", 1))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> AuditTrailPage.startOf("-0001-01-01", 0)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void aLongExportedQueryIsClippedWithoutCuttingACharacter() {
        assertThat(SearchPage.clip("Kataib Hezbollah", 255)).isEqualTo("Kataib Hezbollah");
        String arabic = "كتائب حزب الله ".repeat(40);
        assertThat(SearchPage.clip(arabic, 255)).hasSize(255).endsWith("…").startsWith("كتائب");
        // an emoji is two chars: never left half
        String emoji = "a".repeat(253) + "😀😀";
        String clipped = SearchPage.clip(emoji, 255);
        assertThat(clipped).hasSizeLessThanOrEqualTo(255).endsWith("…");
        assertThat(Character.isHighSurrogate(clipped.charAt(clipped.length() - 2))).isFalse();
    }
}
