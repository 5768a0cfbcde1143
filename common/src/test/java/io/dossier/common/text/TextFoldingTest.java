package io.dossier.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFoldingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kata'ib Hizballah | kataib hizballah",
            "Kata’ib Hizbullah | kataib hizbullah",
            "KATAIB  HEZBOLLAH | kataib hezbollah",
            "Asa'ib Ahl al-Haq | asaib ahl al haq",
            "Abū Mahdī al-Muhandis | abu mahdi al muhandis",
            "Qāsem Soleimānī | qasem soleimani",
            "كتائب حزب الله | كتايب حزب الله",
            "عصائب أهل الحق | عصايب اهل الحق",
            "قاسم سُلَيْمانی | قاسم سليماني",
            "منظمة بدر | منظمه بدر",
            "إسماعيل قاآني | اسماعيل قااني",
            // Lucene's ASCIIFolding: letters without a Unicode decomposition, in both cases
            "Æsir ÆSIR Œuvre Łódź ØRSTED Þór Straße ıstanbul Đorđe | aesir aesir oeuvre lodz orsted thor strasse istanbul dorde",
            // Lucene's ArabicNormalizer and PersianNormalizer: Farsi yeh, keheh, heh with yeh, yeh barree
            "کتابخانۀ ملی ے | كتابخانه ملي ي",
            // Lucene's DecimalDigitFilter rule: Arabic-Indic and Persian digits
            "١٢٣ ۱۲۳ 123 | 123 123 123",
            // ours: the zero-width non-joiner joins the parts of a Persian word; ٱ ې ڪ ء
            "می‌خواهم | ميخواهم", "ٱلله ېڪء | الله يك"})
    void foldsAlike(String name, String folded) {
        assertThat(TextFolding.fold(name)).isEqualTo(folded);
    }

    @Test
    void offsetsLeadBackToTheOriginal() {
        String text = "The statement by Kata’ib Hizbullah (KH) was read.";
        TextFolding.Folded folded = TextFolding.foldWithOffsets(text);
        int start = folded.text().indexOf("kataib hizbullah");
        int end = start + "kataib hizbullah".length();
        assertThat(text.substring(folded.originalStart(start), folded.originalEnd(end, text)))
                .isEqualTo("Kata’ib Hizbullah");
        String arabic = "قال المتحدث باسم كتائب حزب الله إن";
        TextFolding.Folded ar = TextFolding.foldWithOffsets(arabic);
        String needle = TextFolding.fold("كتائب حزب الله");
        int s = ar.text().indexOf(needle);
        assertThat(arabic.substring(ar.originalStart(s), ar.originalEnd(s + needle.length(), arabic)))
                .isEqualTo("كتائب حزب الله");
    }
}
