package io.dossier.gateway.ui;

import java.util.List;
import java.util.Map;

/** What pages show, computed here so that templates only place it. */
final class Views {

    private Views() {
    }

    /** One hit; {@code titleHtml} and {@code snippets} are escaped by the search service (only {@code <mark>}). */
    public record HitView(String id, String title, String titleHtml, String url, String publisher,
            String publishedAt, String collection, List<SnippetView> snippets, List<SearchApi.EntityRef> entities,
            String lang, String dir, List<String> notes) {

        static HitView of(SearchApi.Hit hit) {
            Map<String, List<String>> h = hit.highlights() == null ? Map.of() : hit.highlights();
            List<String> title = h.getOrDefault("title", List.of());
            List<String> text = h.getOrDefault("text", List.of());
            List<SnippetView> snippets = new java.util.ArrayList<>(text.size());
            for (int i = 0; i < text.size(); i++) {
                Integer page = hit.textPages() != null && i < hit.textPages().size() ? hit.textPages().get(i) : null;
                snippets.add(new SnippetView(text.get(i), page == null ? 0 : page));
            }
            return new HitView(hit.id(), hit.title(), title.isEmpty() ? null : title.get(0), hit.url(),
                    hit.publisher(), day(hit.publishedAt()), hit.collection(), snippets,
                    hit.entities() == null ? List.of() : hit.entities(), Views.lang(hit.language()),
                    Views.dir(hit.language()), h.getOrDefault("notes", List.of()));
        }
    }

    /** A snippet of a hit's text (marked HTML) and, for a document of pages, the page it is on (else 0). */
    public record SnippetView(String html, int page) {
    }

    /** Languages written right to left, by ISO 639 code. */
    private static final java.util.Set<String> RIGHT_TO_LEFT = java.util.Set.of("ar", "fa", "ur", "ps", "he", "yi",
            "ckb", "sd", "ug", "dv");

    /**
     * The direction of a document's text from its detected language: an English text that opens with an Arabic name
     * still reads left to right. {@code auto} (the browser decides by the first strong letter) only when the language
     * is unknown.
     */
    static String dir(String language) {
        String code = lang(language);
        return code == null ? "auto" : RIGHT_TO_LEFT.contains(code) ? "rtl" : "ltr";
    }

    /** The language as an attribute value (lower-case ISO code), or null when there is none. */
    static String lang(String language) {
        if (language == null || !language.strip().matches("[A-Za-z]{2,3}")) {
            return null;
        }
        return language.strip().toLowerCase(java.util.Locale.ROOT);
    }

    static String day(String timestamp) {
        return timestamp == null || timestamp.length() < 10 ? timestamp : timestamp.substring(0, 10);
    }
}
