package io.dossier.sources.extraction.html;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token-level agreement of an extracted text with a reference text, as the article-extraction benchmarks score it:
 * both are cut into lower-cased Unicode word tokens and compared as bags (a token counts as often as it occurs in
 * both).
 */
public record TokenOverlap(double precision, double recall, double f1) {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    public static TokenOverlap of(String predicted, String gold) {
        Map<String, Integer> p = tokens(predicted);
        Map<String, Integer> g = tokens(gold);
        int predictedSize = p.values().stream().mapToInt(Integer::intValue).sum();
        int goldSize = g.values().stream().mapToInt(Integer::intValue).sum();
        if (predictedSize == 0 || goldSize == 0) {
            return new TokenOverlap(0, 0, 0);
        }
        int common = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            common += Math.min(e.getValue(), g.getOrDefault(e.getKey(), 0));
        }
        double precision = (double) common / predictedSize;
        double recall = (double) common / goldSize;
        double f1 = common == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new TokenOverlap(precision, recall, f1);
    }

    static Map<String, Integer> tokens(String text) {
        Map<String, Integer> bag = new HashMap<>();
        if (text == null) {
            return bag;
        }
        Matcher m = WORD.matcher(text.toLowerCase());
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }
}
