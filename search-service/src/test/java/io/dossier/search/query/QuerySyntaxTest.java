package io.dossier.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.dossier.search.query.QueryNode.Bool;
import io.dossier.search.query.QueryNode.Boost;
import io.dossier.search.query.QueryNode.Field;
import io.dossier.search.query.QueryNode.Fuzzy;
import io.dossier.search.query.QueryNode.Phrase;
import io.dossier.search.query.QueryNode.Prefix;
import io.dossier.search.query.QueryNode.Word;

class QuerySyntaxTest {

    /** Words a message for the person who typed the query must not use. */
    private static final List<String> JARGON = List.of("token", "EOF", "unexpected", "parse", "lexer", "syntax error",
            "expected", "query_string", "shard", "exception", "null");

    /**
     * A query; how a lenient search reads it; the words searched; and where a strict parse refuses it: a column, 0
     * when strict accepts it, {@link #NO_WORDS} when it is refused only for having no word.
     */
    record Case(String query, String reads, List<String> words, int strictColumn) {

        static final int NO_WORDS = -1;

        boolean changed() {
            return strictColumn > 0;
        }

        @Override
        public String toString() { // the test's name: control and invisible characters shown
            StringBuilder out = new StringBuilder();
            query.codePoints().limit(60).forEach(cp -> out.append(cp < 0x20 || Character.getType(cp) == Character.FORMAT
                    ? String.format("\\u%04X", cp)
                    : new String(Character.toChars(cp))));
            return out.append(query.length() > 60 ? "… (" + query.length() + " chars)" : "").toString();
        }
    }

    /** The query in a test's name or failure: control, invisible and broken characters as escapes. */
    static String shown(String query) {
        StringBuilder out = new StringBuilder("«");
        query.codePoints().limit(80).forEach(cp -> {
            int type = Character.getType(cp);
            out.append(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    ? String.format("\\u%04X", cp)
                    : new String(Character.toChars(cp)));
        });
        return out.append(query.length() > 80 ? "…» (" + query.length() + " characters)" : "»").toString();
    }

    /** Read as typed; strict accepts it. */
    static Case valid(String query, String reads, String... words) {
        return new Case(query, reads, List.of(words), 0);
    }

    /** Corrected; strict refuses it at {@code column}. */
    static Case fixed(String query, int column, String reads, String... words) {
        return new Case(query, reads, List.of(words), column);
    }

    /** No correction needed, but there is no word to search. */
    static Case nothing(String query) {
        return new Case(query, "", List.of(), Case.NO_WORDS);
    }

    static Stream<Case> syntax() {
        return Stream.of(
                valid("Kataib Hezbollah", "Kataib Hezbollah", "Kataib", "Hezbollah"),
                valid("Kataib AND Hezbollah", "Kataib Hezbollah", "Kataib", "Hezbollah"),
                valid("Kataib && Hezbollah", "Kataib Hezbollah", "Kataib", "Hezbollah"),
                valid("Kataib OR Hezbollah", "Kataib OR Hezbollah", "Kataib", "Hezbollah"),
                valid("Kataib || Hezbollah", "Kataib OR Hezbollah", "Kataib", "Hezbollah"),
                valid("a OR b c", "a OR (b c)", "a", "b", "c"),
                valid("a b OR c", "(a b) OR c", "a", "b", "c"),
                valid("NOT a b", "-a b", "a", "b"),
                valid("a NOT b", "a -b", "a", "b"),
                valid("a AND NOT b OR c", "(a -b) OR c", "a", "b", "c"),
                valid("a && b || !c", "(a b) OR -c", "a", "b", "c"),
                valid("+a -b c", "a -b c", "a", "b", "c"),
                valid("a OR +b", "a OR +b", "a", "b"),
                valid("a OR -b", "a OR -b", "a", "b"),
                valid("((a))", "a", "a"),
                valid("a (b (c OR d))", "a b (c OR d)", "a", "b", "c", "d"),
                valid("(a OR b) (c OR d)", "(a OR b) (c OR d)", "a", "b", "c", "d"),
                valid("NOT (a OR b)", "-(a OR b)", "a", "b"),
                valid("-\"drone strike\" Badr", "-\"drone strike\" Badr", "drone", "strike", "Badr"),
                valid("title:Kataib", "title:Kataib", "Kataib"),
                valid("TITLE:Kataib Tag:militia", "title:Kataib tag:militia", "Kataib", "militia"),
                valid("title:\"Kataib Hezbollah\"~2", "title:\"Kataib Hezbollah\"~2", "Kataib", "Hezbollah"),
                valid("title:(drone OR rocket)^2", "title:(drone OR rocket)^2", "drone", "rocket"),
                valid("publisher:\"Washington Institute\" language:ar",
                        "publisher:\"Washington Institute\" language:ar",
                        "Washington", "Institute", "ar"),
                valid("-tag:militia collection:open", "-tag:militia collection:open", "militia", "open"),
                valid("text:milit* title: Kataib", "text:milit* title:Kataib", "milit", "Kataib"),
                valid("milit* qaani~ qaani~1 qaani~0 word^2", "milit* qaani~ qaani~1 qaani~0 word^2", "milit", "qaani",
                        "qaani", "qaani", "word"),
                valid("qaani^2~1", "qaani~1^2", "qaani"),
                valid("(a^2)^3 (title:b)^2 title:c^2", "(a^2)^3 (title:b)^2 title:c^2", "a", "b", "c"),
                valid("milit*^3 \"x y\"~3^2 (a OR b)^1.5 c^0.5 d^0", "milit*^3 \"x y\"~3^2 (a OR b)^1.5 c^0.5 d^0",
                        "milit", "x", "y", "a", "b", "c", "d"),
                valid("\"rock AND roll\"", "\"rock AND roll\"", "rock", "AND", "roll"),
                valid("\"Kataib\"", "\"Kataib\"", "Kataib"),
                valid("and or not", "and or not", "and", "or", "not"),
                valid("NOTE ANDROID ORACLE", "NOTE ANDROID ORACLE", "NOTE", "ANDROID", "ORACLE"),
                valid("Asa’ib Ahl al-Haq", "Asa’ib Ahl al-Haq", "Asa’ib", "Ahl", "al-Haq"),
                valid("Kata'ib Hizbullah", "Kata'ib Hizbullah", "Kata'ib", "Hizbullah"),
                valid("U.S. 1,000 AT&T user@example.org", "U.S 1,000 AT&T user@example.org", "U.S", "1,000", "AT&T",
                        "user@example.org"),
                valid("كتائب حزب الله", "كتائب حزب الله", "كتائب", "حزب", "الله"),
                valid("“Kataib Hezbollah”", "\"Kataib Hezbollah\"", "Kataib", "Hezbollah"),
                valid("«كتائب حزب الله»", "\"كتائب حزب الله\"", "كتائب", "حزب", "الله"),
                valid("Kataib\\/Hezbollah \\(Badr\\)", "Kataib Hezbollah Badr", "Kataib", "Hezbollah", "Badr"),
                valid("a OR b OR c AND d NOT e", "a OR b OR (c d -e)", "a", "b", "c", "d", "e"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("syntax")
    void readsTheSyntax(Case c) {
        check(c);
    }

    /** The shape of the tree: {@code [+a -b ?c]} for a bool's MUST, MUST_NOT and SHOULD clauses. */
    @ParameterizedTest(name = "[{index}] {0}  →  {1}")
    @CsvSource(delimiterString = "=>", value = {
            "a b                            => [+a +b]",
            "a AND b                        => [+a +b]",
            "a OR b                         => [?a ?b]",
            "a OR b c                       => [?a ?[+b +c]]",
            "a OR b AND c                   => [?a ?[+b +c]]",
            "a b OR c                       => [?[+a +b] ?c]",
            "NOT a                          => [-a]",
            "-a                             => [-a]",
            "!a                             => [-a]",
            "a NOT b                        => [+a -b]",
            "a AND NOT b OR c               => [?[+a -b] ?c]",
            "a OR NOT b                     => [?a ?[-b]]",
            "-a OR b                        => [?[-a] ?b]",
            "a OR +b                        => [?a +b]",
            "+a +b                          => [+a +b]",
            "+a -b c                        => [+a -b +c]",
            "-(a OR b) c                    => [-[?a ?b] +c]",
            "(a OR b) (c OR d)              => [+[?a ?b] +[?c ?d]]",
            "a OR (b OR c)                  => [?a ?b ?c]",
            "a (b c)                        => [+a +b +c]",
            "a (b -c)                       => [+a +b -c]",
            "a -(b -c)                      => [+a -[+b -c]]",
            "((a OR (b (c OR -d))))         => [?a ?[+b +[?c ?[-d]]]]",
            "a && b || !c                   => [?[+a +b] ?[-c]]",
            "a OR b OR c AND d NOT e        => [?a ?b ?[+c +d -e]]",
            "title:a                        => title:a",
            "title:(a OR b) c               => [+title:[?a ?b] +c]",
            "-title:\"a b\"~2               => [-title:\"a b\"~2]",
            "milit*^2                       => milit*^2",
            "qaani~                         => qaani~AUTO",
            "qaani~1                        => qaani~1",
            "(a b)^3                        => [+a +b]^3",
            "(a^2)^3 (title:a)^2            => [+a^2^3 +title:a^2]",
            "+(a b) c                       => [+a +b +c]",
            "a OR +(b c)                    => [?a +[+b +c]]",
    })
    void precedenceAndGrouping(String query, String shape) {
        ParsedQuery parsed = QuerySyntax.parse(query, true);
        assertThat(parsed.tree().accept(new Shape())).isEqualTo(shape);
        assertThat(parsed.changed()).isFalse();
    }

    static Stream<Case> hostile() {
        return Stream.of(
                // the issue's own examples
                fixed("Kataib/Hezbollah", 7, "Kataib Hezbollah", "Kataib", "Hezbollah"),
                fixed("(Kataib", 1, "Kataib", "Kataib"),
                fixed("title:", 1, ""),
                fixed("\"unclosed phrase", 1, "unclosed phrase", "unclosed", "phrase"),
                fixed("AND OR", 1, ""),
                fixed("<b>Kataib</b> Hezbollah", 1, "Kataib Hezbollah", "Kataib", "Hezbollah"),
                // lone and doubled operators
                fixed("Kataib)", 7, "Kataib", "Kataib"),
                fixed("NOT", 1, ""),
                fixed("AND", 1, ""),
                fixed("&&", 1, ""),
                fixed("Kataib -", 8, "Kataib", "Kataib"),
                fixed("-", 1, ""),
                fixed("+", 1, ""),
                fixed("!!!", 1, ""),
                fixed("AND OR NOT && || !", 1, ""),
                fixed("a AND AND b", 7, "a b", "a", "b"),
                fixed("a OR OR b", 6, "a OR b", "a", "b"),
                fixed("a || || b", 6, "a OR b", "a", "b"),
                fixed("a AND OR b", 3, "a OR b", "a", "b"),
                fixed("OR a", 1, "a", "a"),
                fixed("a OR", 3, "a", "a"),
                fixed("a AND", 3, "a", "a"),
                fixed("NOT NOT a", 5, "-a", "a"),
                fixed("--a", 2, "-a", "a"),
                fixed("a - b", 3, "a b", "a", "b"),
                fixed("-_ foo", 1, "foo", "foo"),
                fixed("-\"\" foo", 1, "foo", "foo"),
                fixed("Kataib Hezbollah - statement", 18, "Kataib Hezbollah statement", "Kataib", "Hezbollah",
                        "statement"),
                // fields
                fixed("title:-drone", 7, "title:drone", "drone"),
                fixed("title:(a text:b)", 10, "title:(a b)", "a", "b"),
                fixed("title:AND b", 1, "b", "b"),
                fixed("title:title:x", 1, "title:x", "x"),
                fixed("title:\"\" x", 1, "x", "x"),
                fixed("title:(drone", 7, "title:drone", "drone"),
                valid("title: Kataib", "title:Kataib", "Kataib"),
                valid("Title:\"Kataib\" xyz:abc", "title:\"Kataib\" xyz abc", "Kataib", "xyz", "abc"),
                valid("Re: statement", "Re statement", "Re", "statement"),
                valid("10:30 meeting", "10:30 meeting", "10:30", "meeting"),
                nothing(":::"),
                // * ? ~ ^
                fixed("*", 1, ""),
                fixed("~", 1, ""),
                fixed("^", 1, ""),
                fixed("m*", 2, "m", "m"),
                fixed("*milit", 1, "milit", "milit"),
                fixed("mil*it", 4, "mil it", "mil", "it"),
                fixed("milit**", 7, "milit*", "milit"),
                fixed("a~~", 3, "a~", "a"),
                fixed("a^^", 2, "a", "a"),
                fixed("a^999", 2, "a^100", "a"),
                fixed("a^-1", 2, "a", "a"),
                fixed("qaani~3", 6, "qaani~2", "qaani"),
                fixed("a~1.5", 2, "a~", "a"),
                fixed("\"a b\"~", 6, "\"a b\"", "a", "b"),
                fixed("\"a b\"~500", 6, "\"a b\"~100", "a", "b"),
                fixed("\"a b\"*", 6, "\"a b\"", "a", "b"),
                fixed("(a b)~2", 6, "a b", "a", "b"),
                valid("who is Qaani?", "who is Qaani", "who", "is", "Qaani"),
                valid("¿Qué? ¡Sí!", "Qué Sí", "Qué", "Sí"),
                // quotes and parentheses
                fixed("\"\"", 1, ""),
                fixed("\"", 1, ""),
                fixed("()", 1, ""),
                fixed(")(", 1, ""),
                fixed("\"a\" \"b", 5, "\"a\" b", "a", "b"),
                fixed("((a OR b)", 1, "a OR b", "a", "b"),
                fixed("a OR (b", 6, "a OR b", "a", "b"),
                fixed("a OR b)) c", 7, "a OR (b c)", "a", "b", "c"),
                valid("'Kataib Hezbollah'", "Kataib Hezbollah", "Kataib", "Hezbollah"),
                // slashes, brackets, braces, backslashes
                fixed("Kataib [Hezbollah]", 8, "Kataib Hezbollah", "Kataib", "Hezbollah"),
                fixed("{Kataib}", 1, "Kataib", "Kataib"),
                fixed("[a TO b]", 1, "a TO b", "a", "TO", "b"),
                fixed("http://x.com/path", 6, "http x.com path", "http", "x.com", "path"),
                fixed("Kataib\\", 7, "Kataib", "Kataib"),
                valid("C:\\Users\\drone", "C Users drone", "C", "Users", "drone"),
                // markup
                fixed("<script>alert(1)</script>", 1, "alert 1", "alert", "1"),
                fixed("<a href=\"https://x.org/a?b=c\">Kataib</a>", 1, "Kataib", "Kataib"),
                fixed("<!-- note -->Kataib", 1, "Kataib", "Kataib"),
                fixed("\"<i>Kataib</i> Hezbollah\"", 2, "\"Kataib Hezbollah\"", "Kataib", "Hezbollah"),
                valid("a < b > c = d", "a b c d", "a", "b", "c", "d"),
                // punctuation that is not syntax
                valid("Help! C++ a--b", "Help C a b", "Help", "C", "a", "b"),
                valid("Smith & Wesson | Colt", "Smith Wesson Colt", "Smith", "Wesson", "Colt"),
                nothing(".,;:…—–"),
                nothing("#$%@&=_"),
                // emoji
                valid("drone 🚀", "drone", "drone"),
                valid("\"drone 🚀 strike\"", "\"drone strike\"", "drone", "strike"),
                valid("Kataib👍Hezbollah", "Kataib Hezbollah", "Kataib", "Hezbollah"),
                nothing("🚀🔥👨‍👩‍👧"),
                // direction marks, joiners and other format characters
                valid("\u200FKataib Hezbollah\u200F", "Kataib Hezbollah", "Kataib", "Hezbollah"),
                valid("\u202Ekataib\u202C", "kataib", "kataib"),
                valid("Hez\u200Fbollah", "Hezbollah", "Hez\u200Fbollah"),
                valid("kat\u200Daib", "kat\u200Daib", "kat\u200Daib"),
                valid("\uFEFFKataib", "Kataib", "Kataib"),
                valid("Kataib\u200BHezbollah", "Kataib Hezbollah", "Kataib", "Hezbollah"),
                valid("می\u200Cخواهم", "می\u200Cخواهم", "می\u200Cخواهم"),
                nothing("\u200D\u200F\u202E"),
                // Arabic punctuation and tatweel
                valid("الهجمات، المقاتلين؟", "الهجمات المقاتلين", "الهجمات", "المقاتلين"),
                valid("هجـــمات", "هجـــمات", "هجـــمات"),
                valid("كتائب حزب الله؟ «بيان»؛", "كتائب حزب الله \"بيان\"", "كتائب", "حزب", "الله", "بيان"),
                valid("\"كتائب ـ 🚀 حزب\"", "\"كتائب حزب\"", "كتائب", "حزب"),
                nothing("ـــ"),
                valid("中文 日本語", "中文 日本語", "中文", "日本語"),
                // control characters and white space
                fixed("Kataib\u0000Hezbollah", 7, "Kataib Hezbollah", "Kataib", "Hezbollah"),
                fixed("Kataib\u0007", 7, "Kataib", "Kataib"),
                valid("Kataib\tHezbollah\nBadr\r\n", "Kataib Hezbollah Badr", "Kataib", "Hezbollah", "Badr"),
                valid("Kataib\u00A0Hezbollah\u3000Badr", "Kataib Hezbollah Badr", "Kataib", "Hezbollah", "Badr"),
                nothing(""),
                nothing("   "),
                // a lone surrogate (broken text)
                valid("Kataib \uD83D Hezbollah", "Kataib Hezbollah", "Kataib", "Hezbollah"),
                // nesting
                valid("(".repeat(20) + "a" + ")".repeat(20), "a", "a"),
                fixed("(".repeat(25) + "a" + ")".repeat(25), 21, "a", "a"),
                fixed("(".repeat(500), 1, ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostile")
    void hostileQueriesAreReadAsAReaderWould(Case c) {
        check(c);
    }

    @Test
    void thereAreAtLeastSixtyHostileQueries() {
        assertThat(hostile().count()).isGreaterThanOrEqualTo(60);
    }

    private static void check(Case c) {
        ParsedQuery parsed = QuerySyntax.parse(c.query(), false);
        assertThat(parsed.interpretedAs()).as("interpretedAs").isEqualTo(c.reads());
        assertThat(texts(parsed.words())).as("words").containsExactlyElementsOf(c.words());
        assertThat(parsed.changed()).as("changed").isEqualTo(c.changed());
        assertThat(parsed.isEmpty()).isEqualTo(c.words().isEmpty());
        assertThat(parsed.note()).as("note").satisfies(note -> {
            if (c.changed()) {
                assertThat(note).contains("column " + c.strictColumn());
            } else {
                assertThat(note).isEmpty();
            }
        });
        assertInvariants(c.query(), parsed);

        if (c.strictColumn() == 0) {
            assertThat(QuerySyntax.parse(c.query(), true).tree()).isEqualTo(parsed.tree());
        } else {
            QuerySyntaxException e = catchThrowableOfType(() -> QuerySyntax.parse(c.query(), true),
                    QuerySyntaxException.class);
            assertThat(e).as("strict refuses it").isNotNull();
            if (c.strictColumn() == Case.NO_WORDS) {
                assertThat(e.getMessage()).isEqualTo("The query has no word to search");
            } else {
                assertThat(e.column()).isEqualTo(c.strictColumn());
                assertThat(e.getMessage()).contains("column " + c.strictColumn());
                assertPlain(e.getMessage());
            }
        }
    }

    /** What holds for any query: offsets, words, the canonical text, and strict and lenient agreeing. */
    private static void assertInvariants(String query, ParsedQuery parsed) {
        assertThat(parsed.query()).isEqualTo(query);
        for (Word w : parsed.words()) {
            assertThat(query.substring(w.start(), w.end())).as("offsets of %s", w).isEqualTo(w.text());
            assertThat(w.text().codePoints().anyMatch(cp -> Character.isLetterOrDigit(cp) && cp != 0x0640
                    || Character.getType(cp) == Character.OTHER_NUMBER
                    || Character.getType(cp) == Character.LETTER_NUMBER)).as("a searchable word").isTrue();
        }
        assertThat(parsed.words()).hasSizeLessThanOrEqualTo(QuerySyntax.MAX_WORDS);
        String reads = parsed.interpretedAs();
        assertThat(reads.codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL
                || QueryRendering.isBidiControl(cp))).as("nothing invisible in %s", reads).isTrue();
        // the canonical text is valid syntax that reads the same
        ParsedQuery again = QuerySyntax.parse(reads, false);
        assertThat(again.interpretedAs()).as("reading %s again", reads).isEqualTo(reads);
        assertThat(again.changed()).as("corrections in %s", reads).isFalse();
        assertThat(texts(again.words())).isEqualTo(texts(parsed.words()).stream().map(QueryRendering::visible)
                .toList());
        for (Correction c : parsed.corrections()) {
            assertThat(c.column()).isEqualTo(query.codePointCount(0, Math.min(c.offset(), query.length())) + 1);
            assertThat(c.problem()).contains("column " + c.column());
            assertPlain(c.text());
        }
    }

    private static void assertPlain(String message) {
        for (String word : JARGON) {
            assertThat(message.toLowerCase()).as(message).doesNotContain(word.toLowerCase());
        }
    }

    private static List<String> texts(List<Word> words) {
        return words.stream().map(Word::text).toList();
    }

    @Test
    void everyWordKeepsItsPlaceInTheQuery() {
        String q = " -title:\"Kataib  Hezbollah\"~2 OR (كتائب* AND qaani~1^2) «بيان» Hez\u200Fbollah 🚀 al-Haq";
        ParsedQuery parsed = QuerySyntax.parse(q, true);
        assertThat(texts(parsed.words())).containsExactly("Kataib", "Hezbollah", "كتائب", "qaani", "بيان",
                "Hez\u200Fbollah", "al-Haq");
        for (Word w : parsed.words()) {
            assertThat(q.substring(w.start(), w.end())).isEqualTo(w.text());
        }
        Bool or = (Bool) parsed.tree();
        Field field = (Field) ((Bool) or.clauses().get(0).node()).clauses().get(0).node();
        Phrase phrase = (Phrase) field.value();
        assertThat(q.substring(phrase.start(), phrase.end())).isEqualTo("\"Kataib  Hezbollah\"");
        assertThat(phrase.slop()).isEqualTo(2);
    }

    @Test
    void aThousandCharactersOfMixedTextAreSearchedWhole() {
        String unit = "Kataib Hezbollah كتائب حزب الله، \"drone strike\" 🚀 al-Haq 10:30; ";
        List<String> unitWords = List.of("Kataib", "Hezbollah", "كتائب", "حزب", "الله", "drone", "strike", "al-Haq",
                "10:30");
        int units = 1000 / unit.length();
        String q = (unit.repeat(units) + " ".repeat(1000)).substring(0, 1000);
        assertThat(q).hasSize(QuerySyntax.MAX_LENGTH);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            expected.addAll(unitWords);
        }

        ParsedQuery parsed = QuerySyntax.parse(q, true);
        assertThat(parsed.changed()).isFalse();
        assertThat(texts(parsed.words())).isEqualTo(expected);
        assertInvariants(q, parsed);

        ParsedQuery longer = QuerySyntax.parse(q + "x", false);
        assertThat(longer.changed()).isTrue();
        assertThat(texts(longer.words())).isEqualTo(expected);
        assertThat(longer.note()).contains("longer than the 1,000 characters");
        assertInvariants(q + "x", longer);
        QuerySyntaxException e = catchThrowableOfType(() -> QuerySyntax.parse(q + "x", true),
                QuerySyntaxException.class);
        int column = q.codePointCount(0, q.length()) + 1; // the emoji count once
        assertThat(e.getMessage()).isEqualTo("The query is longer than the 1,000 characters a search can take (the"
                + " rest begins at column " + column + ")");
        assertThat(e.column()).isEqualTo(column);
    }

    @Test
    void aWordCrossingTheLimitIsLeftOutWhole() {
        String q = "drone " + " ".repeat(989) + "Kataib"; // 1,001 characters, Kataib across the limit
        ParsedQuery parsed = QuerySyntax.parse(q, false);
        assertThat(texts(parsed.words())).containsExactly("drone");
        assertThat(parsed.changed()).isTrue();
    }

    @Test
    void atMostTwoHundredWords() {
        String q = "w ".repeat(300);
        ParsedQuery parsed = QuerySyntax.parse(q, false);
        assertThat(parsed.words()).hasSize(QuerySyntax.MAX_WORDS);
        assertThat(parsed.note()).isEqualTo("The query has more than 200 words (the next one is at column 401); only"
                + " the first 200 were searched.");
        QuerySyntaxException e = catchThrowableOfType(() -> QuerySyntax.parse(q, true), QuerySyntaxException.class);
        assertThat(e.column()).isEqualTo(401);
        // a phrase that would cross the limit is left out whole
        ParsedQuery phrase = QuerySyntax.parse("w ".repeat(199) + "\"a b\" c", false);
        assertThat(phrase.words()).hasSize(199);
    }

    @Test
    void theNoteSummarisesManyCorrections() {
        ParsedQuery parsed = QuerySyntax.parse("a/b/c/d/e", false);
        assertThat(parsed.interpretedAs()).isEqualTo("a b c d e");
        assertThat(parsed.corrections()).hasSize(4);
        assertThat(parsed.note()).endsWith("1 more correction was made.").contains("column 2", "column 4", "column 6");
    }

    @Test
    void strictMessagesNameTheFirstProblem() {
        QuerySyntaxException e = catchThrowableOfType(() -> QuerySyntax.parse("Kataib \"Hezbollah AND (", true),
                QuerySyntaxException.class);
        assertThat(e.getMessage()).isEqualTo("A quote opened at column 8 is not closed");
        assertThat(e.offset()).isEqualTo(7);
        // columns count characters as a reader does: an emoji is one
        e = catchThrowableOfType(() -> QuerySyntax.parse("🚀🚀 \"a", true), QuerySyntaxException.class);
        assertThat(e.column()).isEqualTo(4);
        assertThat(e.offset()).isEqualTo(5);
    }

    @Test
    void syntaxAppliedTellsPlainWordsFromSyntax() {
        assertThat(QuerySyntax.parse("Kataib Hezbollah", false).syntaxApplied()).isFalse();
        assertThat(QuerySyntax.parse("(Kataib) Hezbollah", false).syntaxApplied()).isFalse();
        assertThat(QuerySyntax.parse("Kataib/Hezbollah", false).syntaxApplied()).isFalse();
        assertThat(QuerySyntax.parse("\"Kataib Hezbollah\"", false).syntaxApplied()).isTrue();
        assertThat(QuerySyntax.parse("Kataib OR Hezbollah", false).syntaxApplied()).isTrue();
        assertThat(QuerySyntax.parse("Kataib -Hezbollah", false).syntaxApplied()).isTrue();
        assertThat(QuerySyntax.parse("title:Kataib", false).syntaxApplied()).isTrue();
        assertThat(QuerySyntax.parse("milit*", false).syntaxApplied()).isTrue();
    }

    @Test
    void nullIsAnEmptyQuery() {
        ParsedQuery parsed = QuerySyntax.parse(null, false);
        assertThat(parsed.isEmpty()).isTrue();
        assertThat(parsed.tree()).isEqualTo(QueryNode.EMPTY);
        assertThat(parsed.interpretedAs()).isEmpty();
    }

    /** Random text from the pieces of hostile queries: whatever it is, the invariants hold. */
    @Test
    void randomTextNeverFailsAndReadsConsistently() {
        String[] pieces = {"a", "Kataib", "كتائب", "الله،", "\"", "\"", "(", ")", "AND", "OR", "NOT", "-", "+", "!",
                "*",
                "?", "~", "~1", "~7", "^", "^2", "^500", ":", "title:", "TAG:", "xyz:", "/", "\\", "[", "]", "{", "}",
                "<b>", "</b>", "<", ">", "&&", "||", "&", "|", "🚀", "\u200F", "\u202E", "\u200D", "\u0000", "\u0640",
                "؟", " ", " ", " ", " ", "«", "»", "“", "'", ".", ",", "10:30", "\uD83D", "\t", "milit", "q", "-x",
                "+y", "\"p q\"", "(r OR s)", "ـ", "\u0301"};
        Random random = new Random(16);
        for (int run = 0; run < 5000; run++) {
            StringBuilder q = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(10) == 0) {
                    q.appendCodePoint(random.nextInt(0x3000));
                } else {
                    q.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            String query = q.toString();
            assertThatNoException().as(shown(query)).isThrownBy(() -> {
                ParsedQuery parsed = QuerySyntax.parse(query, false);
                assertInvariants(query, parsed);
                try {
                    ParsedQuery strict = QuerySyntax.parse(query, true);
                    assertThat(parsed.changed()).isFalse();
                    assertThat(strict.tree()).isEqualTo(parsed.tree());
                } catch (QuerySyntaxException e) {
                    assertThat(parsed.changed() || parsed.isEmpty()).isTrue();
                    assertThat(e.column()).isBetween(1, query.codePointCount(0, query.length()) + 1);
                }
            });
        }
    }

    @Test
    void deepNestingAndLongRunsOfOperatorsAreNoProblem() {
        String q = "(".repeat(499) + "a" + ")".repeat(500);
        ParsedQuery parsed = QuerySyntax.parse(q, false);
        assertThat(texts(parsed.words())).containsExactly("a");
        assertThat(parsed.corrections()).extracting(Correction::problem).containsExactly(
                "Parentheses are nested more than 20 deep at column 21",
                "The closing parenthesis at column 1000 has no opening one");
        String nots = Arrays.stream(new String[200]).map(x -> "NOT").collect(Collectors.joining(" ")) + " a";
        ParsedQuery notNot = QuerySyntax.parse(nots, false);
        assertThat(notNot.interpretedAs()).isEqualTo("-a");
        assertThat(notNot.corrections()).hasSize(199);
    }

    /** The tree's shape, through the visitor: {@code [+a -b ?c]}, {@code title:x}, {@code x^2}. */
    static final class Shape implements QueryNode.Visitor<String> {

        @Override
        public String word(Word word) {
            return word.text();
        }

        @Override
        public String phrase(Phrase phrase) {
            return "\"" + texts(phrase.words()).stream().collect(Collectors.joining(" ")) + "\""
                    + (phrase.slop() > 0 ? "~" + phrase.slop() : "");
        }

        @Override
        public String prefix(Prefix prefix) {
            return prefix.word().text() + "*";
        }

        @Override
        public String fuzzy(Fuzzy fuzzy) {
            return fuzzy.word().text() + "~" + (fuzzy.edits() == Fuzzy.AUTO ? "AUTO" : fuzzy.edits());
        }

        @Override
        public String field(Field field) {
            return field.field() + ":" + field.value().accept(this);
        }

        @Override
        public String bool(Bool bool) {
            return bool.clauses().stream().map(c -> switch (c.occur()) {
                case MUST -> "+";
                case MUST_NOT -> "-";
                case SHOULD -> "?";
            } + c.node().accept(this)).collect(Collectors.joining(" ", "[", "]"));
        }

        @Override
        public String boost(Boost boost) {
            return boost.node().accept(this) + "^" + QueryRendering.number(boost.boost());
        }
    }
}
