package io.dossier.sources.extraction.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;

/**
 * What an element's class, id and role say about it. Names are cut into words ({@code articleBody},
 * {@code article-body} and {@code article_body} all give "article", "body") so that a hint word only counts as a
 * whole word: "ad" must not match "header" or "shadow".
 */
final class ClassHints {

    private static final Set<String> POSITIVE = Set.of("article", "articles", "body", "content", "contents", "entry",
            "main", "post", "story", "text", "prose", "richtext", "blog", "hentry", "copy", "paragraph", "paragraphs");

    private static final Set<String> NEGATIVE = Set.of("comment", "comments", "commenting", "disqus", "respond",
            "reply", "replies", "share", "shares", "sharing", "sharebar", "social", "socials", "related", "promo",
            "promos", "promotion", "promoted", "sidebar", "aside", "rail", "footer", "foot", "nav", "navbar",
            "navigation", "menu", "breadcrumb", "breadcrumbs", "ad", "ads", "adv", "advert", "adverts",
            "advertisement", "advertising", "adslot", "adunit", "dfp", "gpt", "sponsor", "sponsors", "sponsored",
            "newsletter", "newsletters", "subscribe", "subscription", "signup", "popup", "modal", "overlay", "cookie",
            "cookies", "consent", "gdpr", "widget", "widgets", "meta", "byline", "bylines", "author", "authors",
            "caption", "captions", "figcaption", "credit", "credits", "tags", "taglist", "keywords", "recommended",
            "recommendations", "recirc", "outbrain", "taboola", "trending", "popular", "banner", "masthead",
            "header", "toolbar", "tools", "print", "login", "pagination", "pager", "skip", "hidden", "offscreen",
            "sr", "visually", "copyright", "disclaimer", "bio", "dateline", "timestamp", "date", "published",
            "updated", "readmore", "more", "teaser", "teasers", "video", "gallery", "slideshow", "lightbox",
            "carousel", "tooltip", "follow", "donate", "paywall", "subscriber", "alert", "notification", "hide",
            "print-only", "noprint", "sticky", "floating", "pinned", "related-links", "inline-ad", "newsfeed",
            "feed", "list-links", "most", "read-next", "next", "prev", "previous", "upnext", "toc", "nocontent");

    /** Joined names whose parts are not cut: "articlebody" never splits, so check the whole string too. */
    private static final List<String> POSITIVE_JOINED = List.of("articlebody", "storybody", "postbody", "entrycontent",
            "postcontent", "articlecontent", "articletext", "storytext", "bodytext", "storycontent", "maincontent");

    private ClassHints() {
    }

    static List<String> words(Element e) {
        List<String> words = new ArrayList<>();
        for (String attr : List.of("class", "id", "role")) {
            String value = e.attr(attr);
            if (value.isEmpty()) {
                continue;
            }
            // split camelCase before lower-casing, then on anything that is not a letter or a digit
            String spaced = value.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
            for (String w : spaced.split("[^\\p{L}\\p{N}]+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    static boolean positive(Element e) {
        for (String w : words(e)) {
            if (POSITIVE.contains(w)) {
                return true;
            }
        }
        String joined = (e.attr("class") + " " + e.id()).toLowerCase(Locale.ROOT);
        for (String j : POSITIVE_JOINED) {
            if (joined.contains(j)) {
                return true;
            }
        }
        return "articleBody".equals(e.attr("itemprop")) || "main".equals(e.attr("role"));
    }

    static boolean negative(Element e) {
        for (String w : words(e)) {
            if (NEGATIVE.contains(w)) {
                return true;
            }
        }
        String role = e.attr("role");
        return role.equals("navigation") || role.equals("complementary") || role.equals("contentinfo")
                || role.equals("banner") || role.equals("dialog") || role.equals("alert");
    }

    /** Positive hints outweigh negative ones in {@link #weight}; the sum is what scoring adds. */
    static int weight(Element e) {
        int w = 0;
        if (positive(e)) {
            w += 25;
        }
        if (negative(e)) {
            w -= 25;
        }
        return w;
    }
}
