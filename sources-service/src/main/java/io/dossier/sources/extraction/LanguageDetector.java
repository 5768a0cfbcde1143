package io.dossier.sources.extraction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

/**
 * The language of a text as an ISO 639-1 code. Arabic script is decided by letters first: Persian writes four
 * letters Arabic lacks (پ چ ژ گ) and its own forms of kaf and yeh (ک ی), while Arabic writes teh marbuta and the
 * Arabic yeh (ة ي), which n-gram models confuse on short texts. Urdu, with letters of its own, and other scripts go to the Optimaize n-gram detector
 * (70 languages). Texts too short to tell get no language.
 */
@ApplicationScoped
public class LanguageDetector {

    private static final int MIN_LETTERS = 20;
    /** The n-gram detector reads this much of a text; more only costs time. */
    private static final int SAMPLE_CHARS = 10_000;

    private final com.optimaize.langdetect.LanguageDetector ngrams;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

    public LanguageDetector() {
        try {
            ngrams = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("the detector's built-in language profiles are on the classpath", e);
        }
    }

    public Optional<String> detect(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        int arabicScript = 0;
        int letters = 0;
        int persian = 0;
        int arabic = 0;
        int urdu = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) {
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
        if (letters < MIN_LETTERS) {
            return Optional.empty();
        }
        if (arabicScript * 2 > letters && urdu == 0) {
            if (persian > arabic) {
                return Optional.of("fa");
            }
            if (arabic > 0) {
                return Optional.of("ar");
            }
        }
        List<DetectedLanguage> ranked = ngrams.getProbabilities(texts.forText(sample));
        if (ranked.isEmpty() || ranked.get(0).getProbability() < 0.5) {
            return Optional.empty();
        }
        return Optional.of(ranked.get(0).getLocale().getLanguage());
    }
}
