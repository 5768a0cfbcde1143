package io.dossier.sources.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStack;

/** Which model the first pass's text picks (Tesseract installed: the models are looked up). */
class OcrLanguageTest {

    @BeforeAll
    static void tesseractInstalled() {
        // the local stack's provisioning installs Tesseract and its models where they are missing
        LocalStack.ensureRunning();
    }

    private final OcrRunner runner = new OcrRunner(null, new Tesseract(OcrBenchmark.config()), OcrBenchmark.config(),
            null);

    @Test
    void persianLettersDecidePersianOnlyAsAShareOfTheText() {
        String persian = "فرماندهی گزارش‌های مربوط به عبور دو کاروان از مرز را تکذیب می‌کند و پاسخ خواهد داد";
        assertThat(runner.language(persian, "ar")).isEqualTo("fas");
        assertThat(runner.language("نص عربي", "fa")).as("the detector's word is enough").isEqualTo("fas");
        // an Iraqi name spelled with گ inside a long Arabic statement stays Arabic
        String arabic = ("أعلنت الفصائل في بيان صدر اليوم أن القائد أبو گاطع زار المعسكر القريب من الجسر. "
                + "وأكدت أن قواتها ستبقى في مواقعها حتى إشعار آخر وأن أي اعتداء سيقابل بالرد المناسب. "
                + "ونفت الأنباء التي تحدثت عن عبور قافلتين الحدود في الأسبوع الماضي. "
                + "وقالت إن الشاحنات كانت تحمل الغذاء والوقود للقرى الواقعة شرق النهر. ").repeat(3);
        assertThat(runner.language(arabic, "ar")).isEqualTo("ara");
    }

    @Test
    void latinScriptIsEnglishUnlessTheDetectorNamesAnotherInstalledModel() {
        assertThat(runner.language("The command denies the reports", "en")).isEqualTo("eng");
        assertThat(runner.language("Le commandement dément les rapports", "fr")).as("no French model here")
                .isEqualTo("eng");
        assertThat(runner.language("Kataib Hezbollah كتائب", "ar")).as("mostly Latin letters").isEqualTo("eng");
    }
}
