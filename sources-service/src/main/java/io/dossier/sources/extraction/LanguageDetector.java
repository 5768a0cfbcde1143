package io.dossier.sources.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

/**
 * The language of a text as an ISO 639-1 code, in three steps, cheapest first.
 * <ol>
 * <li>Arabic script is decided by letters: Persian writes four letters Arabic lacks (پ چ ژ گ) and its own forms of kaf
 * and yeh (ک ی), while Arabic writes teh marbuta and the Arabic yeh (ة ي), which n-gram models confuse on short
 * texts.</li>
 * <li>English, most of what analysts file, is recognised by its function words (Lucene's English stop words): a text
 * in which they are at least {@value #ENGLISH_SHARE_PERCENT}% of the words and at least
 * {@value #ENGLISH_LEAD}&times; the words of the nearest of six other European stop lists (Lucene's French, German,
 * Spanish, Italian, Portuguese and Dutch) is English. This answers most texts in a few microseconds, where the n-gram
 * model costs about 0.3 ms a text.</li>
 * <li>Everything else (Urdu, with letters of its own, other scripts and languages, English without its function
 * words such as tables of figures) goes to the Optimaize n-gram detector ({@link #LANGUAGES}).</li>
 * </ol>
 * A text written mostly in capitals (wire headlines, telegrams) is read in lower case, as the n-gram profiles were
 * built from ordinary text: in capitals, English news read as German. Texts too short to tell get no language.
 */
@ApplicationScoped
public class LanguageDetector {

    private static final int MIN_LETTERS = 20;
    /** The detector reads this much of a text; more only costs time. */
    private static final int SAMPLE_CHARS = 10_000;
    /** Fewer words than this are too few to judge by function words alone. */
    private static final int MIN_WORDS = 8;
    static final int ENGLISH_SHARE_PERCENT = 15;
    static final int ENGLISH_LEAD = 2;

    /** Lucene's stop lists, English first: each word with the bit of every list that holds it (one lookup a word). */
    private static final List<CharArraySet> STOP_LISTS = List.of(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
            FrenchAnalyzer.getDefaultStopSet(), GermanAnalyzer.getDefaultStopSet(), SpanishAnalyzer.getDefaultStopSet(),
            ItalianAnalyzer.getDefaultStopSet(), PortugueseAnalyzer.getDefaultStopSet(),
            DutchAnalyzer.getDefaultStopSet());
    private static final CharArrayMap<Integer> LISTS_OF_WORD = listsOfWord();

    /**
     * The languages the n-gram model tells apart: those of the region and of what analysts of it read (the Middle
     * East's, Europe's, Russia's), not all 70 of Optimaize's profiles. Every profile holds a probability for every
     * n-gram of every other, so memory grows with the languages and their scripts: all 70 held 131 MB of heap, these
     * hold a fifth of it (docs/decisions.md, "The services' JVMs"). A text in another language gets the nearest of
     * these, or none when the model is not sure.
     */
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ro", "sv", "da",
            "no", "tr", "id", "ru", "uk", "ar", "fa", "ur", "he", "el");

    private final com.optimaize.langdetect.LanguageDetector ngrams;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

    public LanguageDetector() {
        try {
            ngrams = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader()
                            .readBuiltIn(LANGUAGES.stream().map(LdLocale::fromString).toList()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("the detector's built-in language profiles are on the classpath", e);
        }
    }

    public Optional<String> detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        Letters letters = Letters.count(sample);
        if (letters.total < MIN_LETTERS) {
            return Optional.empty();
        }
        if (letters.arabicScript * 2 > letters.total && letters.urdu == 0) {
            if (letters.persian > letters.arabic) {
                return Optional.of("fa");
            }
            if (letters.arabic > 0) {
                return Optional.of("ar");
            }
        }
        if (letters.upperCase * 2 > letters.total) {
            sample = sample.toLowerCase(Locale.ROOT);
        }
        if (letters.latin * 2 > letters.total && readsAsEnglish(sample)) {
            return Optional.of("en");
        }
        List<DetectedLanguage> ranked = ngrams.getProbabilities(texts.forText(sample));
        if (ranked.isEmpty() || ranked.get(0).getProbability() < 0.5) {
            return Optional.empty();
        }
        return Optional.of(ranked.get(0).getLocale().getLanguage());
    }

    /** Whether English function words make up enough of the text's words, and far more than any other list's. */
    static boolean readsAsEnglish(String text) {
        int words = 0;
        int[] inList = new int[STOP_LISTS.size()];
        char[] word = new char[32];
        int length = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                if (length < word.length) {
                    word[length] = Character.toLowerCase(c);
                }
                length++;
                continue;
            }
            if (c == '\'' && length > 0) {
                continue; // don't, it's: one word, as the stop lists write them without the apostrophe's tail
            }
            if (length > 0) {
                words++;
                Integer lists = length <= word.length ? LISTS_OF_WORD.get(word, 0, length) : null;
                for (int k = 0; lists != null && k < inList.length; k++) {
                    if ((lists & (1 << k)) != 0) {
                        inList[k]++;
                    }
                }
                length = 0;
            }
        }
        int english = inList[0];
        if (words < MIN_WORDS || english * 100 < words * ENGLISH_SHARE_PERCENT) {
            return false;
        }
        for (int k = 1; k < inList.length; k++) {
            if (english < inList[k] * ENGLISH_LEAD) {
                return false;
            }
        }
        return true;
    }

    private static CharArrayMap<Integer> listsOfWord() {
        CharArrayMap<Integer> lists = new CharArrayMap<>(1024, false);
        for (int k = 0; k < STOP_LISTS.size(); k++) {
            for (Object word : STOP_LISTS.get(k)) {
                char[] w = (char[]) word;
                Integer before = lists.get(w, 0, w.length);
                lists.put(w, (before == null ? 0 : before) | (1 << k));
            }
        }
        return lists;
    }

    private record Letters(int total, int upperCase, int latin, int arabicScript, int persian, int arabic, int urdu) {

        static Letters count(String sample) {
            int total = 0;
            int upperCase = 0;
            int latin = 0;
            int arabicScript = 0;
            int persian = 0;
            int arabic = 0;
            int urdu = 0;
            for (int i = 0; i < sample.length(); i++) {
                char c = sample.charAt(i);
                if (!Character.isLetter(c)) {
                    continue;
                }
                total++;
                if (Character.isUpperCase(c)) {
                    upperCase++;
                }
                if (c < 0x80) {
                    latin++; // an ASCII letter: the script of most texts, without a look-up
                    continue;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                } else if (script == Character.UnicodeScript.ARABIC) {
                    arabicScript++;
                    switch (c) {
                        case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی' -> persian++;
                        case 'ة', 'ي', 'ك', 'ى' -> arabic++;
                        case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے' -> urdu++;
                        default -> {
                        }
                    }
                }
            }
            return new Letters(total, upperCase, latin, arabicScript, persian, arabic, urdu);
        }
    }
}
