package io.dossier.sources.extraction.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the element that holds a page's article and renders it as plain text.
 * <p>
 * Every paragraph of prose votes for its parent (fully) and its grandparent and great-grandparent (less); longer
 * paragraphs and paragraphs with more clause punctuation vote more. Class and id hints, {@code <article>} and
 * {@code itemprop=articleBody} add to the score of a container, link-heavy containers lose in proportion to their
 * share of link text. The winner's siblings join it when they also score well or are plain prose, so that bodies cut
 * in pieces by ads come out whole. The result is then cleaned of link lists, short fragments and boilerplate lines.
 */
final class MainText {

    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "details", "dialog",
            "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
            "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
            "thead", "tfoot", "tr", "td", "th", "ul", "center", "caption", "summary", "menu");

    /** Containers whose loose text runs become paragraphs of their own. */
    private static final Set<String> RUN_HOLDERS = Set.of("div", "section", "article", "main", "td", "blockquote",
            "form", "center", "font", "body");

    private static final String JUNK_TAGS = "script, style, noscript, template, iframe, svg, canvas, object, embed, "
            + "applet, link, meta, button, input, select, textarea, option, label, nav, aside, footer, header, "
            + "figure, figcaption, picture, video, audio, map, dialog, menu, [hidden], [aria-hidden=true], "
            + "[role=navigation], [role=complementary], [role=contentinfo], [role=banner], [role=dialog], "
            + "[itemprop=comment], [itemprop=author], [rel=author]";

    private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    /** Whole lines that are labels of page furniture, not prose. */
    private static final Pattern LABEL = Pattern.compile("(?i)^\\W*(advert|advertisement|sponsored|sponsored content|"
            + "related|related (articles|stories|posts|content|coverage|links)|recommended|recommended for you|"
            + "read more|more stories|more news|see also|comments?|\\d+ comments?|leave a (comment|reply)|"
            + "previous( post| article)?|next( post| article)?|share|share this( article| story)?|"
            + "sharing is caring|you may also like|you might also like|tell us what you think|loading|"
            + "image|photo|video|credit|getty images|all rights reserved)\\W*$");

    /** Line openings that announce something else than the article, when the line is short. */
    private static final Pattern LEAD = Pattern.compile("(?i)^\\W*(read more|read also|also read|see also|related|"
            + "recommended|watch|listen|photo|image|posted|updated|published|last updated|more from|more on)\\s*:.*"
            + "|^\\W*(sign up for|sign up to|subscribe to|subscribe for|follow us on|click here|continue reading|"
            + "skip to|jump to|we use cookies|by continuing to|copyright ©|©|all rights reserved|"
            + "(posted|updated|published|last updated)( on| at)? \\w{3,9}\\.? \\d|"
            + "(posted|updated|published|last updated)( on| at)? \\d).*");

    private final boolean dropUnlikely;

    MainText(boolean dropUnlikely) {
        this.dropUnlikely = dropUnlikely;
    }

    /** Removes what is never article text, in place. */
    static void removeJunk(Element body) {
        body.select(JUNK_TAGS).remove();
        for (Element e : body.select("[style]")) {
            if (HIDDEN_STYLE.matcher(e.attr("style")).find()) {
                e.remove();
            }
        }
        body.select("[class~=(?i)(^|\\s)(hidden|hide|d-none|sr-only|visually-hidden|screen-reader-text)(\\s|$)]")
                .remove();
    }

    /** @return the content element (a fresh element holding the chosen parts of the page), or null */
    Element select(Element body) {
        if (dropUnlikely) {
            dropUnlikely(body);
        }
        wrapLooseText(body);
        Map<Element, Double> scores = score(body);
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - linkDensity(e.getKey()));
            e.setValue(s);
            if (s > best) {
                best = s;
                top = e.getKey();
            }
        }
        if (top == null) {
            return null;
        }
        return mergeSiblings(climbWrappers(top), best, scores);
    }

    private static void dropUnlikely(Element body) {
        int total = paragraphText(body);
        List<Element> all = new ArrayList<>(body.getAllElements());
        for (Element e : all) {
            if (e == body || e.parent() == null || e.tagName().equals("article") || e.tagName().equals("main")
                    || e.hasAttr("itemprop") && e.attr("itemprop").equals("articleBody")) {
                continue;
            }
            if (!ClassHints.negative(e) || ClassHints.positive(e)) {
                continue;
            }
            // a hint on a page-wide wrapper ("nav-open", "has-sidebar") must not take the article with it
            if (!e.select("article, [itemprop=articleBody]").isEmpty() || paragraphText(e) * 2 > total) {
                continue;
            }
            e.remove();
        }
    }

    private static int paragraphText(Element root) {
        int n = 0;
        for (Element p : root.getElementsByTag("p")) {
            n += p.text().length();
        }
        return n;
    }

    /** Turns text that sits loose in a container (between block children, or split by double breaks) into p. */
    private static void wrapLooseText(Element root) {
        List<Element> holders = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (RUN_HOLDERS.contains(e.tagName())) {
                holders.add(e);
            }
        }
        for (Element holder : holders) {
            boolean hasBlock = false;
            for (Element child : holder.children()) {
                if (BLOCKS.contains(child.tagName())) {
                    hasBlock = true;
                    break;
                }
            }
            if (!hasBlock && !holder.tagName().equals("div") && !holder.tagName().equals("body")) {
                continue;
            }
            if (!hasBlock && !holder.tagName().equals("body")) {
                // a div of plain inline content is a paragraph
                holder.tagName("p");
                continue;
            }
            wrapRuns(holder);
        }
    }

    private static void wrapRuns(Element holder) {
        List<Node> run = new ArrayList<>();
        List<Node> children = new ArrayList<>(holder.childNodes());
        for (int i = 0; i < children.size(); i++) {
            Node n = children.get(i);
            boolean block = n instanceof Element el && BLOCKS.contains(el.tagName());
            boolean doubleBreak = n instanceof Element el && el.tagName().equals("br") && nextIsBreak(children, i);
            if (block || doubleBreak) {
                wrap(run);
                run = new ArrayList<>();
            } else {
                run.add(n);
            }
        }
        wrap(run);
    }

    private static boolean nextIsBreak(List<Node> nodes, int i) {
        for (int j = i + 1; j < nodes.size(); j++) {
            Node n = nodes.get(j);
            if (n instanceof TextNode t && t.isBlank()) {
                continue;
            }
            return n instanceof Element el && el.tagName().equals("br");
        }
        return false;
    }

    private static void wrap(List<Node> run) {
        StringBuilder text = new StringBuilder();
        for (Node n : run) {
            text.append(n instanceof TextNode t ? t.text() : n instanceof Element el ? el.text() : "");
        }
        if (Texts.normalize(text.toString()).isEmpty()) {
            return;
        }
        Element p = new Element("p");
        run.get(0).before(p);
        for (Node n : run) {
            p.appendChild(n);
        }
    }

    private static Map<Element, Double> score(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : body.select("p, pre, td, dd")) {
            if (p.tagName().equals("td") && !p.select("p").isEmpty()) {
                continue;
            }
            String text = Texts.normalize(p.text());
            if (text.length() < 25 || linkDensity(p) > 0.5) {
                continue;
            }
            double vote = 1 + Texts.commas(text) + Math.min(text.length() / 100, 3);
            Element ancestor = p.parent();
            double share = 1;
            for (int level = 0; level < 3 && ancestor != null && ancestor != body.parent(); level++) {
                scores.computeIfAbsent(ancestor, MainText::initialScore);
                scores.merge(ancestor, vote * share, Double::sum);
                ancestor = ancestor.parent();
                share /= 2;
            }
        }
        return scores;
    }

    private static double initialScore(Element e) {
        double s = switch (e.tagName()) {
            case "article" -> 10;
            case "div", "main" -> 5;
            case "section" -> 3;
            case "pre", "td", "blockquote" -> 3;
            case "ol", "ul", "dl", "dd", "dt", "li", "form", "address" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if ("articleBody".equals(e.attr("itemprop"))) {
            s += 30;
        }
        return s + ClassHints.weight(e);
    }

    static double linkDensity(Element e) {
        int all = e.text().length();
        if (all == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.getElementsByTag("a")) {
            links += a.text().length();
        }
        return Math.min(1, (double) links / all);
    }

    /**
     * Moves up from the winner through wrappers that hold little else (an ad rail, an empty header), so that the
     * sibling step looks at the level where a body cut into chunks has its other chunks.
     */
    private static Element climbWrappers(Element top) {
        Element current = top;
        int own = current.text().length();
        while (current.parent() != null && !current.parent().tagName().equals("body")
                && !current.parent().tagName().equals("html") && !current.tagName().equals("article")) {
            int around = current.parent().text().length();
            if (own < around * 0.9) {
                break;
            }
            current = current.parent();
        }
        return current;
    }

    private Element mergeSiblings(Element top, double best, Map<Element, Double> scores) {
        Element content = new Element("div");
        Element parent = top.parent();
        if (parent == null || top.tagName().equals("body")) {
            content.appendChild(top.clone());
            return content;
        }
        double threshold = Math.max(10, best * 0.2);
        String topClass = top.className();
        for (Element sibling : parent.children()) {
            boolean keep = sibling == top;
            if (!keep) {
                double s = scores.getOrDefault(sibling, 0.0);
                if (!topClass.isEmpty() && sibling.className().equals(topClass)) {
                    s += best * 0.2;
                }
                keep = s >= threshold && linkDensity(sibling) < 0.3;
                if (!keep && sibling.tagName().equals("p")) {
                    String text = Texts.normalize(sibling.text());
                    double ld = linkDensity(sibling);
                    keep = text.length() > 80 && ld < 0.25
                            || text.length() > 0 && ld == 0 && text.matches(".*[.!?。؟]\\s*$");
                }
            }
            if (keep) {
                content.appendChild(sibling.clone());
            }
        }
        return content;
    }

    /** Drops what the winner still holds that is not article text: link lists, stray fragments, boilerplate. */
    static void clean(Element content, String title) {
        removeLinkClusters(content);
        List<Element> all = new ArrayList<>(content.getAllElements());
        for (int i = all.size() - 1; i > 0; i--) {
            Element e = all.get(i);
            if (e.parent() == null) {
                continue;
            }
            String tag = e.tagName();
            String text = Texts.normalize(e.text());
            if (text.isEmpty()) {
                if (!tag.equals("br")) {
                    e.remove();
                }
                continue;
            }
            if (tag.matches("h[1-6]")) {
                if (sameText(text, title) || ClassHints.weight(e) < 0 || linkDensity(e) > 0.5) {
                    e.remove();
                }
                continue;
            }
            boolean container = tag.equals("div") || tag.equals("section") || tag.equals("ul") || tag.equals("ol")
                    || tag.equals("table") || tag.equals("dl") || tag.equals("p") || tag.equals("li")
                    || tag.equals("blockquote");
            if (!container) {
                continue;
            }
            if (LABEL.matcher(text).matches() || text.length() < 200 && LEAD.matcher(text).matches()) {
                e.remove();
                continue;
            }
            if (Texts.commas(text) >= 10 && linkDensity(e) < 0.5) {
                continue;
            }
            double ld = linkDensity(e);
            int weight = ClassHints.weight(e);
            if (weight < 0 && !ClassHints.positive(e)) {
                e.remove();
            } else if (ld > 0.5 && text.length() < 1000) {
                e.remove();
            } else if (!tag.equals("p") && !tag.equals("li") && ld > 0.25 && text.length() < 300 && weight < 25) {
                e.remove();
            } else if ((tag.equals("ul") || tag.equals("ol")) && mostlyLinkItems(e)) {
                e.remove();
            }
        }
    }

    /**
     * Groups of three or more links with next to no other text are menus, "related" blocks or hover cards, even
     * when they sit inside a paragraph.
     */
    private static void removeLinkClusters(Element content) {
        for (Element e : new ArrayList<>(content.select("span, div, ul, ol, p, section, aside, small"))) {
            if (e.parent() != null && e.getElementsByTag("a").size() >= 3 && linkDensity(e) > 0.8) {
                e.remove();
            }
        }
    }

    private static boolean mostlyLinkItems(Element list) {
        int items = 0;
        int linkItems = 0;
        for (Element li : list.children()) {
            items++;
            if (linkDensity(li) > 0.6) {
                linkItems++;
            }
        }
        return items > 0 && linkItems * 2 > items;
    }

    static boolean sameText(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return Texts.normalize(a).toLowerCase(Locale.ROOT).equals(Texts.normalize(b).toLowerCase(Locale.ROOT));
    }
}
