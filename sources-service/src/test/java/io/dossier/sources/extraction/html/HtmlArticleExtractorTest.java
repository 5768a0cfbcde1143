package io.dossier.sources.extraction.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlArticleExtractorTest {

    final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

    static final String P1 = "The river authority opened the northern sluice gates on Tuesday morning, after three days"
            + " of rain had pushed the reservoir close to its limit, and farmers downstream were told to move cattle.";
    static final String P2 = "Engineers said the dam itself was sound, but the spillway had not been tested at full"
            + " flow since it was rebuilt, so crews stayed on site through the night to watch for erosion.";
    static final String P3 = "By evening the water at the old bridge had risen by almost a metre, and the council"
            + " closed the road to traffic, sending lorries on a long detour through the hill villages.";

    static String page(String head, String body) {
        return "<!DOCTYPE html><html lang=\"en-GB\"><head>" + head + "</head><body>" + body + "</body></html>";
    }

    @Test
    void keepsTheArticleAndDropsThePageAroundIt() {
        String html = page("<title>Sluice gates opened | Valley Courier</title>",
                "<header class=\"site-header\"><a href=\"/\">Valley Courier</a><nav><ul><li><a href=\"/news\">News"
                        + "</a></li><li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li>"
                        + "</ul></nav></header>"
                        + "<div class=\"cookie-banner\">We use cookies to improve your experience on our site.</div>"
                        + "<main><article><h1>Sluice gates opened</h1>"
                        + "<div class=\"byline\">By Mara Quint</div>"
                        + "<div class=\"share-tools\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a>"
                        + "</div>"
                        + "<div class=\"article-body\"><p>" + P1 + "</p>"
                        + "<figure><img src=\"dam.jpg\"><figcaption>The dam at dawn. Photo: Courier</figcaption>"
                        + "</figure>"
                        + "<div class=\"ad-slot\">Advertisement</div>"
                        + "<p>" + P2 + "</p><h2>Road closed</h2><p>" + P3 + "</p>"
                        + "<p>Read more: <a href=\"/x\">Council approves new flood barrier funding</a></p>"
                        + "<div class=\"newsletter-signup\"><p>Sign up for our morning briefing, delivered to your"
                        + " inbox every day at seven.</p></div></div>"
                        + "<aside class=\"related\"><h3>Related stories</h3><ul>"
                        + "<li><a href=\"/a\">Reservoir levels at record high after wet autumn</a></li>"
                        + "<li><a href=\"/b\">Farmers count the cost of the summer drought</a></li>"
                        + "<li><a href=\"/c\">New bridge plans unveiled for the old town</a></li></ul></aside>"
                        + "<section id=\"comments\"><h3>3 comments</h3><p>Great reporting, thanks, I drove past"
                        + " the bridge this morning and it was already closed, so good to know why.</p></section>"
                        + "</article></main>"
                        + "<footer><p>Valley Courier, 12 Mill Lane, all rights reserved, registered in the valley"
                        + " since 1887.</p></footer><script>var tracking = 'Sign up today';</script>");

        HtmlArticle article = extractor.extract(html, "https://courier.example/news/sluice");

        assertThat(article.text()).isEqualTo(P1 + "\n\n" + P2 + "\n\nRoad closed\n\n" + P3);
        assertThat(article.title()).isEqualTo("Sluice gates opened");
        assertThat(article.language()).isEqualTo("en");
    }

    @Test
    void readsJsonLdMetadata() {
        String json = """
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "@id": "#site", "name": "Valley Courier"},
                  {"@type": "NewsArticle", "headline": "Gates opened as reservoir fills",
                   "datePublished": "2024-03-05T10:15:00+01:00",
                   "author": [{"@type": "Person", "name": "Mara Quint"}, {"@type": "Person", "name": "Ilan Orsk"}],
                   "publisher": {"@type": "Organization", "name": "Valley Courier Ltd"}}
                ]}""";
        String html = page("<script type=\"application/ld+json\">" + json + "</script>",
                "<article><p>" + P1 + "</p><p>" + P2 + "</p></article>");

        HtmlArticle article = extractor.extract(html, "https://courier.example/");

        assertThat(article.title()).isEqualTo("Gates opened as reservoir fills");
        assertThat(article.authors()).containsExactly("Mara Quint", "Ilan Orsk");
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2024-03-05T10:15:00+01:00"));
        assertThat(article.publisher()).isEqualTo("Valley Courier Ltd");
    }

    @Test
    void survivesBrokenJsonLdAndUsesItsArticleBodyWhenTheMarkupHasOnlyATeaser() {
        String body = P1 + "\\n\\n" + P2 + "\\n\\n" + P3;
        String html = page("<script type=\"application/ld+json\">{ this is not json </script>"
                + "<script type=\"application/ld+json\">{\"@type\": \"Article\", \"headline\": \"Gates\","
                + " \"articleBody\": \"" + body + "\"}</script>",
                "<div class=\"teaser\"><p>The river authority opened the northern sluice gates on Tuesday.</p>"
                        + "<p><a href=\"/subscribe\">Subscribe to read the full story</a></p></div>");

        HtmlArticle article = extractor.extract(html, "https://courier.example/");

        assertThat(article.text()).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void fallsBackToMetaTags() {
        String html = page("<meta property=\"og:title\" content=\"Night watch at the spillway\">"
                + "<meta name=\"author\" content=\"Ilan Orsk\">"
                + "<meta property=\"article:published_time\" content=\"2024-03-06T21:00:00Z\">"
                + "<meta property=\"og:site_name\" content=\"Valley Courier\">"
                + "<meta property=\"og:url\" content=\"https://courier.example/news/spillway\">"
                + "<meta property=\"og:locale\" content=\"fr_FR\">",
                "<div class=\"story\"><p>" + P2 + "</p><p>" + P3 + "</p></div>");
        // og:locale only counts when the html element declares nothing
        html = html.replace(" lang=\"en-GB\"", "");

        HtmlArticle article = extractor.extract(html, "https://courier.example/");

        assertThat(article.title()).isEqualTo("Night watch at the spillway");
        assertThat(article.authors()).containsExactly("Ilan Orsk");
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2024-03-06T21:00:00Z"));
        assertThat(article.publisher()).isEqualTo("Valley Courier");
        assertThat(article.canonicalUrl()).isEqualTo("https://courier.example/news/spillway");
        assertThat(article.language()).isEqualTo("fr");
    }

    @Test
    void articleAuthorThatIsALinkIsNotAName() {
        String html = page("<meta property=\"article:author\" content=\"https://social.example/mara\">",
                "<article><p>" + P1 + "</p><p class=\"byline\">By <a href=\"/staff/mara\">Mara Quint</a>"
                        + "</p></article>");

        assertThat(extractor.extract(html, "https://courier.example/").authors()).containsExactly("Mara Quint");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "<title>Gates opened at dawn | Valley Courier</title>; Gates opened at dawn",
            "<title>Gates opened at dawn - Valley Courier</title>; Gates opened at dawn",
            "<title>Gates opened at dawn — Courier</title>; Gates opened at dawn",
            "<meta property='og:title' content='Gates opened at dawn | Valley Courier'>"
                    + "<meta property='og:site_name' content='Valley Courier'>; Gates opened at dawn",
            "<meta property='og:title' content='Floods - what we know so far'>; Floods - what we know so far",
            "<title>Floods</title>; Floods"})
    void stripsTheSiteNameFromTitles(String head, String expected) {
        String html = page(head, "<div><p>" + P1 + "</p></div>");

        assertThat(extractor.extract(html, "https://courier.example/").title()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            "2024-03-05; 2024-03-05T00:00Z",
            "2024-03-05T10:15:00Z; 2024-03-05T10:15Z",
            "2024-03-05T10:15:00.123+05:30; 2024-03-05T10:15:00.123+05:30",
            "2024-03-05T10:15:00+0100; 2024-03-05T10:15+01:00",
            "2024-03-05 10:15:00; 2024-03-05T10:15Z",
            "2024-03-05T10:15; 2024-03-05T10:15Z",
            "2024/03/05; 2024-03-05T00:00Z",
            "20240305; 2024-03-05T00:00Z",
            "Tue, 5 Mar 2024 10:15:00 GMT; 2024-03-05T10:15Z",
            "March 5, 2024; 2024-03-05T00:00Z",
            "5 March 2024; 2024-03-05T00:00Z",
            "March 5th, 2024; 2024-03-05T00:00Z",
            "1709633700; 2024-03-05T10:15Z",
            "0001-01-01T00:00:00Z; null",
            "yesterday; null",
            "2024-13-45; null",
            "''; null"})
    void parsesPublicationDates(String raw, String expected) {
        OffsetDateTime parsed = PublishedDates.parse(raw);

        if (expected == null) {
            assertThat(parsed).isNull();
        } else {
            assertThat(parsed).isEqualTo(OffsetDateTime.parse(expected));
        }
    }

    @Test
    void findsTheDateInATimeElementOfTheArticle() {
        String html = page("", "<article><time datetime=\"2023-11-02\">2 November</time><p>" + P1 + "</p>"
                + "<p>" + P2 + "</p></article>");

        assertThat(extractor.extract(html, "https://courier.example/").publishedAt())
                .isEqualTo(OffsetDateTime.parse("2023-11-02T00:00Z"));
    }

    @Test
    void resolvesTheCanonicalAddressAgainstTheBase() {
        String html = page("<link rel=\"canonical\" href=\"/news/2024/sluice-gates\">", "<p>" + P1 + "</p>");

        assertThat(extractor.extract(html, "https://courier.example/amp/news?id=7").canonicalUrl())
                .isEqualTo("https://courier.example/news/2024/sluice-gates");
    }

    @Test
    void neverThrowsOnBadInput() {
        assertThat(extractor.extract(null, null).text()).isEmpty();
        assertThat(extractor.extract("", "https://courier.example/").text()).isEmpty();
        assertThat(extractor.extract("   ", null).title()).isNull();
        assertThat(extractor.extract("\u0000\u0001 not html at all <<<>>> </p></div>", "not a uri").text())
                .doesNotContain("<");
        assertThat(extractor.extract("<html><body><div><p>" + P1 + "<div><p>" + P2, null).text())
                .contains(P1.substring(0, 40)).contains(P2.substring(0, 40));
        assertThat(extractor.extract("<p>" + "<div>".repeat(5000) + P1, null).text()).contains("sluice gates");
    }

    @Test
    void cutsHugeInputAndStillAnswers() {
        String filler = "<div class=\"ad\">" + "x ".repeat(1000) + "</div>";
        String html = page("<title>Long page</title>", "<article><p>" + P1 + "</p><p>" + P2 + "</p></article>"
                + filler.repeat(6000));

        HtmlArticle article = extractor.extract(html, "https://courier.example/");

        assertThat(html.length()).isGreaterThan(HtmlArticleExtractor.MAX_CHARS);
        assertThat(article.title()).isEqualTo("Long page");
        assertThat(article.text()).startsWith(P1);
    }

    @Test
    void returnsEmptyTextWhenThereIsNoArticle() {
        String html = page("<title>Index</title>", "<nav><a href=\"/a\">A</a> <a href=\"/b\">B</a></nav>"
                + "<ul class=\"menu\"><li><a href=\"/c\">C</a></li></ul>");

        assertThat(extractor.extract(html, "https://courier.example/").text()).isEmpty();
    }

    @Test
    void readsAnArabicPage() {
        String p1 = "أعلنت هيئة المياه صباح الثلاثاء فتح البوابات الشمالية للسد، بعد ثلاثة أيام من الأمطار الغزيرة التي"
                + " رفعت منسوب الخزان إلى حده الأقصى.";
        String p2 = "وقال المهندسون إن جسم السد سليم، لكن قناة التصريف لم تُختبر بكامل طاقتها منذ إعادة بنائها، لذلك"
                + " بقيت الفرق في الموقع طوال الليل.";
        String html = "<html lang=\"ar\" dir=\"rtl\"><head><title>فتح بوابات السد | صحيفة الوادي</title></head><body>"
                + "<nav><a href=\"/\">الرئيسية</a> <a href=\"/sport\">رياضة</a> <a href=\"/economy\">اقتصاد</a></nav>"
                + "<article><h1>فتح بوابات السد</h1><p>" + p1 + "</p><p>" + p2 + "</p>"
                + "<div class=\"share\"><a href=\"#\">شارك</a> <a href=\"#\">غرّد</a></div></article></body></html>";

        HtmlArticle article = extractor.extract(html, "https://wadi.example/news/1");

        assertThat(article.language()).isEqualTo("ar");
        assertThat(article.title()).isEqualTo("فتح بوابات السد");
        assertThat(article.text()).isEqualTo(p1 + "\n\n" + p2);
    }
}
