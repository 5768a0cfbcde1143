package io.dossier.search.query;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.dossier.search.query.QueryLexer.Kind;
import io.dossier.search.query.QueryLexer.Token;
import io.dossier.search.query.QueryNode.Bool;
import io.dossier.search.query.QueryNode.Boost;
import io.dossier.search.query.QueryNode.Clause;
import io.dossier.search.query.QueryNode.Field;
import io.dossier.search.query.QueryNode.Occur;

/**
 * Reads what an analyst typed into a {@link QueryNode} tree: the syntax analysts know from Aleph and Elasticsearch,
 * by recursive descent, with nothing of Elasticsearch's own syntax in the result.
 *
 * <pre>
 * query   = or
 * or      = and { ("OR" | "||") and }
 * and     = unary { ["AND" | "&amp;&amp;"] unary }           juxtaposed clauses are ANDed
 * unary   = ["NOT" | "!" | "-" | "+"] primary            NOT and - exclude, + requires
 * primary = word ["*"] ["~" [0-2]] ["^" 0-100]           milit*  qaani~  qaani~1  word^2
 *         | '"' words '"' ["~" 0-100] ["^" 0-100]         "drone strike"~3
 *         | "(" or ")" ["^" 0-100]
 *         | field ":" (word | phrase | group)             title, text, publisher, language, tag, collection
 * </pre>
 *
 * NOT, {@code -} and {@code !} bind tighter than AND, which binds tighter than OR: {@code a OR b -c} is
 * {@code a OR (b AND NOT c)}. An alternative of OR written {@code +x} is required and the others only rank
 * ({@code a OR +b}), as in Lucene. Operators are upper case ({@code and}, {@code or}, {@code not} are words), and
 * {@code + - !} are operators only right before what they apply to; a {@code xxx:} that is not one of the
 * {@link #FIELDS} is punctuation. See {@link QueryLexer} for what a word is.
 * <p>
 * Leniently, nothing is refused: what is not valid syntax (an unclosed quote or parenthesis, an operator with nothing
 * to apply to, an empty field, a misplaced {@code * ~ ^}, {@code / [ ] { } ?}, markup, control characters, more
 * than the limits) is searched as words or left out, and each such place is a {@link Correction}. Strictly, the first
 * of them (in query order) is a {@link QuerySyntaxException}, and so is a query with no word to search.
 */
public final class QuerySyntax {

    /** The longest query searched, in UTF-16 characters (as the API's {@code @Size} counts them). */
    public static final int MAX_LENGTH = 1000;
    /** The most words searched, phrase words included. */
    public static final int MAX_WORDS = 200;
    /** The deepest nesting of parentheses. */
    public static final int MAX_DEPTH = 20;
    public static final int MAX_EDITS = 2;
    public static final int MAX_SLOP = 100;
    public static final int MAX_BOOST = 100;
    /** The fields a query may name (in any case): title, text, publisher, language, tag, collection. */
    public static final Set<String> FIELDS = Set.of("title", "text", "note", "publisher", "language", "tag",
            "collection");

    private static final Set<Kind> UNARY = EnumSet.of(Kind.NOT, Kind.REQUIRED, Kind.EXCLUDED);
    private static final Set<Kind> PRIMARY = EnumSet.of(Kind.WORD, Kind.PHRASE, Kind.OPEN, Kind.FIELD);

    private enum Marker {
        PLAIN, REQUIRED, EXCLUDED
    }

    /** A clause of an AND chain, with the operator written before it. */
    private record Marked(Marker marker, QueryNode node) {
    }

    private final String query;
    private final List<Token> tokens;
    private final Corrections fix;
    private int pos;
    private int words;
    private boolean wordsCapped;
    private boolean depthNoted;
    /** Opening parentheses past {@link #MAX_DEPTH} whose closing ones are still to be skipped. */
    private int ignoredOpens;

    private QuerySyntax(String query, List<Token> tokens, Corrections fix) {
        this.query = query;
        this.tokens = tokens;
        this.fix = fix;
    }

    /**
     * The query read as a tree. Lenient ({@code strict} false): never throws; the corrections made say how the text
     * was read. Strict: throws {@link QuerySyntaxException} where a lenient read would correct, or when there is no
     * word to search.
     */
    public static ParsedQuery parse(String q, boolean strict) {
        String query = q == null ? "" : q;
        Corrections fix = new Corrections(query);
        int limit = query.length();
        if (limit > MAX_LENGTH) {
            fix.tooLong();
            if (strict) {
                throw exception(fix.sorted().get(0));
            }
            limit = cut(query);
        }
        QuerySyntax parser = new QuerySyntax(query, QueryLexer.tokens(query, limit, fix), fix);
        QueryNode tree = parser.or(0, null);
        ParsedQuery parsed = new ParsedQuery(query, tree == null ? QueryNode.EMPTY : tree, fix.sorted());
        if (strict && parsed.changed()) {
            throw exception(parsed.corrections().get(0));
        }
        if (strict && parsed.isEmpty()) {
            throw new QuerySyntaxException("The query has no word to search", 0, 1);
        }
        return parsed;
    }

    private static QuerySyntaxException exception(Correction c) {
        return new QuerySyntaxException(c.problem(), c.offset(), c.column());
    }

    /** Where a too-long query is cut: at {@link #MAX_LENGTH}, or before the word that crosses it. */
    private static int cut(String q) {
        int cut = MAX_LENGTH;
        if (Character.isLowSurrogate(q.charAt(cut))) {
            cut--;
        }
        if (QueryLexer.isWordChar(q.codePointAt(cut))) {
            int start = cut;
            while (start > 0 && QueryLexer.isWordChar(q.codePointBefore(start))) {
                start -= Character.charCount(q.codePointBefore(start));
            }
            if (start > 0) {
                cut = start;
            }
        }
        return cut;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    /** Alternatives separated by OR, at {@code depth} parentheses, inside {@code field}'s value or not (null). */
    private QueryNode or(int depth, String field) {
        List<List<Marked>> alternatives = new ArrayList<>();
        Token pending = null; // an OR waiting for what follows it
        while (true) {
            List<Marked> chain = and(depth, field);
            if (!chain.isEmpty()) {
                alternatives.add(chain);
                pending = null;
            }
            if (peek().kind() == Kind.OR) {
                Token or = next();
                if (!chain.isEmpty()) {
                    pending = or;
                } else if (pending != null) {
                    fix.binaryRepeated(or.start(), or.text(), pending.text());
                } else {
                    fix.binaryAlone(or.start(), or.text());
                }
                continue;
            }
            if (pending != null) {
                fix.binaryAlone(pending.start(), pending.text());
            }
            return alternatives(alternatives);
        }
    }

    /** Clauses ANDed, by operator or side by side, up to an OR, a closing parenthesis or the end. */
    private List<Marked> and(int depth, String field) {
        List<Marked> chain = new ArrayList<>();
        Token pending = null; // an AND waiting for what follows it
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.END || t.kind() == Kind.OR) {
                break;
            }
            if (t.kind() == Kind.CLOSE) {
                if (ignoredOpens > 0) {
                    next();
                    ignoredOpens--;
                    continue;
                }
                if (depth > 0) {
                    break;
                }
                fix.strayClose(next().start());
                continue;
            }
            if (t.kind() == Kind.AND) {
                next();
                if (pending != null) {
                    fix.binaryRepeated(t.start(), t.text(), pending.text());
                } else if (chain.isEmpty()) {
                    fix.binaryAlone(t.start(), t.text());
                } else {
                    pending = t;
                }
                continue;
            }
            Marked m = unary(depth, field);
            if (m != null) {
                chain.add(m);
                pending = null;
            }
        }
        if (pending != null) {
            fix.binaryAlone(pending.start(), pending.text());
        }
        return chain;
    }

    private Marked unary(int depth, String field) {
        Marker marker = Marker.PLAIN;
        if (UNARY.contains(peek().kind())) {
            Token op = next();
            marker = op.kind() == Kind.REQUIRED ? Marker.REQUIRED : Marker.EXCLUDED;
            while (UNARY.contains(peek().kind())) {
                Token again = next();
                fix.unaryRepeated(again.start(), again.text(), op.text());
            }
            if (!PRIMARY.contains(peek().kind())) {
                fix.unaryAlone(op.start(), op.text());
                return null;
            }
        }
        QueryNode node = primary(depth, field);
        return node == null ? null : new Marked(marker, node);
    }

    private QueryNode primary(int depth, String field) {
        Token t = next();
        switch (t.kind()) {
            case WORD :
            case PHRASE :
                return counted(t);
            case FIELD :
                return field(t, depth, field);
            case OPEN :
                return group(t, depth, field);
            default :
                return null; // not reached: callers look first
        }
    }

    private QueryNode field(Token t, int depth, String outer) {
        if (outer != null) {
            fix.fieldInField(t.start(), t.text(), outer);
        }
        String field = outer == null ? t.text() : outer;
        while (UNARY.contains(peek().kind())) {
            Token op = next();
            fix.operatorInField(op.start(), op.text(), t.text());
        }
        Kind k = peek().kind();
        // the value follows the colon, perhaps after spaces (title:"" x is not title:x)
        if (k != Kind.WORD && k != Kind.PHRASE && k != Kind.OPEN
                || !spaces(tokens.get(pos - 1).end(), peek().start())) {
            fix.emptyField(t.start(), t.text());
            return null;
        }
        QueryNode value = primary(depth, field);
        if (value == null) {
            return null;
        }
        return outer == null ? new Field(field, value) : value;
    }

    private QueryNode group(Token open, int depth, String field) {
        if (depth >= MAX_DEPTH) {
            // too deep: these parentheses and their closing ones are left out, what they hold stays in the outer group
            if (!depthNoted) {
                fix.tooDeep(open.start());
                depthNoted = true;
            }
            ignoredOpens++;
            while (peek().kind() == Kind.OPEN) {
                next();
                ignoredOpens++;
            }
            return PRIMARY.contains(peek().kind()) ? primary(depth, field) : null;
        }
        QueryNode inner = or(depth + 1, field);
        boolean closed = peek().kind() == Kind.CLOSE;
        Float boost = closed ? next().boost() : null;
        if (!closed) {
            fix.unclosedGroup(open.start());
        } else if (inner == null) {
            fix.emptyGroup(open.start());
        }
        return inner == null || boost == null ? inner : new Boost(inner, boost);
    }

    private boolean spaces(int from, int to) {
        return query.substring(from, to).codePoints().allMatch(QueryLexer::isSpace);
    }

    /** The word or phrase, unless it is past {@link #MAX_WORDS}: then it and all after it are left out. */
    private QueryNode counted(Token t) {
        int n = t.node().words().size();
        if (wordsCapped || words + n > MAX_WORDS) {
            if (!wordsCapped) {
                fix.tooManyWords(t.start());
                wordsCapped = true;
            }
            return null;
        }
        words += n;
        return t.node();
    }

    private static QueryNode conjunction(List<Marked> chain) {
        if (chain.size() == 1 && chain.get(0).marker() != Marker.EXCLUDED) {
            return chain.get(0).node();
        }
        List<Clause> clauses = new ArrayList<>(chain.size());
        for (Marked m : chain) {
            if (m.marker() != Marker.EXCLUDED && m.node() instanceof Bool b && isConjunction(b)) {
                clauses.addAll(b.clauses()); // a (b -c) is a b -c
            } else {
                clauses.add(new Clause(m.marker() == Marker.EXCLUDED ? Occur.MUST_NOT : Occur.MUST, m.node()));
            }
        }
        return new Bool(clauses);
    }

    private static QueryNode alternatives(List<List<Marked>> alternatives) {
        if (alternatives.isEmpty()) {
            return null;
        }
        if (alternatives.size() == 1) {
            return conjunction(alternatives.get(0));
        }
        List<Clause> clauses = new ArrayList<>();
        for (List<Marked> chain : alternatives) {
            if (chain.size() == 1 && chain.get(0).marker() == Marker.REQUIRED) {
                clauses.add(new Clause(Occur.MUST, chain.get(0).node()));
                continue;
            }
            QueryNode node = conjunction(chain);
            if (node instanceof Bool b && isDisjunction(b)) {
                clauses.addAll(b.clauses()); // (a OR b) OR c is a OR b OR c
            } else {
                clauses.add(new Clause(Occur.SHOULD, node));
            }
        }
        return new Bool(clauses);
    }

    private static boolean isConjunction(Bool b) {
        return !b.clauses().isEmpty() && b.clauses().stream().noneMatch(c -> c.occur() == Occur.SHOULD);
    }

    private static boolean isDisjunction(Bool b) {
        return !b.clauses().isEmpty() && b.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD);
    }
}
