package io.dossier.common.text;

import java.util.ArrayList;
import java.util.List;

/**
 * PLACEHOLDER until the Lucene-based analysis lands (branch issue16-analysis): the API the search service builds
 * on, with stems equal to the folded forms.
 */
public final class TextAnalysis {

    public static final int VERSION = 0;

    public record Token(int start, int end, String form, String stem) {
    }

    private TextAnalysis() {
    }

    public static List<Token> tokens(String text, String language) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        TextFolding.Folded folded = TextFolding.foldWithOffsets(text);
        String f = folded.text();
        int i = 0;
        while (i < f.length()) {
            while (i < f.length() && f.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < f.length() && f.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                String form = f.substring(start, i);
                tokens.add(new Token(folded.originalStart(start), folded.originalEnd(i, text), form, form));
            }
        }
        return tokens;
    }

    public static List<String> queryStems(String word) {
        String form = form(word);
        return form.isEmpty() ? List.of() : List.of(form);
    }

    public static String form(String word) {
        return TextFolding.fold(word);
    }
}
