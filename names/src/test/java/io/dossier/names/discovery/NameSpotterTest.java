package io.dossier.names.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NameSpotterTest {

    private static List<String> keys(String text) {
        return NameSpotter.spot(text, new int[0]).stream().map(SpottedName::key).toList();
    }

    @Test
    void englishNamesOfGroupsTheirCommandersAndPlaces() {
        String text = "The attack near Jurf al-Sakhar was claimed by Saraya Awliya al-Dam, a front for Kataib "
                + "Sayyid al-Shuhada. Militia leader Abu Fadak al-Mohammedawi met General Esmail Qaani in Baghdad "
                + "on Monday, and Hadi al-Amiri said the Popular Mobilization Forces would stay in Anbar Province. "
                + "Iraqi Prime Minister Mohammed Shia al-Sudani's office declined to comment.";
        assertThat(keys(text)).containsExactly("LOCATION|Jurf al-Sakhar", "ORGANIZATION|Saraya Awliya al-Dam",
                "ORGANIZATION|Kataib Sayyid al-Shuhada", "PERSON|Abu Fadak al-Mohammedawi", "PERSON|Esmail Qaani",
                "LOCATION|Baghdad", "PERSON|Hadi al-Amiri", "ORGANIZATION|Popular Mobilization Forces",
                "LOCATION|Anbar Province", "PERSON|Mohammed Shia al-Sudani");
    }

    @Test
    void aCommonNounOpeningTheSentenceIsNoPartOfTheName() {
        assertThat(keys("Fighters of Saraya Awliya al-Dam fired rockets. Supporters of the Kataib Sayyid "
                + "al-Shuhada marched.")).containsExactly("ORGANIZATION|Saraya Awliya al-Dam",
                        "ORGANIZATION|Kataib Sayyid al-Shuhada");
        assertThat(keys("The League of the Righteous denied it.")).containsExactly(
                "ORGANIZATION|League of the Righteous");
    }

    @Test
    void sentenceOpenersNationalitiesAndHeadlinesAreNoNames() {
        assertThat(keys("However, Iraqi officials said. American forces left. Monday was quiet.")).isEmpty();
        assertThat(keys("MILITIAS THREATEN BAGHDAD EMBASSY AFTER STRIKE")).isEmpty();
    }

    @Test
    void arabicNamesOpenedByTheWordsGroupsAndPeopleAreNamedWith() {
        String text = "أعلنت كتائب سيد الشهداء مسؤوليتها عن الهجوم، وقال القيادي أبو آلاء الولائي إن "
                + "حركة النجباء المدعومة من إيران ستشارك. والتقى اللواء إسماعيل قاآني في محافظة صلاح الدين "
                + "قرب قاعدة عين الأسد.";
        assertThat(keys(text)).containsExactly("ORGANIZATION|كتائب سيد الشهداء", "PERSON|أبو آلاء الولائي",
                "ORGANIZATION|حركة النجباء", "LOCATION|إيران", "PERSON|إسماعيل قاآني", "LOCATION|صلاح الدين",
                "LOCATION|قاعدة عين الأسد");
    }

    @Test
    void offsetsAreTheTextsWhateverItsMarks() {
        String text = "وَكتائب سيد الشهداء وـحركة النجباء";
        List<SpottedName> names = NameSpotter.spot(text, new int[0]);
        assertThat(names).extracting(SpottedName::name).containsExactly("كتائب سيد الشهداء", "حركة النجباء");
        assertThat(names).allSatisfy(n -> assertThat(text.substring(n.start(), n.end())).isEqualTo(n.name()));
        // a name at the very end of a long text, and nothing past the characters read
        String longText = "x ".repeat(NameSpotter.READ_CHARS) + "Saraya Awliya al-Dam fired.";
        assertThat(NameSpotter.spot(longText, new int[0])).isEmpty();
        assertThat(NameSpotter.spot("", new int[0])).isEmpty();
        assertThat(NameSpotter.spot("U.S.'s Saraya X's men", new int[0])).extracting(SpottedName::name)
                .containsExactly("Saraya X");
    }

    @Test
    void whatTheRegistryAlreadyLinksIsLeftOut() {
        String text = "Kataib Hezbollah and Kataib Sayyid al-Shuhada fired rockets.";
        assertThat(NameSpotter.spot(text, new int[]{0, 16}).stream().map(SpottedName::name))
                .containsExactly("Kataib Sayyid al-Shuhada");
    }
}
