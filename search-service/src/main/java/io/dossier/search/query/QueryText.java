package io.dossier.search.query;

import io.dossier.common.text.TextFolding;

/**
 * The user's query in Elasticsearch's query_string syntax (AND / OR / NOT, "phrases", prefix*, fuzzy~, field:value,
 * parentheses), with every word folded as {@link TextFolding} folds the indexed text, and the syntax left as it was:
 * operators, quotes, wildcards, escapes and field names are not words.
 */
final class QueryText {

    /** Characters with a meaning in the syntax; a word ends at any of them. */
    private static final String SYNTAX = "\"()*?~^+-!:\\/[]{}&|<>=";

    private QueryText() {
    }

    static String fold(String query) {
        StringBuilder out = new StringBuilder(query.length());
        int n = query.length();
        int i = 0;
        while (i < n) {
            char c = query.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(c).append(query.charAt(i + 1));
                i += 2;
            } else if (SYNTAX.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < n && SYNTAX.indexOf(query.charAt(end)) < 0
                        && !Character.isWhitespace(query.charAt(end))) {
                    end++;
                }
                String word = query.substring(i, end);
                boolean fieldName = end < n && query.charAt(end) == ':';
                boolean operator = word.equals("AND") || word.equals("OR") || word.equals("NOT");
                out.append(fieldName || operator ? word : TextFolding.fold(word));
                i = end;
            }
        }
        return out.toString();
    }

    /** Whether the query is only words (no operator, quote, wildcard or field): a name, perhaps. */
    static boolean isPlain(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            boolean wordStart = i == 0 || Character.isWhitespace(query.charAt(i - 1));
            if (SYNTAX.indexOf(c) >= 0 && (c != '-' || wordStart)) {
                return false;
            }
        }
        for (String word : query.trim().split("\\s+")) {
            if (word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
                return false;
            }
        }
        return true;
    }
}
