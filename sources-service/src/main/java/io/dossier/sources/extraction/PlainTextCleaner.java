package io.dossier.sources.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Trims the page furniture that comes along when an article is copied out of a web page as plain text: share and
 * subscribe prompts, "Related Items" lists, comment forms, stray style rules and link-only lines.
 * <p>
 * It works on lines and only removes what it is sure of, so an article is never cut short:
 * <ol>
 * <li>a line that is exactly a known furniture phrase ("Share this", "Leave a Reply", "Back to top"...), a link or
 * path alone, or a CSS rule, goes wherever it is;</li>
 * <li>after the last paragraph of prose (a line of 80+ characters that ends a sentence), a tail that opens with a
 * section marker ("Related Articles", "Recommended", "Topics"...) or holds no prose at all goes entirely.</li>
 * </ol>
 * Headings, bylines and dates above the article are kept: they are short but they are part of the record.
 */
public final class PlainTextCleaner {

    private static final Set<String> FURNITURE = Set.of("share this", "share this article", "share",
            "share on facebook",
            "share on twitter", "tweet", "print", "email", "leave a reply", "leave a comment", "comments",
            "back to top", "back to top button", "read more", "advertisement", "sponsored", "live story",
            "table of contents", "subscribe", "subscribe to our newsletter", "sign up for our newsletter",
            "follow us", "also available in", "error: content is protected !!", "click to share",
            "skip to content", "skip to main content", "close", "menu", "search", "loading...");

    private static final Set<String> TAIL_MARKERS = Set.of("related articles", "related items", "related posts",
            "related stories", "related", "recommended", "more on this topic", "topics", "tags", "regions & countries",
            "part of a series", "you may also like", "more from", "read next", "most popular", "latest news",
            "leave a reply", "comments");

    private static final Pattern LINK_ONLY = Pattern.compile(
            "\\(?/[\\w./#?=&%-]*\\)?|\\[[^\\]]*]\\([^)]*\\)|https?://\\S+|\\[[^\\]]*]\\(#\\)");
    private static final Pattern CSS_RULE = Pattern.compile("[.#@]?[\\w\\[\\]=\"'.:#>, -]++\\{[^}:]*+:[^}]*+}");
    /** Furniture lines are short; longer ones are never tested against the patterns (which stay cheap this way). */
    private static final int MAX_FURNITURE_LINE = 300;
    private static final Pattern REQUIRED_FIELDS = Pattern.compile(
            "your email address will not be published.*", Pattern.CASE_INSENSITIVE);

    private PlainTextCleaner() {
    }

    public static String clean(String text) {
        List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
        lines.removeIf(PlainTextCleaner::isFurniture);
        int lastProse = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (isProse(lines.get(i))) {
                lastProse = i;
            }
        }
        if (lastProse >= 0) {
            int cut = tailStart(lines, lastProse);
            lines = lines.subList(0, cut);
        }
        return collapseBlankLines(lines).strip();
    }

    /** Where the furniture after the last prose line begins (the list size when nothing follows). */
    private static int tailStart(List<String> lines, int lastProse) {
        for (int i = lastProse + 1; i < lines.size(); i++) {
            if (TAIL_MARKERS.contains(key(lines.get(i)))) {
                return i;
            }
        }
        // No marker: what follows the last prose line is kept only if it is a short closing (e.g. a sign-off).
        long words = lines.subList(lastProse + 1, lines.size()).stream()
                .mapToLong(l -> l.isBlank() ? 0 : l.strip().split("\\s+").length).sum();
        return words > 60 ? lastProse + 1 : lines.size();
    }

    static boolean isFurniture(String line) {
        String stripped = line.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_FURNITURE_LINE) {
            return false;
        }
        return FURNITURE.contains(key(stripped)) || LINK_ONLY.matcher(stripped).matches()
                || CSS_RULE.matcher(stripped).matches() || REQUIRED_FIELDS.matcher(stripped).matches();
    }

    static boolean isProse(String line) {
        String stripped = line.strip();
        if (stripped.length() < 80) {
            return false;
        }
        char last = stripped.charAt(stripped.length() - 1);
        return ".!?\"”’)'…".indexOf(last) >= 0 || last == '؟' || last == '۔';
    }

    private static String key(String line) {
        String key = line.strip().toLowerCase(Locale.ROOT);
        while (!key.isEmpty() && ":•-|".indexOf(key.charAt(key.length() - 1)) >= 0) {
            key = key.substring(0, key.length() - 1).strip();
        }
        return key;
    }

    private static String collapseBlankLines(List<String> lines) {
        StringBuilder out = new StringBuilder();
        int blanks = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                blanks++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blanks > 0 ? "\n\n" : "\n");
            }
            out.append(line.stripTrailing());
            blanks = 0;
        }
        return out.toString();
    }
}
