package io.dossier.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes become words on the pages; the API keeps its codes. */
class LabelsTest {

    @Test
    void typesKindsAndRelationsReadAsWords() {
        assertThat(Labels.type("ORGANIZATION")).isEqualTo("Organization");
        assertThat(Labels.type("LOCATION")).isEqualTo("Place");
        assertThat(Labels.type("VESSEL")).isEqualTo("Vessel");
        assertThat(Labels.relation("MEMBER_OF")).isEqualTo("member of");
        assertThat(Labels.kind("WEAK_ALIAS", "Latin")).isEqualTo("weak alias");
        assertThat(Labels.kind("TRANSLITERATION", "Latin")).isEqualTo("transliteration");
        // a name in its own script is not a transliteration of itself
        assertThat(Labels.kind("TRANSLITERATION", "Arabic")).isEqualTo("original script");
    }

    @Test
    void languagesCountriesAndAttributesByName() {
        assertThat(Labels.language("ar")).isEqualTo("Arabic");
        assertThat(Labels.language("fa")).isEqualTo("Persian");
        assertThat(Labels.language("ar-Latn")).isEqualTo("Arabic (Latin script)");
        assertThat(Labels.language("zz-not-a-code")).isEqualTo("zz-not-a-code");
        assertThat(Labels.country("iq")).isEqualTo("Iraq");
        assertThat(Labels.attribute("foundingDate")).isEqualTo("Founded");
        assertThat(Labels.attribute("weaponType")).isEqualTo("Weapon type");
        assertThat(Labels.attributeValue("country", "ir")).isEqualTo("Iran");
        assertThat(Labels.scheme("ofac")).isEqualTo("OFAC SDN list");
        assertThat(Labels.scheme("sample")).as("an import's own key").isNull();
    }

    @Test
    void datesAndPeriodsAsAnalystsWriteThem() {
        assertThat(Labels.day("2025-02-01")).as("a bound typed by hand is a day").isEqualTo("1 Feb 2025");
        assertThat(Labels.period("2025-01-01", "2025-01-31")).isEqualTo("Jan 2025");
        assertThat(Labels.period("2024-02-01", "2024-02-29")).isEqualTo("Feb 2024");
        assertThat(Labels.period("2025-01-01", "2025-12-31")).isEqualTo("2025");
        assertThat(Labels.period("2025-01-03", "2025-01-31")).isNull();
        assertThat(Labels.period("2025-01-01", "2025-03-31")).isNull();
    }
}
