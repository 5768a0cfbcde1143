package io.dossier.sources.extraction.html;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Title, authors, date, canonical address, publisher and language, from meta tags, JSON-LD and markup. */
final class Metadata {

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—·•:»/]\\s+|\\s+::\\s+");
    private static final Pattern BY_PREFIX = Pattern.compile("(?i)^(by|von|par|por|di|door|av)\\s+");
    /** Where a byline stops naming people: a date, a separator, a handle. */
    private static final Pattern BYLINE_TAIL = Pattern.compile(
            "\\s+(?i:published|updated|posted|on)\\b|\\s*[|•·,]\\s*|\\s+@|\\s+\\d");
    private static final Pattern LANGUAGE = Pattern.compile("(?i)^([a-z]{2})(?:[-_].*)?$");

    private final Document doc;
    private final JsonLd ld;
    private final List<Element> metas;

    Metadata(Document doc, JsonLd ld) {
        this.doc = doc;
        this.ld = ld;
        this.metas = doc.select("meta[content]");
    }

    /** @return the content of the first non-empty meta tag named (property, name or itemprop) by a key, in key order */
    String meta(String... keys) {
        for (String key : keys) {
            for (Element m : metas) {
                if (key.equalsIgnoreCase(m.attr("property")) || key.equalsIgnoreCase(m.attr("name"))
                        || key.equalsIgnoreCase(m.attr("itemprop"))) {
                    String content = Texts.normalize(m.attr("content"));
                    if (!content.isEmpty()) {
                        return content;
                    }
                }
            }
        }
        return null;
    }

    String publisher() {
        String site = meta("og:site_name", "application-name");
        return site != null ? site : blankToNull(ld.publisher());
    }

    String title(String publisher) {
        for (String candidate : new String[]{meta("og:title", "twitter:title"), ld.headline()}) {
            String t = Texts.normalize(candidate);
            if (!t.isEmpty()) {
                return stripSite(t, publisher, false);
            }
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !Texts.normalize(h1.text()).isEmpty()) {
            return Texts.normalize(h1.text());
        }
        String t = Texts.normalize(doc.title());
        return t.isEmpty() ? null : stripSite(t, publisher, true);
    }

    /**
     * Cuts a " | Site" or " - Site" tail. Always when the tail names the publisher or the host; otherwise, when
     * {@code eager} (for {@code <title>}), only when the tail is short and what is left is still a real title.
     */
    private String stripSite(String title, String publisher, boolean eager) {
        var m = TITLE_SEPARATOR.matcher(title);
        int lastStart = -1;
        int lastEnd = -1;
        while (m.find()) {
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart <= 0) {
            return title;
        }
        String head = title.substring(0, lastStart).strip();
        String tail = title.substring(lastEnd).strip();
        String host = host();
        boolean namesSite = publisher != null && squash(tail).equals(squash(publisher))
                || host != null && !squash(tail).isEmpty() && host.contains(squash(tail));
        boolean shortTail = tail.split("\\s+").length <= 4 && head.split("\\s+").length >= 3;
        if (namesSite || eager && shortTail) {
            return stripSite(head, publisher, eager);
        }
        return title;
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private String host() {
        String url = canonicalUrl();
        if (url == null) {
            url = doc.location();
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT).replace(".", "");
        } catch (RuntimeException e) {
            return null;
        }
    }

    List<String> authors(Element content) {
        if (!ld.authors().isEmpty()) {
            return cleanNames(ld.authors());
        }
        String meta = meta("author", "article:author", "sailthru.author", "parsely-author", "dc.creator");
        if (meta != null && !meta.matches("(?i)^https?://.*")) {
            return cleanNames(List.of(meta));
        }
        List<String> found = new ArrayList<>();
        for (Element e : doc.select("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]")) {
            found.add(e.text());
            if (!found.isEmpty() && e.is("[itemprop=author]")) {
                break;
            }
        }
        if (found.isEmpty()) {
            for (Element e : doc.select("[class~=(?i)byline|author-name|author__name]")) {
                Elements named = e.select("[itemprop=name], a[href]");
                if (!named.isEmpty() && named.text().length() < 100) {
                    named.forEach(n -> found.add(n.text()));
                } else if (e.text().length() < 150) {
                    found.add(BYLINE_TAIL.split(BY_PREFIX.matcher(Texts.normalize(e.text())).replaceFirst(""), 2)[0]);
                }
                if (!found.isEmpty()) {
                    break;
                }
            }
        }
        return cleanNames(found);
    }

    private static List<String> cleanNames(List<String> raw) {
        List<String> names = new ArrayList<>();
        for (String r : raw) {
            String name = BY_PREFIX.matcher(Texts.normalize(r)).replaceFirst("").strip();
            if (!name.isEmpty() && name.length() <= 100 && !name.matches("(?i)^https?://.*") && !name.contains("@")
                    && names.stream().noneMatch(n -> n.equalsIgnoreCase(name))) {
                names.add(name);
            }
        }
        return names;
    }

    OffsetDateTime publishedAt(Element content) {
        List<String> candidates = new ArrayList<>();
        candidates.add(ld.datePublished());
        candidates.add(meta("article:published_time", "og:published_time", "article:published", "datePublished",
                "date", "pubdate", "publishdate", "publish-date", "publication_date", "DC.date.issued", "DC.date",
                "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
                "article_date_original", "original-publish-date", "cXenseParse:recs:publishtime"));
        for (Element t : doc.select("time[itemprop=datePublished], time[pubdate], [itemprop=datePublished]")) {
            candidates.add(t.hasAttr("datetime") ? t.attr("datetime") : t.attr("content"));
        }
        if (content != null) {
            for (Element t : content.select("time[datetime]")) {
                candidates.add(t.attr("datetime"));
            }
        }
        for (Element t : doc.select("article time[datetime], time[datetime]")) {
            candidates.add(t.attr("datetime"));
        }
        for (String c : candidates) {
            OffsetDateTime parsed = PublishedDates.parse(c);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    String canonicalUrl() {
        Element link = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
        String raw = link != null ? link.attr("href") : meta("og:url");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        raw = raw.strip();
        try {
            URI uri = new URI(raw.replace(" ", "%20"));
            if (uri.isAbsolute()) {
                return uri.toString();
            }
            String base = doc.location();
            return base == null || base.isBlank() ? raw : URI.create(base).resolve(uri).toString();
        } catch (Exception e) {
            return raw;
        }
    }

    String language() {
        List<String> candidates = new ArrayList<>();
        Element html = doc.selectFirst("html");
        if (html != null) {
            candidates.add(html.attr("lang"));
            candidates.add(html.attr("xml:lang"));
        }
        candidates.add(meta("og:locale"));
        Element http = doc.selectFirst("meta[http-equiv~=(?i)content-language]");
        if (http != null) {
            candidates.add(http.attr("content"));
        }
        candidates.add(meta("language", "content-language", "dc.language"));
        for (String c : candidates) {
            if (c == null) {
                continue;
            }
            var m = LANGUAGE.matcher(c.strip().split("[,;\\s]")[0]);
            if (m.matches()) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        String n = Texts.normalize(s);
        return n.isEmpty() ? null : n;
    }
}
