package io.dossier.common.text;

import java.text.Normalizer;

/**
 * Folds names and texts to the form they are compared in, in every script: lower case; no diacritics; apostrophes,
 * ayn and hamza marks dropped ("Kata'ib", "Kata’ib" and "Kataib" fold alike); other punctuation as a space; Arabic
 * letters normalized (alef and hamza forms to bare alef, alef maqsura to yeh, teh marbuta to heh, Persian kaf and
 * yeh to Arabic, tashkeel and tatweel dropped); runs of spaces as one.
 * <p>
 * {@link #foldWithOffsets} also tells, for each folded character, where it came from, so a match found in folded
 * text is a span of the original.
 */
public final class TextFolding {

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

    /** One code point folded: zero or more characters, a space standing for any separator. */
    static String foldCodePoint(int cp) {
        switch (cp) {
            // apostrophes, ayn and hamza marks in transliterations: gone
            case '\'', '’', '‘', '`', '´', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '′' :
                return "";
            // Arabic: hamza and madda forms of alef to bare alef
            case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ' :
                return "ا";
            case 'ى', 'ی', 'ې', 'ئ' :
                return "ي";
            case 'ة' :
                return "ه";
            case 'ک', 'ڪ' :
                return "ك";
            case 'ؤ' :
                return "و";
            case 'ء', 'ـ' :
                return "";
            case 'ß' :
                return "ss";
            case 'ı' :
                return "i";
            case 'ø' :
                return "o";
            case 'đ', 'ð' :
                return "d";
            case 'ł' :
                return "l";
            case 'æ' :
                return "ae";
            case 'œ' :
                return "oe";
            case 'þ' :
                return "th";
            default :
                break;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return ""; // tashkeel, combining accents, zero-width joiners
        }
        if (!Character.isLetterOrDigit(cp)) {
            return " ";
        }
        if (cp < 0x80) {
            return String.valueOf((char) Character.toLowerCase(cp));
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length();) {
            int part = decomposed.codePointAt(k);
            k += Character.charCount(part);
            int partType = Character.getType(part);
            if (partType == Character.NON_SPACING_MARK || partType == Character.ENCLOSING_MARK) {
                continue;
            }
            if (part != cp) {
                out.append(foldCodePoint(part)); // presentation forms and ligatures decompose into letters to fold
            } else {
                out.appendCodePoint(Character.toLowerCase(part));
            }
        }
        return out.toString();
    }
}
