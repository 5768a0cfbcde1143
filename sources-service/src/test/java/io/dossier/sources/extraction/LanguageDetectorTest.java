package io.dossier.sources.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    static final LanguageDetector DETECTOR = new LanguageDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | The commander of the brigade met tribal leaders in the city on Monday to discuss security.",
            "ar | التقى قائد اللواء بزعماء العشائر في المدينة يوم الاثنين لمناقشة الوضع الأمني في المنطقة.",
            "fa | فرمانده تیپ روز دوشنبه با بزرگان عشایر در شهر دیدار کرد تا درباره امنیت گفتگو کند.",
            "fr | Le commandant de la brigade a rencontré lundi les chefs de tribus de la ville pour parler de sécurité.",
            "de | Der Kommandeur der Brigade traf sich am Montag mit Stammesführern in der Stadt, um über Sicherheit zu sprechen.",
            "tr | Tugay komutanı pazartesi günü şehirde aşiret liderleriyle bir araya gelerek güvenliği görüştü.",
            "es | El comandante de la brigada se reunió el lunes con los líderes tribales de la ciudad para hablar de seguridad.",
            "it | Il comandante della brigata ha incontrato lunedì i capi tribali della città per discutere della sicurezza.",
            "pt | O comandante da brigada reuniu-se na segunda-feira com os líderes tribais da cidade para discutir a segurança.",
            "nl | De commandant van de brigade ontmoette maandag de stamhoofden in de stad om over veiligheid te praten.",
            // capitals, as wire services write headlines: read in lower case (the n-gram model alone says German)
            "en | MILITIA LEADERS SAY THEY WILL WITHDRAW FROM THE BORDER CROSSING BY THE END OF THE MONTH",
            // English without its function words goes to the n-gram model, which still knows it
            "en | Militia commanders reject ceasefire proposal, demand withdrawal timetable, threaten renewed attacks"})
    void detectsTheLanguage(String expected, String text) {
        assertThat(DETECTOR.detect(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "true | The brigade said in a statement that it was not behind the attack on the base.",
            "false | Le commandant de la brigade a dit que the attack was not theirs, et que la milice ne recule pas.",
            "false | Shr 81 cts vs 57 cts Net 3,660,273 vs 2,437,914 Rev 28.5 mln vs 23.1 mln",
            "false | the of and to"})
    void englishIsRecognisedByItsFunctionWordsAlone(boolean english, String text) {
        assertThat(LanguageDetector.readsAsEnglish(text)).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource({"KH", "'12 34, 56'", "Qaani"})
    void tooShortToTellIsNoLanguage(String text) {
        assertThat(DETECTOR.detect(text)).isEmpty();
    }
}
