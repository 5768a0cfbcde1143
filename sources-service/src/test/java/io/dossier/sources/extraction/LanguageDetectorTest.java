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
            "tr | Tugay komutanı pazartesi günü şehirde aşiret liderleriyle bir araya gelerek güvenliği görüştü."})
    void detectsTheLanguage(String expected, String text) {
        assertThat(DETECTOR.detect(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"KH", "'12 34, 56'", "Qaani"})
    void tooShortToTellIsNoLanguage(String text) {
        assertThat(DETECTOR.detect(text)).isEmpty();
    }
}
