package io.dossier.common.text;

import java.text.Normalizer;

import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.fa.PersianNormalizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Folds names and texts to the form they are compared in, in every script: lower case; no diacritics; apostrophes,
 * ayn and hamza marks dropped ("Kata'ib", "Kata’ib" and "Kataib" fold alike); other punctuation as a space; Arabic
 * letters normalized (alef and hamza forms to bare alef, alef maqsura to yeh, teh marbuta to heh, Persian kaf, yeh and
 * heh to Arabic, tashkeel and tatweel dropped); decimal digits of every script as ASCII digits; zero-width joiners and
 * non-joiners dropped, so the parts of a Persian word written with a ZWNJ ("کتاب‌ها") make one word, for the linker
 * and for search alike; runs of spaces as one.
 * <p>
 * Whose rule is whose (docs/decisions.md #8): Lucene's {@code ArabicNormalizer} and {@code PersianNormalizer} and its
 * {@code ASCIIFoldingFilter} (for Latin letters without a Unicode decomposition: ß, ø, ł, đ, æ, œ, þ, ı...) are
 * called; {@code DecimalDigitFilter}'s one-line rule is repeated (Lucene has it only as a filter). Ours, because Lucene
 * has none of them: dropping apostrophes and ayn marks, alef wasla and the wavy-hamza alefs, the lone hamza, Pashto yeh
 * and swash kaf, lower case and the separators, and the compatibility decomposition with its marks dropped (which also
 * gives what ASCIIFolding gives for é or ḥ, and decomposes Arabic presentation forms and ligatures). Lucene's Persian
 * analysis turns a ZWNJ into a space; here it joins, one rule for linking and search.
 * <p>
 * {@link #foldWithOffsets} also tells, for each folded character, where it came from, so a match found in folded
 * text is a span of the original.
 */
public final class TextFolding {

    private static final ArabicNormalizer ARABIC = new ArabicNormalizer();
    private static final PersianNormalizer PERSIAN = new PersianNormalizer();
    /** foldCodePoint for the code points most text is made of (Latin, Greek, Cyrillic, Arabic), computed once. */
    private static final String[] FOLDED_BELOW = new String[0x800];

    static {
        for (int cp = 0; cp < FOLDED_BELOW.length; cp++) {
            FOLDED_BELOW[cp] = foldCodePoint(cp).intern();
        }
    }

    private TextFolding() {
    }

    /** A folded text and, for each of its characters, the index of the original character it came from. */
    public record Folded(String text, int[] offsets) {

        /** The original index where the folded span [start, end) begins. */
        public int originalStart(int start) {
            return offsets[start];
        }

        /** The original index just after the folded span [start, end) (end exclusive). */
        public int originalEnd(int end, String original) {
            int last = offsets[end - 1];
            return last + Character.charCount(original.codePointAt(last));
        }
    }

    public static String fold(String text) {
        return foldWithOffsets(text).text().strip();
    }

    public static Folded foldWithOffsets(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] offsets = new int[text.length() * 2 + 4];
        boolean space = true; // no leading space
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            String folded = cp < FOLDED_BELOW.length ? FOLDED_BELOW[cp] : foldCodePoint(cp);
            for (int k = 0; k < folded.length(); k++) {
                char c = folded.charAt(k);
                if (c == ' ') {
                    if (space) {
                        continue;
                    }
                    space = true;
                } else {
                    space = false;
                }
                if (out.length() == offsets.length) {
                    offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[out.length()] = i;
                out.append(c);
            }
            i += width;
        }
        return new Folded(out.toString(), java.util.Arrays.copyOf(offsets, out.length()));
    }

    /**
     * One code point folded: zero or more characters, a space standing for any separator. Each step says whose rule it
     * is: Lucene's where Lucene has exactly the normalization (called, not copied), ours only where Lucene has none.
     */
    static String foldCodePoint(int cp) {
        switch (cp) {
            // Ours: apostrophes, ayn and hamza marks in transliterations are dropped, so "Kata'ib", "Kata’ib" and
            // "Kataib" fold alike (Lucene's ASCIIFolding turns them into an ASCII apostrophe, a separator here).
            case '\'', '’', '‘', '`', '´', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '′' :
                return "";
            // Ours: Arabic letters Lucene's ArabicNormalizer and PersianNormalizer leave alone, without a Unicode
            // decomposition to a letter they handle: alef wasla and the wavy-hamza alefs, Pashto/Uyghur yeh, swash
            // kaf, and the lone hamza (ArabicNormalizer drops hamza only on alef).
            case 'ٱ', 'ٲ', 'ٳ' :
                return "ا";
            case 'ې' :
                return "ي";
            case 'ڪ' :
                return "ك";
            case 'ء' :
                return "";
            default :
                break;
        }
        if (cp >= 0x0600 && cp <= 0x06FF) {
            // Lucene: ArabicNormalizer (alef madda and hamza forms to alef, alef maqsura to yeh, teh marbuta to heh,
            // tatweel and tashkeel dropped), then PersianNormalizer (Farsi yeh and yeh barree to yeh, keheh to kaf, heh
            // yeh and heh goal to heh, combining hamza dropped), as Lucene's Persian analysis chains them.
            char[] buffer = {(char) cp};
            int length = PERSIAN.normalize(buffer, ARABIC.normalize(buffer, 1));
            if (length == 0) {
                return "";
            }
            if (buffer[0] != cp) {
                return String.valueOf(buffer[0]);
            }
        }
        int type = Character.getType(cp);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            // Lucene's DecimalDigitFilter rule (a filter, so its one line is repeated here): any decimal digit, such
            // as the Arabic-Indic and Persian ones, as its ASCII digit.
            return String.valueOf((char) ('0' + Character.digit(cp, 10)));
        }
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return ""; // tashkeel, combining accents, zero-width joiners and non-joiners (so ZWNJ joins two parts)
        }
        if (!Character.isLetterOrDigit(cp)) {
            return " ";
        }
        if (cp < 0x80) {
            return String.valueOf((char) Character.toLowerCase(cp));
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        if (decomposed.codePointAt(0) == cp && decomposed.length() == Character.charCount(cp)) {
            // No decomposition: Lucene's ASCIIFolding for the Latin letters that have none (ß, ø, ł, đ, ð, æ, œ, þ,
            // ı, hooked and barred letters...), else the letter itself in lower case.
            String ascii = asciiFolded(cp);
            return ascii != null ? ascii : new String(Character.toChars(Character.toLowerCase(cp)));
        }
        // Ours: the compatibility decomposition, marks dropped, each part folded again: accented letters of every
        // script (where ASCIIFolding and it agree on Latin, e.g. é, ā, ḥ: checked by TextFoldingTest), presentation
        // forms and ligatures (Arabic ones become the letters Lucene's normalizers then fold), fullwidth forms.
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length();) {
            int part = decomposed.codePointAt(k);
            k += Character.charCount(part);
            int partType = Character.getType(part);
            if (partType == Character.NON_SPACING_MARK || partType == Character.ENCLOSING_MARK) {
                continue;
            }
            out.append(foldCodePoint(part));
        }
        return out.toString();
    }

    /**
     * Lucene's ASCIIFoldingFilter for a letter (accents, ß, ø, ł, đ, ð, æ, œ, þ, ı...), lower-cased; null when it
     * leaves the letter alone or folds it into something other than ASCII letters and digits (then it is no letter
     * of a word here).
     */
    private static String asciiFolded(int cp) {
        if (cp > Character.MAX_VALUE || !Character.isLetter(cp)) {
            return null;
        }
        char[] out = new char[4];
        int length = ASCIIFoldingFilter.foldToASCII(new char[]{(char) cp}, 0, out, 0, 1);
        if (length == 1 && out[0] == cp) {
            return null;
        }
        for (int k = 0; k < length; k++) {
            if (out[k] >= 0x80 || !Character.isLetterOrDigit(out[k])) {
                return null;
            }
            out[k] = Character.toLowerCase(out[k]);
        }
        return new String(out, 0, length);
    }
}
