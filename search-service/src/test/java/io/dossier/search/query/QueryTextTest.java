package io.dossier.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dossier.search.indexing.EntitiesApi;

class QueryTextTest {

    static final String KH = "0b6d7f3e-5f2c-4c1e-9a57-6a0f3c1d2e4b";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kata'ib Hizbullah AND Drone* | kataib hizbullah AND drone*",
            "\"Asa’ib Ahl al-Haq\" OR title:Qaïs | \"asaib ahl al-haq\" OR title:qais",
            "كتائب حزب الله NOT (Esmail~1) | كتايب حزب الله NOT (esmail~1)",
    })
    void foldsWordsAndKeepsTheSyntax(String query, String folded) {
        assertThat(QueryText.fold(query)).isEqualTo(folded);
    }

    /** The linker's answer for a name at [start, end) of the folded query. */
    private static List<EntitiesApi.Mention> mention(String folded, String name) {
        int start = folded.indexOf(name);
        return List.of(new EntitiesApi.Mention(KH, "ORGANIZATION", "Kataib Hezbollah", start, start + name.length(),
                name, "Hezbollah Brigades"));
    }

    @Test
    void aNameInsideALongerQueryAlsoFindsItsEntity() {
        String q = "Hezbollah Brigades AND drone";
        SearchService.Expanded expanded = QueryText.expandNames(q, mention(q, "Hezbollah Brigades"));
        assertThat(expanded.query())
                .isEqualTo("((hezbollah brigades) OR entityIds:\"" + KH + "\"^0.5) AND drone");
        assertThat(expanded.expansions()).singleElement().satisfies(e -> {
            assertThat(e.entityId()).isEqualTo(KH);
            assertThat(e.surface()).isEqualTo("Hezbollah Brigades");
            assertThat(e.rule()).isEqualTo("mention");
        });
    }

    @Test
    void aNameInAGroupThatIsNotAFieldsValueIsExpanded() {
        String q = "drone AND (hezbollah brigades OR border)";
        assertThat(QueryText.expandNames(q, mention(q, "hezbollah brigades")).query()).isEqualTo(
                "drone AND (((hezbollah brigades) OR entityIds:\"" + KH + "\"^0.5) OR border)");
    }

    @Test
    void aWholePhraseIsExpandedAsAPhrase() {
        String q = "\"hezbollah brigades\" NOT border";
        assertThat(QueryText.expandNames(q, mention(q, "hezbollah brigades")).query())
                .isEqualTo("((\"hezbollah brigades\") OR entityIds:\"" + KH + "\"^0.5) NOT border");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"statement by hezbollah brigades today\" | hezbollah brigades",
            "title:hezbollah | hezbollah",
            "hezbollah* brigades | hezbollah",
            "hezbollah~ | hezbollah",
            "-hezbollah brigades | hezbollah brigades",
            "hezbollah brigades^2 | hezbollah brigades",
            "title: hezbollah brigades | hezbollah brigades",
            "title:(drone hezbollah brigades) | hezbollah brigades",
            "title:((a) b hezbollah) | hezbollah",
            "/hezbollah b.*/ OR hezbollah | hezbollah",
    })
    void namesThatAreNotStandingAloneAreLeftAsTyped(String q, String name) {
        SearchService.Expanded expanded = QueryText.expandNames(q, mention(q, name));
        assertThat(expanded.query()).isEqualTo(QueryText.fold(q));
        assertThat(expanded.expansions()).isEmpty();
    }
}
