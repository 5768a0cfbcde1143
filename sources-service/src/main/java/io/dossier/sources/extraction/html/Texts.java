package io.dossier.sources.extraction.html;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whitespace normalisation and word bags, shared by the extractor's steps. */
final class Texts {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200b-\\u200d\\u2060\\ufeff\\u00ad]");
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private Texts() {
    }

    /** Collapses every run of whitespace (including no-break and ideographic spaces) to one space; trims. */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        return SPACES.matcher(INVISIBLE.matcher(s).replaceAll("")).replaceAll(" ").strip();
    }

    static Map<String, Integer> words(String s) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher m = WORD.matcher(s.toLowerCase());
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }

    static int size(Map<String, Integer> bag) {
        return bag.values().stream().mapToInt(Integer::intValue).sum();
    }

    static int overlap(Map<String, Integer> a, Map<String, Integer> b) {
        int common = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            common += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        return common;
    }

    /** Counts the clause punctuation of Latin, CJK and Arabic scripts: a sign of running prose. */
    static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '\uff0c' || c == '\u3001' || c == '\u060c' || c == '\u061b') {
                n++;
            }
        }
        return n;
    }
}
