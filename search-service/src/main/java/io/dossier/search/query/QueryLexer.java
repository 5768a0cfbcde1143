package io.dossier.search.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dossier.search.query.QueryNode.Boost;
import io.dossier.search.query.QueryNode.Fuzzy;
import io.dossier.search.query.QueryNode.Phrase;
import io.dossier.search.query.QueryNode.Prefix;
import io.dossier.search.query.QueryNode.Word;

/**
 * Cuts a query into words, phrases, field names, parentheses and operators for {@link QuerySyntax}. Everything
 * that is not one of these is a separator: punctuation, symbols and emoji silently, characters with a meaning in
 * other search syntaxes ({@code / [ ] { } ?}), markup tags and control characters with a correction.
 * <p>
 * A word is a run of letters, digits and combining marks, joined across an apostrophe, hyphen, period, {@code &} or
 * {@code @} between two of them ({@code Kata'ib}, {@code al-Haq}, {@code U.S}, {@code AT&T}), a colon or comma
 * between digits ({@code 10:30}, {@code 1,000}) and invisible format characters (joiners, direction marks) inside
 * it, which Lucene's tokenizer also keeps inside a word. A word of marks, tatweel or underscores alone is not
 * searched. A {@code *}, {@code ~} or {@code ^} right after a word or phrase belongs to it.
 */
final class QueryLexer {

    enum Kind {
        WORD, PHRASE, FIELD, OPEN, CLOSE, AND, OR, NOT, REQUIRED, EXCLUDED, END
    }

    /**
     * One piece of the query at {@code [start, end)}. {@code node}: the word or phrase with its {@code * ~ ^};
     * {@code text}: an operator as written, or a field's name in lower case; {@code boost}: a closing parenthesis's
     * {@code ^}.
     */
    record Token(Kind kind, int start, int end, String text, QueryNode node, Float boost) {
    }

    private static final Pattern MARKUP = Pattern.compile(
            "<(?:/?[A-Za-z][A-Za-z0-9:-]*(?:[\\s/][^<>]*)?|!--.*?--|![A-Za-z][^<>]*)>", Pattern.DOTALL);
    /** The longest markup tag recognised as one. */
    private static final int MARKUP_MAX = 300;
    private static final int NO_EDITS = -2;

    private final String q;
    private final int limit;
    private final Corrections fix;
    private final List<Token> tokens = new ArrayList<>();

    private QueryLexer(String q, int limit, Corrections fix) {
        this.q = q;
        this.limit = limit;
        this.fix = fix;
    }

    /** The tokens of {@code q}'s first {@code limit} characters, ending with {@link Kind#END}. */
    static List<Token> tokens(String q, int limit, Corrections fix) {
        QueryLexer lexer = new QueryLexer(q, limit, fix);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        int i = 0;
        while (i < limit) {
            int cp = q.codePointAt(i);
            if (isSpace(cp)) {
                i += Character.charCount(cp);
            } else if (isWordChar(cp)) {
                i = word(i);
            } else if (isQuote(cp)) {
                i = phrase(i);
            } else {
                i = symbol(i, cp);
            }
        }
        tokens.add(new Token(Kind.END, limit, limit, "", null, null));
    }

    private int symbol(int i, int cp) {
        switch (cp) {
            case '(' :
                add(Kind.OPEN, i, i + 1, "(");
                return i + 1;
            case ')' :
                return close(i);
            case '&' :
            case '|' :
                if (i + 1 < limit && q.charAt(i + 1) == cp) {
                    add(cp == '&' ? Kind.AND : Kind.OR, i, i + 2, cp == '&' ? "&&" : "||");
                    return i + 2;
                }
                return i + 1; // a single one is punctuation, as in "Smith & Wesson"
            case '+' :
            case '-' :
            case '!' :
                return unary(i);
            case '*' :
                fix.misplacedStar(i);
                return i + 1;
            case '?' :
                return i + 1; // punctuation: a question is searched as its words ("who is Qaani?")
            case '~' :
                fix.misplacedTilde(i);
                return numberEnd(i + 1);
            case '^' :
                fix.misplacedCaret(i);
                return numberEnd(i + 1);
            case '/' :
            case '[' :
            case ']' :
            case '{' :
            case '}' :
                // regular expressions and ranges elsewhere; here they have no meaning
                fix.unsupported(i, (char) cp);
                return i + 1;
            case '\\' :
                return backslash(i);
            case '<' :
                return markup(i, limit);
            default :
                if (Character.getType(cp) == Character.CONTROL) {
                    fix.control(i, cp);
                }
                return i + Character.charCount(cp); // punctuation, symbols, emoji: separators
        }
    }

    private int word(int i) {
        int end = wordEnd(i, limit);
        String text = q.substring(i, end);
        if (text.equals("AND") || text.equals("OR") || text.equals("NOT")) {
            add(text.equals("AND") ? Kind.AND : text.equals("OR") ? Kind.OR : Kind.NOT, i, end, text);
            return end;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (end < limit && q.charAt(end) == ':' && QuerySyntax.FIELDS.contains(lower)) {
            add(Kind.FIELD, i, end + 1, lower);
            return end + 1;
        }
        boolean prefix = false;
        boolean boosted = false;
        int edits = NO_EDITS;
        Float boost = null;
        int j = end;
        while (j < limit) {
            char c = q.charAt(j);
            if (c == '*') {
                if (j + 1 < limit && isWordChar(q.codePointAt(j + 1))) {
                    fix.misplacedStar(j); // inside a word: what follows is another word
                    j++;
                    break;
                }
                if (prefix || edits != NO_EDITS || boosted) {
                    fix.misplacedStar(j);
                } else if (letters(text) < 2) {
                    fix.shortPrefix(j);
                } else {
                    prefix = true;
                }
                j++;
            } else if (c == '~') {
                Number n = number(j + 1);
                if (prefix || edits != NO_EDITS) {
                    fix.misplacedTilde(j);
                } else {
                    edits = edits(j, n);
                }
                j = n == null ? j + 1 : n.end();
            } else if (c == '^') {
                Number n = number(j + 1);
                if (n == null || boosted) {
                    fix.misplacedCaret(j);
                } else {
                    boosted = true;
                    boost = boost(j, n);
                }
                j = n == null ? j + 1 : n.end();
            } else {
                break;
            }
        }
        if (!searchable(text)) {
            orphan(i);
            return j; // tatweel, marks or underscores alone
        }
        Word w = new Word(text, i, end);
        QueryNode node = prefix ? new Prefix(w) : edits != NO_EDITS ? new Fuzzy(w, edits) : w;
        tokens.add(new Token(Kind.WORD, i, j, text, boost == null ? node : new Boost(node, boost), null));
        return j;
    }

    private int phrase(int open) {
        int close = -1;
        for (int j = open + 1; j < limit; j++) {
            char c = q.charAt(j);
            if (c == '\\') {
                j++; // an escaped quote does not close
            } else if (isQuote(c)) {
                close = j;
                break;
            }
        }
        if (close < 0) {
            fix.unclosedQuote(open);
            return open + 1; // the rest is read as if the quote were not there
        }
        List<Word> words = new ArrayList<>();
        int k = open + 1;
        while (k < close) {
            int cp = q.codePointAt(k);
            if (isWordChar(cp)) {
                int e = wordEnd(k, close);
                String text = q.substring(k, e);
                if (searchable(text)) {
                    words.add(new Word(text, k, e));
                }
                k = e;
            } else if (cp == '<') {
                k = markup(k, close);
            } else if (cp == '\\') {
                k = Math.min(close, k + 2);
            } else {
                if (Character.getType(cp) == Character.CONTROL && !isSpace(cp)) {
                    fix.control(k, cp);
                }
                k += Character.charCount(cp); // inside quotes, any other character only separates words
            }
        }
        int slop = -1;
        Float boost = null;
        boolean boosted = false;
        int j = close + 1;
        while (j < limit) {
            char c = q.charAt(j);
            if (c == '~') {
                Number n = number(j + 1);
                if (slop >= 0 || boosted) {
                    fix.misplacedTilde(j);
                } else if (n == null) {
                    fix.slopMissing(j);
                } else {
                    slop = slop(j, n);
                }
                j = n == null ? j + 1 : n.end();
            } else if (c == '^') {
                Number n = number(j + 1);
                if (n == null || boosted) {
                    fix.misplacedCaret(j);
                } else {
                    boosted = true;
                    boost = boost(j, n);
                }
                j = n == null ? j + 1 : n.end();
            } else if (c == '*') {
                fix.misplacedStar(j);
                j++;
            } else {
                break;
            }
        }
        if (words.isEmpty()) {
            fix.emptyPhrase(open);
            orphan(open);
            return j;
        }
        QueryNode node = new Phrase(words, Math.max(slop, 0), open, close + 1);
        tokens.add(new Token(Kind.PHRASE, open, j, q.substring(open, close + 1),
                boost == null ? node : new Boost(node, boost), null));
        return j;
    }

    private int close(int i) {
        Float boost = null;
        boolean boosted = false;
        int j = i + 1;
        while (j < limit) {
            char c = q.charAt(j);
            if (c == '^') {
                Number n = number(j + 1);
                if (n == null || boosted) {
                    fix.misplacedCaret(j);
                } else {
                    boosted = true;
                    boost = boost(j, n);
                }
                j = n == null ? j + 1 : n.end();
            } else if (c == '~') {
                fix.misplacedTilde(j);
                j = numberEnd(j + 1);
            } else if (c == '*') {
                fix.misplacedStar(j);
                j++;
            } else {
                break;
            }
        }
        tokens.add(new Token(Kind.CLOSE, i, i + 1, ")", null, boost));
        return j;
    }

    /**
     * {@code + - !} are operators where a clause may begin (not after a word, as in {@code C++}, {@code Help!}) and
     * only right before a word, phrase or group; a run of them is the first one, repeated.
     */
    private int unary(int i) {
        int end = i;
        while (end < limit && "+-!".indexOf(q.charAt(end)) >= 0) {
            end++;
        }
        if (i > 0 && isWordChar(q.codePointBefore(i))) {
            return end; // punctuation after a word
        }
        String op = String.valueOf(q.charAt(i));
        if (end >= limit || !startsClause(q.codePointAt(end))) {
            fix.unaryAlone(i, op);
            return end;
        }
        for (int k = i + 1; k < end; k++) {
            fix.unaryRepeated(k, String.valueOf(q.charAt(k)), op);
        }
        add(op.equals("+") ? Kind.REQUIRED : op.equals("-") ? Kind.EXCLUDED : Kind.NOT, i, end, op);
        return end;
    }

    /** An operator written right before what turned out to be nothing to search ({@code -_}) applies to nothing. */
    private void orphan(int at) {
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        if (last != null && last.end() == at
                && (last.kind() == Kind.REQUIRED || last.kind() == Kind.EXCLUDED || last.kind() == Kind.NOT)) {
            tokens.remove(tokens.size() - 1);
            fix.unaryAlone(last.start(), last.text());
        }
    }

    private int backslash(int i) {
        if (i + 1 >= limit) {
            fix.backslashAtEnd(i);
            return i + 1;
        }
        int next = q.codePointAt(i + 1);
        // an escaped character is read as itself: a separator with no meaning; before a letter (C:\Users) the
        // backslash alone separates
        return isWordChar(next) ? i + 1 : i + 1 + Character.charCount(next);
    }

    private int markup(int i, int bound) {
        Matcher m = MARKUP.matcher(q).region(i, Math.min(bound, i + MARKUP_MAX));
        if (m.lookingAt()) {
            fix.markup(i, m.group());
            return m.end();
        }
        return i + 1;
    }

    private int wordEnd(int i, int bound) {
        int j = i + Character.charCount(q.codePointAt(i));
        while (j < bound) {
            int cp = q.codePointAt(j);
            if (isWordChar(cp)) {
                j += Character.charCount(cp);
                continue;
            }
            int k = j;
            while (k < bound && isFormat(q.codePointAt(k))) {
                k += Character.charCount(q.codePointAt(k));
            }
            if (k > j) {
                if (k < bound && isWordChar(q.codePointAt(k))) {
                    j = k;
                    continue;
                }
                break;
            }
            int next = j + Character.charCount(cp);
            if (next < bound && isJoiner(q.codePointBefore(j), cp, q.codePointAt(next))) {
                j = next;
                continue;
            }
            break;
        }
        return j;
    }

    private record Number(String text, int end) {
    }

    /** A number right at {@code from} ({@code 2}, {@code 1.5}, {@code -1}), or null. */
    private Number number(int from) {
        int j = from;
        if (j < limit && q.charAt(j) == '-') {
            j++;
        }
        int digits = j;
        while (j < limit && isAsciiDigit(q.charAt(j))) {
            j++;
        }
        if (j == digits) {
            return null;
        }
        if (j + 1 < limit && q.charAt(j) == '.' && isAsciiDigit(q.charAt(j + 1))) {
            j += 2;
            while (j < limit && isAsciiDigit(q.charAt(j))) {
                j++;
            }
        }
        return new Number(q.substring(from, j), j);
    }

    private int numberEnd(int from) {
        Number n = number(from);
        return n == null ? from : n.end();
    }

    private int edits(int at, Number n) {
        if (n == null) {
            return Fuzzy.AUTO;
        }
        BigDecimal v = new BigDecimal(n.text());
        boolean whole = v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
        if (whole && v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(QuerySyntax.MAX_EDITS)) <= 0) {
            return v.intValue();
        }
        int used = whole && v.signum() > 0 ? QuerySyntax.MAX_EDITS : Fuzzy.AUTO;
        fix.fuzzyRange(at, n.text(), used);
        return used;
    }

    private int slop(int at, Number n) {
        BigDecimal v = new BigDecimal(n.text());
        boolean whole = v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
        if (whole && v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(QuerySyntax.MAX_SLOP)) <= 0) {
            return v.intValue();
        }
        int used = v.signum() < 0
                ? 0
                : v.compareTo(BigDecimal.valueOf(QuerySyntax.MAX_SLOP)) > 0 ? QuerySyntax.MAX_SLOP : v.intValue();
        fix.slopRange(at, n.text(), used);
        return used;
    }

    private Float boost(int at, Number n) {
        BigDecimal v = new BigDecimal(n.text());
        if (v.signum() < 0) {
            fix.boostRange(at, n.text(), null);
            return null;
        }
        if (v.compareTo(BigDecimal.valueOf(QuerySyntax.MAX_BOOST)) > 0) {
            fix.boostRange(at, n.text(), (float) QuerySyntax.MAX_BOOST);
            return (float) QuerySyntax.MAX_BOOST;
        }
        return v.floatValue();
    }

    private void add(Kind kind, int start, int end, String text) {
        tokens.add(new Token(kind, start, end, text, null, null));
    }

    // character classes

    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B; // zero-width space
    }

    static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.CONNECTOR_PUNCTUATION
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** Letters and digits count; tatweel (a letter to Unicode, a stretch of the line to a reader) does not. */
    private static boolean isSearchable(int cp) {
        if (cp == 0x0640) {
            return false;
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean searchable(String text) {
        return text.codePoints().anyMatch(QueryLexer::isSearchable);
    }

    private static long letters(String text) {
        return text.codePoints().filter(QueryLexer::isSearchable).count();
    }

    private static boolean isFormat(int cp) {
        return Character.getType(cp) == Character.FORMAT && cp != 0x200B;
    }

    static boolean isQuote(int cp) {
        return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F || cp == 0x00AB
                || cp == 0x00BB || cp == 0xFF02;
    }

    private static boolean isJoiner(int before, int cp, int after) {
        if (!isWordChar(after)) {
            return false;
        }
        return switch (cp) {
            case '-', 0x2010, 0x2011, '\'', 0x2018, 0x2019, '`', 0x00B4, '.', '&', '@' -> true;
            case ':', ',', 0x066B, 0x066C -> Character.isDigit(before) && Character.isDigit(after);
            default -> false;
        };
    }

    private static boolean startsClause(int cp) {
        return isWordChar(cp) || isQuote(cp) || cp == '(';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
