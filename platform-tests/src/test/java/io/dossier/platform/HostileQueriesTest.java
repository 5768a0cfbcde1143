package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.testinfra.CodeFlowSession;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;

/**
 * A search never fails for what was typed (issue 16): hostile and odd queries, each sent to the search API through the
 * gateway and directly to the search service with a reader's token, and to the search page with a signed-in browser
 * session. Every one is answered 200 (the API saying how it read the query in {@code interpretedAs}; the page showing
 * results); a query over 1,000 characters gets a 400 problem that says the limit (the page says it in the page), never
 * a 414 or a 5xx; no answer carries the search engine's wording. With {@code syntax=strict} a query that is not valid
 * syntax is a 400 problem whose detail names the column where it broke.
 */
@ExtendWith(PlatformExtension.class)
class HostileQueriesTest {

    static final String SEARCH_SERVICE = "http://localhost:18083";
    /** What Elasticsearch or Java say when a query breaks them: never for a user's eyes. */
    static final List<String> ENGINE_WORDING = List.of("shards", "exception", "query_shard_exception",
            "parse_exception", "lexical error", "all shards failed", "elasticsearch");
    private static final Pattern COLUMN = Pattern.compile("column \\d+");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What syntax=strict answers: valid syntax, a 400 naming the column, a 400 for no word, either, too long. */
    enum Strict {
        VALID, COLUMN, NO_WORDS, ANY, TOO_LONG
    }

    record Case(String label, String q, Strict strict) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>(List.of(
                // the issue's own examples
                new Case("slash", "Kataib/Hezbollah", Strict.COLUMN),
                new Case("open parenthesis", "(Kataib", Strict.COLUMN),
                new Case("empty field", "title:", Strict.COLUMN),
                new Case("unclosed quote", "\"unclosed phrase", Strict.COLUMN),
                new Case("AND OR", "AND OR", Strict.COLUMN),
                new Case("pasted tag", "<b>Kataib</b> Hezbollah", Strict.COLUMN),
                // lone, doubled and dangling operators
                new Case("close parenthesis", "Kataib)", Strict.COLUMN),
                new Case("NOT alone", "NOT", Strict.COLUMN),
                new Case("AND alone", "AND", Strict.COLUMN),
                new Case("&& alone", "&&", Strict.COLUMN),
                new Case("|| alone", "||", Strict.ANY),
                new Case("minus alone", "-", Strict.COLUMN),
                new Case("plus alone", "+", Strict.COLUMN),
                new Case("bangs", "!!!", Strict.COLUMN),
                new Case("AND AND", "militia AND AND drone", Strict.COLUMN),
                new Case("leading OR", "OR militia", Strict.COLUMN),
                new Case("trailing OR", "militia OR", Strict.COLUMN),
                new Case("NOT NOT", "NOT NOT militia", Strict.COLUMN),
                // fields and colons
                new Case("field with an operator", "title:-drone", Strict.COLUMN),
                new Case("field with an open group", "title:(drone", Strict.COLUMN),
                new Case("field twice", "title:title:x", Strict.COLUMN),
                new Case("unknown field", "xyz:abc", Strict.VALID),
                new Case("colons", ":::", Strict.NO_WORDS),
                new Case("double colon", "::", Strict.ANY),
                new Case("a time", "10:30 meeting", Strict.VALID),
                // * ? ~ ^
                new Case("star", "*", Strict.COLUMN),
                new Case("question mark", "?", Strict.ANY),
                new Case("tilde", "~", Strict.COLUMN),
                new Case("caret", "^", Strict.COLUMN),
                new Case("leading star", "*milit", Strict.COLUMN),
                new Case("two stars", "milit**", Strict.COLUMN),
                new Case("boost too high", "militia^999", Strict.COLUMN),
                new Case("slop too wide", "\"drone strike\"~500", Strict.COLUMN),
                new Case("fuzzy too far", "qaani~3", Strict.COLUMN),
                new Case("a question", "who is Qaani?", Strict.VALID),
                // quotes and parentheses
                new Case("empty quotes", "\"\"", Strict.COLUMN),
                new Case("lone quote", "\"", Strict.COLUMN),
                new Case("empty group", "()", Strict.COLUMN),
                new Case("inverted group", ")(", Strict.COLUMN),
                new Case("unbalanced group", "((militia OR drone)", Strict.COLUMN),
                new Case("single quotes", "'Kataib Hezbollah'", Strict.VALID),
                // brackets, braces, backslashes, slashes
                new Case("range", "[a TO b]", Strict.COLUMN),
                new Case("braces", "{Kataib}", Strict.COLUMN),
                new Case("brackets", "Kataib [Hezbollah]", Strict.COLUMN),
                new Case("trailing backslash", "Kataib\\", Strict.COLUMN),
                new Case("a Windows path", "C:\\Users\\drone", Strict.VALID),
                new Case("backslashes", "\\\\ \\", Strict.ANY),
                new Case("a URL", "http://x.com/path", Strict.COLUMN),
                new Case("regular expression", "/.*/", Strict.ANY),
                // markup
                new Case("script", "<script>alert(1)</script>", Strict.COLUMN),
                new Case("link", "<a href=\"https://x.org/a?b=c\">Kataib</a>", Strict.COLUMN),
                new Case("comment", "<!-- note -->Kataib", Strict.COLUMN),
                new Case("img onerror", "<img src=x onerror=alert(1)>", Strict.ANY),
                new Case("closing tags", "</div></body></html>", Strict.ANY),
                new Case("HTML entities", "&lt;b&gt;Kataib&amp;", Strict.ANY),
                // emoji
                new Case("emoji", "drone 🚀", Strict.VALID),
                new Case("emoji only", "🚀🔥👨‍👩‍👧", Strict.NO_WORDS),
                new Case("emoji inside a word", "Kataib👍Hezbollah", Strict.VALID),
                // direction marks, joiners, format characters
                new Case("RLM around", "\u200FKataib Hezbollah\u200F", Strict.VALID),
                new Case("RLO override", "\u202Ekataib\u202C", Strict.VALID),
                new Case("ZWJ inside", "kat\u200Daib", Strict.VALID),
                new Case("zero-width space", "Kataib\u200BHezbollah", Strict.VALID),
                new Case("marks only", "\u200D\u200F\u202E", Strict.NO_WORDS),
                new Case("byte order mark", "\uFEFFKataib", Strict.VALID),
                // Arabic punctuation and tatweel
                new Case("Arabic comma and question mark", "الهجمات، المقاتلين؟", Strict.VALID),
                new Case("tatweel", "هجـــمات", Strict.VALID),
                new Case("tatweel only", "ـــ", Strict.NO_WORDS),
                new Case("Arabic quotes", "كتائب حزب الله؟ «بيان»؛", Strict.VALID),
                new Case("Arabic with an open group", "كتائب AND (حزب", Strict.COLUMN),
                // control characters
                new Case("NUL", "Kataib\u0000Hezbollah", Strict.COLUMN),
                new Case("BEL", "Kataib\u0007", Strict.COLUMN),
                new Case("ANSI escape", "Kataib\u001B[31mHezbollah", Strict.ANY),
                new Case("tabs and line breaks", "Kataib\tHezbollah\nBadr\r\n", Strict.VALID),
                // percent signs
                new Case("percent", "100% militia", Strict.ANY),
                new Case("%00 typed", "%00", Strict.ANY),
                new Case("lone percent", "%", Strict.ANY),
                new Case("percent escapes typed", "%25 %% %zz %C0%AF", Strict.ANY),
                // what an attacker pastes
                new Case("SQL", "' OR 1=1 --", Strict.ANY),
                new Case("SQL drop", "\"; DROP TABLE sources; --", Strict.COLUMN),
                new Case("SQL quotes", "1' OR '1'='1", Strict.ANY),
                new Case("templates", "{{7*7}} ${jndi:ldap://x/a}", Strict.ANY),
                new Case("symbols", "@#$%^&*()", Strict.ANY),
                // nesting
                new Case("25 levels of parentheses", "(".repeat(25) + "militia" + ")".repeat(25), Strict.COLUMN),
                new Case("500 open parentheses", "(".repeat(500), Strict.COLUMN)));
        // the limit: 1,000 characters (of any script) work, one more is refused in plain words
        String mixed = "Kataib Hezbollah كتائب حزب الله، \"drone strike\" 🚀 al-Haq 10:30; ";
        String arabicWords = "الهجمات على المقاتلين في المحافظات الشمالية وللفصائل بيان؛ ";
        cases.add(new Case("1,000 characters of mixed text", fill(mixed, 1000), Strict.VALID));
        cases.add(new Case("1,000 Arabic characters (words)", fill(arabicWords, 1000), Strict.VALID));
        cases.add(new Case("1,000 Arabic letters (one word)", fill("كتائب", 1000), Strict.VALID));
        cases.add(new Case("1,001 characters", fill(mixed, 1001), Strict.TOO_LONG));
        cases.add(new Case("1,001 Arabic characters", fill(arabicWords, 1001), Strict.TOO_LONG));
        cases.add(new Case("a 5,000-character paste", fill("militia statement on the drone strike ", 5000),
                Strict.TOO_LONG));
        return cases;
    }

    /** {@code unit} repeated and cut to exactly {@code length} characters (a code point is never cut in two). */
    private static String fill(String unit, int length) {
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(unit);
        }
        String cut = s.substring(0, length);
        return Character.isHighSurrogate(cut.charAt(length - 1)) ? cut.substring(0, length - 1) + "x" : cut;
    }

    @Test
    void everyQueryIsAnsweredAndNoneInTheEnginesWords() throws Exception {
        long started = System.nanoTime();
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        // something to find, so that the odd queries also run their highlights
        String word = WalkingSkeletonTest.uniqueWord();
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", "Kataib Hezbollah statement " + word, "text", "The militia claimed the drone "
                        + "strike on Qaani's convoy (10:30); C:\\Users\\drone; alert 1. نفذت كتائب حزب الله الهجمات "
                        + "على المقاتلين وللفصائل بيان. " + word))
                .post("/api/v1/sources").then().statusCode(201);
        String reader = Tokens.forUser(Tokens.READER);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> WalkingSkeletonTest.total(reader, word) == 1);
        CodeFlowSession session = CodeFlowSession.signIn(URI.create(Platform.GATEWAY), Tokens.READER, "/search");

        List<String> wrong = new ArrayList<>();
        Map<String, Integer> tally = new TreeMap<>();
        for (Case c : cases) {
            String encoded = URLEncoder.encode(c.q(), StandardCharsets.UTF_8);
            HttpResponse<String> viaGateway = api(Platform.GATEWAY, "q=" + encoded);
            checkApi(c, "gateway", viaGateway, wrong, tally);
            HttpResponse<String> direct = api(SEARCH_SERVICE, "q=" + encoded);
            checkApi(c, "search service", direct, wrong, tally);
            checkPage(c, RateLimit.pastTheLimit(() -> session.get("/search?q=" + encoded)), wrong, tally);
            HttpResponse<String> strict = api(Platform.GATEWAY, "q=" + encoded + "&syntax=strict");
            checkStrict(c, strict, wrong, tally);
            if (c.strict() == Strict.TOO_LONG || cases.indexOf(c) < 6) {
                System.out.printf("hostile queries: %s: %s; strict: %d \"%s\"%n", c.label(),
                        c.strict() == Strict.TOO_LONG
                                ? viaGateway.statusCode() + " \"" + detail(viaGateway.body()) + "\""
                                : "read as \"" + json(viaGateway.body()).path("interpretedAs").asText() + "\"",
                        strict.statusCode(), detail(strict.body()));
            }
        }
        double took = (System.nanoTime() - started) / 1e9;
        System.out.printf("hostile queries: %d queries, %d answers checked in %.1f s: %s%n", cases.size(),
                tally.values().stream().mapToInt(Integer::intValue).sum(), took, tally);
        System.out.printf("hostile queries: wrong (%d)%s%n", wrong.size(), wrong.stream().map(w -> "\n  " + w)
                .collect(Collectors.joining()));
        assertThat(wrong).isEmpty();
    }

    private static void checkApi(Case c, String where, HttpResponse<String> answer, List<String> wrong,
            Map<String, Integer> tally) {
        String body = answer.body();
        if (c.strict() == Strict.TOO_LONG) {
            expect(c, where, answer.statusCode() == 400 && problem(answer) && detail(body).contains("1,000 characters"),
                    "a 400 problem saying the limit", answer, wrong);
        } else {
            expect(c, where, answer.statusCode() == 200 && json(body).has("interpretedAs"),
                    "200 with interpretedAs", answer, wrong);
        }
        noEngineWording(c, where, answer, wrong);
        tally.merge("API " + where + " " + answer.statusCode(), 1, Integer::sum);
    }

    private static void checkPage(Case c, HttpResponse<String> page, List<String> wrong, Map<String, Integer> tally) {
        String body = page.body();
        boolean html = page.statusCode() == 200
                && page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                && body.contains("</html>");
        if (c.strict() == Strict.TOO_LONG) {
            expect(c, "page", html && body.contains("at most 1,000 characters"), "a page saying the limit", page,
                    wrong);
        } else {
            // the search ran: results (maybe none), no error notice
            expect(c, "page", html && body.contains("id=\"total\"") && !body.contains("class=\"error\""),
                    "a page with results", page, wrong);
        }
        if (c.q().contains("<script>") || c.q().contains("<img")) {
            expect(c, "page", !body.contains(c.q()), "the markup escaped", page, wrong);
        }
        noEngineWording(c, "page", page, wrong);
        tally.merge("page " + page.statusCode(), 1, Integer::sum);
    }

    private static void checkStrict(Case c, HttpResponse<String> answer, List<String> wrong,
            Map<String, Integer> tally) {
        int status = answer.statusCode();
        String detail = status == 400 && problem(answer) ? detail(answer.body()) : "";
        boolean column = COLUMN.matcher(detail).find();
        boolean noWords = detail.equals("The query has no word to search");
        boolean valid = status == 200 && json(answer.body()).has("interpretedAs");
        boolean ok = switch (c.strict()) {
            case VALID -> valid;
            case COLUMN -> column;
            case NO_WORDS -> noWords;
            case ANY -> valid || column || noWords;
            case TOO_LONG -> detail.contains("1,000 characters");
        };
        expect(c, "strict", ok, c.strict().toString(), answer, wrong);
        noEngineWording(c, "strict", answer, wrong);
        tally.merge("strict " + (valid ? "200" : column ? "400 column" : noWords ? "400 no words" : status),
                1, Integer::sum);
    }

    private static void expect(Case c, String where, boolean ok, String what, HttpResponse<String> answer,
            List<String> wrong) {
        if (!ok) {
            String body = answer.body();
            wrong.add(c.label() + " (" + where + "): expected " + what + ", got " + answer.statusCode() + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    private static void noEngineWording(Case c, String where, HttpResponse<String> answer, List<String> wrong) {
        String body = answer.body().toLowerCase(Locale.ROOT);
        for (String words : ENGINE_WORDING) {
            if (body.contains(words)) {
                wrong.add(c.label() + " (" + where + "): says \"" + words + "\"");
            }
        }
    }

    private static boolean problem(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private static String detail(String body) {
        return json(body).path("detail").asText("");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** GET /api/v1/search on {@code base} with a reader's token; waits out the gateway's rate limit. */
    private static HttpResponse<String> api(String base, String query) {
        return RateLimit.pastTheLimit(() -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/search?" + query))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + Tokens.forUser(Tokens.READER)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
