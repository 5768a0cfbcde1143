package io.dossier.search.indexing;

import java.util.List;

import io.dossier.common.text.TextAnalysis;

/**
 * A field's words as the documents index holds them, one position per word in both of its analysed fields:
 * <ul>
 * <li>{@code *Forms}: every word folded as written, for the {@code whitespace} analyzer (each one token of at most
 * {@value #MAX_TOKEN} characters: a longer run is cut, whitespace Java counts as such is dropped);</li>
 * <li>{@code *Stems}: a word's stem only where it differs from the form ("attacks": "attack"), and {@link #GAP}
 * elsewhere, which the field's analyzer drops while keeping its position (a stop filter). Most words are their own
 * stem, so this field holds a fraction of the words, and a stem search asks the forms field for the stem as well:
 * that is where a word written as its stem is found.</li>
 * </ul>
 * The stems field's analyzer is the standard tokenizer (the minimal Elasticsearch has no whitespace tokenizer to
 * build an analyzer on), so a stem goes there only when that tokenizer reads it as one token: Latin letters and
 * digits, or Arabic-script letters and digits (every stem the analysis makes, in practice). Any other stem is a gap:
 * the word is still found by its form.
 */
public record AnalysedWords(String forms, String stems) {

    /** The stems fields' placeholder: a capital, which folded words never hold; their stop filter drops it. */
    public static final String GAP = "Z";
    /** The longest token of Elasticsearch's whitespace and standard tokenizers (a longer run is split). */
    public static final int MAX_TOKEN = 255;

    /** The words of a field (null for no field) in a document of {@code language}. */
    public static AnalysedWords of(String field, String language) {
        if (field == null) {
            return new AnalysedWords(null, null);
        }
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(field, language);
        StringBuilder forms = new StringBuilder(field.length());
        StringBuilder stems = new StringBuilder(field.length() / 2);
        for (TextAnalysis.Token t : tokens) {
            if (forms.length() > 0) {
                forms.append(' ');
                stems.append(' ');
            }
            String form = token(t.form());
            forms.append(form);
            String stem = t.stem();
            stems.append(!stem.equals(t.form()) && standalone(stem) ? stem : GAP);
        }
        return new AnalysedWords(forms.toString(), stems.toString());
    }

    /** Every word's stem (its form when it has none), joined by spaces: the text a "more like this" is asked with. */
    public static String allStems(String field, String language) {
        if (field == null) {
            return "";
        }
        StringBuilder stems = new StringBuilder(field.length());
        for (TextAnalysis.Token t : TextAnalysis.tokens(field, language)) {
            if (stems.length() > 0) {
                stems.append(' ');
            }
            stems.append(token(t.stem()));
        }
        return stems.toString();
    }

    /**
     * A form as one whitespace token: without the characters Java takes for whitespace (a folded word seldom holds
     * one), cut to {@value #MAX_TOKEN} characters (not inside a surrogate pair); {@link #GAP} when nothing is left, so
     * the word keeps its position.
     */
    static String token(String form) {
        boolean clean = form.length() <= MAX_TOKEN;
        for (int i = 0; clean && i < form.length(); i++) {
            clean = !Character.isWhitespace(form.charAt(i));
        }
        if (clean && !form.isEmpty()) {
            return form;
        }
        StringBuilder kept = new StringBuilder(Math.min(form.length(), MAX_TOKEN));
        for (int i = 0; i < form.length() && kept.length() < MAX_TOKEN; i++) {
            char c = form.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && kept.length() == MAX_TOKEN - 1) {
                break;
            }
            kept.append(c);
        }
        return kept.isEmpty() ? GAP : kept.toString();
    }

    /**
     * An Arabic-script letter of the Arabic and Arabic Supplement blocks (Persian, Urdu and Kurdish letters included):
     * letters Unicode has held for long, so that Elasticsearch's standard tokenizer, whose word rules follow an older
     * Unicode than the JDK's, reads them as letters too.
     */
    private static boolean arabicLetter(char c) {
        return Character.isLetter(c) && (c >= '\u0620' && c <= '\u064A' || c >= '\u066E' && c <= '\u06D3'
                || c == '\u06D5' || c >= '\u06EE' && c <= '\u06EF' || c >= '\u06FA' && c <= '\u06FC'
                || c == '\u06FF' || c >= '\u0750' && c <= '\u077F');
    }

    /**
     * Whether the standard tokenizer reads {@code stem} as exactly this one token: Latin letters a-z, digits 0-9 and
     * Arabic-script letters of long standing only, at most {@value #MAX_TOKEN} characters.
     */
    static boolean standalone(String stem) {
        int n = stem.length();
        if (n == 0 || n > MAX_TOKEN) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = stem.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || arabicLetter(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
