package io.dossier.sources.extraction.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;

/**
 * Pulls the article out of a news or blog page: its metadata and its main text, without navigation, ads, share
 * buttons, comments, link lists and the like. Stateless and thread-safe; never throws on bad input.
 */
public final class HtmlArticleExtractor {

    /** Pages beyond this many characters are cut: real articles are far shorter, and parsing cost grows with size. */
    static final int MAX_CHARS = 10 * 1024 * 1024;

    private static final int MAX_DEPTH = 80;

    /** Below this many characters the first pass probably dropped the article with the clutter; try again gently. */
    private static final int MIN_TEXT = 250;

    public HtmlArticle extract(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return new HtmlArticle(null, List.of(), null, null, null, null, "");
        }
        String input = html.length() > MAX_CHARS ? html.substring(0, MAX_CHARS) : html;
        return extract(Jsoup.parse(input, baseUri == null ? "" : baseUri));
    }

    /** Extracts from a parsed document (for callers that parsed bytes with charset detection); mutates it. */
    public HtmlArticle extract(Document doc) {
        try {
            return extractOrThrow(doc);
        } catch (RuntimeException | StackOverflowError e) {
            return new HtmlArticle(null, List.of(), null, null, null, null, "");
        }
    }

    private HtmlArticle extractOrThrow(Document doc) {
        JsonLd ld = JsonLd.read(doc);
        Metadata meta = new Metadata(doc, ld);
        String publisher = meta.publisher();
        String title = meta.title(publisher);
        String canonical = meta.canonicalUrl();
        String language = meta.language();
        Element body = doc.body();
        Element content = null;
        String text = "";
        if (body != null) {
            Element original = body.clone();
            flattenDeepNesting(original);
            MainText.removeJunk(original);
            content = bestContent(original, title);
            text = content == null ? "" : render(content, title);
            text = preferJsonLdBody(text, ld.articleBody());
        }
        return new HtmlArticle(title, meta.authors(content), meta.publishedAt(content), canonical, publisher,
                language, text);
    }

    /**
     * Unwraps elements nested deeper than any real layout needs: scoring reads the text of every element, which on
     * pathological nesting would cost time quadratic in the depth.
     */
    private static void flattenDeepNesting(Element root) {
        List<Element> tooDeep = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (depth > MAX_DEPTH && node instanceof Element e) {
                tooDeep.add(e);
            }
        }, root);
        for (int i = tooDeep.size() - 1; i >= 0; i--) {
            Element e = tooDeep.get(i);
            if (e.parent() != null) {
                e.unwrap();
            }
        }
    }

    private static Element bestContent(Element cleanBody, String title) {
        Element strict = new MainText(true).select(cleanBody.clone());
        if (strict != null) {
            MainText.clean(strict, title);
            if (Texts.normalize(strict.text()).length() >= MIN_TEXT) {
                return strict;
            }
        }
        Element lenient = new MainText(false).select(cleanBody);
        if (lenient != null) {
            MainText.clean(lenient, title);
        }
        if (strict == null) {
            return lenient;
        }
        return lenient != null && lenient.text().length() > strict.text().length() ? lenient : strict;
    }

    private static String render(Element content, String title) {
        List<String> paragraphs = new ArrayList<>(PlainText.paragraphs(content));
        while (!paragraphs.isEmpty() && MainText.sameText(paragraphs.get(0), title)) {
            paragraphs.remove(0);
        }
        return String.join("\n\n", paragraphs);
    }

    /**
     * A JSON-LD {@code articleBody} is what the publisher says the article is. The markup version keeps paragraph
     * breaks, so it wins when it covers the declared body; when it misses much of it, the declared body is used.
     */
    private static String preferJsonLdBody(String text, String declared) {
        if (declared == null) {
            return text;
        }
        String body = declaredParagraphs(declared);
        Map<String, Integer> declaredWords = Texts.words(body);
        int declaredSize = Texts.size(declaredWords);
        if (declaredSize < 50) {
            return text;
        }
        Map<String, Integer> found = Texts.words(text);
        double recall = (double) Texts.overlap(declaredWords, found) / declaredSize;
        return recall >= 0.8 ? text : body;
    }

    private static String declaredParagraphs(String declared) {
        String s = declared;
        if (s.contains("<") && s.contains(">")) {
            s = String.join("\n\n", PlainText.paragraphs(Jsoup.parseBodyFragment(s).body()));
        }
        List<String> paragraphs = new ArrayList<>();
        for (String p : s.split("\n")) { // each line a paragraph; a plain split stays linear on long blank runs
            String n = Texts.normalize(Parser.unescapeEntities(p, false));
            if (!n.isEmpty()) {
                paragraphs.add(n);
            }
        }
        return String.join("\n\n", paragraphs);
    }
}
