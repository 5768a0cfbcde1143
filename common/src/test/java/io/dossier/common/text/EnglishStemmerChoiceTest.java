package io.dossier.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why {@link TextAnalysis} stems English as it does: Lucene's English stemmers compared on real news (BBC, Reuters,
 * FA-KES in ../shared/corpus) and on the names of the OFAC and UN sanctions lists. Figures in docs/decisions.md (#14).
 * <ul>
 * <li><b>Word families.</b> A base word (seen at least 5 times, 90% of them in lower case, so no name) and its
 * regular inflections seen in the corpus: plural or third person (-s, -es, -ies), past (-ed, -d, -ied, doubled
 * consonant) and -ing; a form that an "e" base explains (united: unite, not unit) goes to that base. 500 families with
 * at least two forms are drawn with a fixed seed.</li>
 * <li><b>Recall</b>: each form of a family searched as another form of it is found where a document's stem equals the
 * query's form or stem ({@link TextAnalysis#queryStems}); counted over the occurrences of the form searched for.</li>
 * <li><b>Precision</b>: a family's base searched, the share of the corpus occurrences it finds (their stem is the
 * query's form or stem) that are a form of the family; averaged over the 500 queries. What it finds besides are
 * collisions (new and news, organ and organization).</li>
 * <li><b>Names</b>: the distinct Latin words of the registries' people and places that are no common English word
 * (not mostly lower case in the news): the share a stemmer changes ("abbas" → "abba" is a mangled name).</li>
 * </ul>
 */
@Tag("shared-corpus")
class EnglishStemmerChoiceTest {

    private static final int FAMILIES = 500;
    private static final List<String> DOMAIN_NAMES = List.of("abbas", "hezbollah", "hizballah", "basra", "kataib",
            "asaib", "qaani", "badr", "hashd", "muhandis", "soleimani", "nujaba", "hamas", "iraq", "iraqi");

    /** Occurrences of each all-letters Latin form: [all, written in lower case]. */
    private static final Map<String, int[]> COUNTS = new HashMap<>();
    private static final List<List<String>> SAMPLE = new ArrayList<>();
    private static final Map<String, Set<String>> RELATED = new HashMap<>();
    private static final Set<String> NAMES = new HashSet<>();
    private static long corpusChars;

    @BeforeAll
    static void readTheCorpora() {
        for (String text : SharedCorpus.englishNews()) {
            corpusChars += text.length();
            for (TextAnalysis.Token token : TextAnalysis.tokens(text, "xx")) {
                if (letters(token.form())) {
                    int[] count = COUNTS.computeIfAbsent(token.form(), k -> new int[2]);
                    count[0]++;
                    if (Character.isLowerCase(text.charAt(token.start()))) {
                        count[1]++;
                    }
                }
            }
        }
        List<String> bases = new ArrayList<>();
        for (Map.Entry<String, int[]> e : new TreeMap<>(COUNTS).entrySet()) {
            String base = e.getKey();
            if (base.length() >= 3 && e.getValue()[0] >= 5 && lowerShare(base) >= 0.9) {
                Set<String> related = new LinkedHashSet<>();
                related.add(base);
                for (String form : inflections(base)) {
                    if (COUNTS.containsKey(form)) {
                        related.add(form);
                    }
                }
                RELATED.put(base, related);
                if (related.stream().skip(1).anyMatch(f -> COUNTS.get(f)[0] >= 2 && lowerShare(f) >= 0.5)) {
                    bases.add(base);
                }
            }
        }
        Collections.shuffle(bases, new Random(16));
        for (String base : bases.subList(0, FAMILIES)) {
            List<String> family = new ArrayList<>();
            for (String form : RELATED.get(base)) {
                if (COUNTS.get(form)[0] >= 2 && lowerShare(form) >= 0.5) {
                    family.add(form);
                }
            }
            SAMPLE.add(family);
        }
        for (String name : SharedCorpus.registryNames()) {
            for (TextAnalysis.Token token : TextAnalysis.tokens(name, "xx")) {
                String form = token.form();
                if (form.length() >= 3 && letters(form) && (!COUNTS.containsKey(form) || lowerShare(form) < 0.5)) {
                    NAMES.add(form);
                }
            }
        }
    }

    /**
     * How an analysis treats a word: its stem in a document where it is written in lower case and where it is
     * capitalized, and the stems a query for it asks for.
     */
    record Analysis(String name, UnaryOperator<String> lower, UnaryOperator<String> capitalized,
            Function<String, Collection<String>> query) {

        static Analysis of(String name, UnaryOperator<String> stemmer) {
            return new Analysis(name, stemmer, stemmer, w -> new LinkedHashSet<>(List.of(w, stemmer.apply(w))));
        }
    }

    /** The figures of one analysis. */
    record Figures(double recall, double families, double precision, double precisionMicro, double namesChanged,
            double namesColliding) {
    }

    @Test
    void comparesTheStemmersAndKeepsTheChosenOne() {
        EnglishMinimalStemmer minimal = new EnglishMinimalStemmer();
        EnglishStemmer chosenStemmer = new EnglishStemmer();
        List<Analysis> analyses = List.of(
                Analysis.of("none", w -> w),
                Analysis.of("minimal (EnglishMinimalStemmer)", w -> {
                    char[] c = w.toCharArray();
                    return new String(c, 0, minimal.stem(c, c.length));
                }),
                Analysis.of("KStem (KStemFilter)", new WordFilter(KStemFilter::new)::apply),
                Analysis.of("Porter (PorterStemFilter)", new WordFilter(PorterStemFilter::new)::apply),
                Analysis.of("Porter2 (Snowball English)",
                        new WordFilter(
                                t -> new SnowballFilter(t, new org.tartarus.snowball.ext.EnglishStemmer()))::apply),
                Analysis.of("KStem + Porter-checked (alone)", chosenStemmer::stem),
                new Analysis("TextAnalysis: + capitals kept", w -> TextAnalysis.tokens(w, "en").get(0).stem(),
                        w -> TextAnalysis.tokens(Character.toUpperCase(w.charAt(0)) + w.substring(1), "en").get(0)
                                .stem(),
                        TextAnalysis::queryStems));

        System.out.printf("English stemmers over %,d characters of news (%,d distinct words), %d word families, "
                + "%,d registry name words%n", corpusChars, COUNTS.size(), SAMPLE.size(), NAMES.size());
        System.out.printf("%-32s %7s %8s %9s %8s %8s %9s  %s%n", "analysis", "recall", "families", "precision",
                "(micro)", "names", "colliding", "domain names changed where capitalized");
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (Analysis analysis : analyses) {
            Figures f = measure(analysis);
            figures.put(analysis.name(), f);
            List<String> changed = new ArrayList<>();
            for (String name : DOMAIN_NAMES) {
                String stem = analysis.capitalized().apply(name);
                if (!stem.equals(name)) {
                    changed.add(name + "→" + stem);
                }
            }
            System.out.printf("%-32s %7.3f %8.3f %9.3f %8.3f %8.3f %9.3f  %s%n", analysis.name(), f.recall(),
                    f.families(), f.precision(), f.precisionMicro(), f.namesChanged(), f.namesColliding(), changed);
        }
        Analysis chosen = analyses.get(analyses.size() - 1);
        examples(chosen);
        examples(analyses.get(2));
        examples(analyses.get(3));

        Figures f = figures.get(chosen.name());
        assertThat(f.recall()).as("recall").isGreaterThanOrEqualTo(0.95);
        assertThat(f.precision()).as("precision").isGreaterThanOrEqualTo(0.95);
        assertThat(f.namesChanged()).as("registry names changed where capitalized").isZero();
        assertThat(f.namesColliding()).as("registry names colliding").isLessThanOrEqualTo(0.035);
        for (String name : DOMAIN_NAMES) {
            assertThat(chosen.capitalized().apply(name)).as(name).isEqualTo(name);
        }
    }

    private static Figures measure(Analysis analysis) {
        Map<String, List<String>> lowerByStem = new HashMap<>();
        Map<String, List<String>> capitalByStem = new HashMap<>();
        for (String form : COUNTS.keySet()) {
            lowerByStem.computeIfAbsent(analysis.lower().apply(form), k -> new ArrayList<>()).add(form);
            capitalByStem.computeIfAbsent(analysis.capitalized().apply(form), k -> new ArrayList<>()).add(form);
        }
        long found = 0;
        long sought = 0;
        int oneStem = 0;
        double precisionSum = 0;
        long hitsRelated = 0;
        long hitsAll = 0;
        for (List<String> family : SAMPLE) {
            Set<String> familyStems = new HashSet<>();
            for (String query : family) {
                familyStems.add(analysis.lower().apply(query));
                Collection<String> stems = analysis.query().apply(query);
                for (String form : family) {
                    if (!form.equals(query)) {
                        int[] count = COUNTS.get(form);
                        sought += count[0];
                        found += stems.contains(analysis.lower().apply(form)) ? count[1] : 0;
                        found += stems.contains(analysis.capitalized().apply(form)) ? count[0] - count[1] : 0;
                    }
                }
            }
            oneStem += familyStems.size() == 1 ? 1 : 0;
            String base = family.get(0);
            Set<String> related = RELATED.get(base);
            long all = 0;
            long relatedHits = 0;
            for (String stem : analysis.query().apply(base)) {
                for (String hit : lowerByStem.getOrDefault(stem, List.of())) {
                    all += COUNTS.get(hit)[1];
                    relatedHits += related.contains(hit) ? COUNTS.get(hit)[1] : 0;
                }
                for (String hit : capitalByStem.getOrDefault(stem, List.of())) {
                    int capitalized = COUNTS.get(hit)[0] - COUNTS.get(hit)[1];
                    all += capitalized;
                    relatedHits += related.contains(hit) ? capitalized : 0;
                }
            }
            precisionSum += all == 0 ? 1 : (double) relatedHits / all;
            hitsRelated += relatedHits;
            hitsAll += all;
        }
        // Registry names as documents hold them, capitalized: changed, and found by a query for another word.
        Map<String, List<String>> words = new HashMap<>(lowerByStem);
        for (String name : NAMES) {
            words.computeIfAbsent(analysis.capitalized().apply(name), k -> new ArrayList<>()).add(name);
        }
        int changed = 0;
        int colliding = 0;
        for (String name : NAMES) {
            changed += analysis.capitalized().apply(name).equals(name) ? 0 : 1;
            Set<String> inflected = inflections(name);
            boolean collides = false;
            for (String stem : analysis.query().apply(name)) {
                for (String hit : words.getOrDefault(stem, List.of())) {
                    collides |= !hit.equals(name) && !inflected.contains(hit) && !inflections(hit).contains(name);
                }
            }
            colliding += collides ? 1 : 0;
        }
        return new Figures((double) found / sought, (double) oneStem / SAMPLE.size(), precisionSum / SAMPLE.size(),
                (double) hitsRelated / hitsAll, (double) changed / NAMES.size(), (double) colliding / NAMES.size());
    }

    /** The commonest forms an analysis fails to join and the commonest words it joins wrongly, for the record. */
    private static void examples(Analysis analysis) {
        List<String> missed = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        Map<String, List<String>> byStem = new HashMap<>();
        for (String form : COUNTS.keySet()) {
            byStem.computeIfAbsent(analysis.lower().apply(form), k -> new ArrayList<>()).add(form);
        }
        for (List<String> family : SAMPLE) {
            for (String query : family) {
                Collection<String> stems = analysis.query().apply(query);
                for (String form : family) {
                    if (!form.equals(query) && !stems.contains(analysis.lower().apply(form))) {
                        missed.add(COUNTS.get(form)[1] + " " + query + "→" + form);
                    }
                }
            }
            String base = family.get(0);
            for (String stem : analysis.query().apply(base)) {
                for (String form : byStem.getOrDefault(stem, List.of())) {
                    if (!RELATED.get(base).contains(form)) {
                        merged.add(COUNTS.get(form)[1] + " " + base + "~" + form);
                    }
                }
            }
        }
        System.out.println(analysis.name() + ": missed " + top(missed) + "; joined " + top(merged));
    }

    private static List<String> top(List<String> counted) {
        counted.sort((a, b) -> Integer.compare(Integer.parseInt(b.split(" ")[0]), Integer.parseInt(a.split(" ")[0])));
        return counted.subList(0, Math.min(12, counted.size()));
    }

    /** The regular inflections of a base word: -s/-es/-ies, -ed/-d/-ied, -ing, with a doubled final consonant. */
    static Set<String> inflections(String base) {
        Set<String> forms = new LinkedHashSet<>();
        int n = base.length();
        char last = base.charAt(n - 1);
        boolean consonantY = last == 'y' && !vowel(base.charAt(n - 2));
        if (base.endsWith("s") || base.endsWith("x") || base.endsWith("z") || base.endsWith("ch")
                || base.endsWith("sh")) {
            forms.add(base + "es");
        } else if (consonantY) {
            forms.add(base.substring(0, n - 1) + "ies");
        } else {
            forms.add(base + "s");
        }
        boolean eBase = COUNTS.containsKey(base + "e") && COUNTS.get(base + "e")[0] >= 5;
        if (consonantY) {
            forms.add(base.substring(0, n - 1) + "ied");
            forms.add(base + "ing");
        } else if (last == 'e') {
            forms.add(base + "d");
            if (base.endsWith("ie")) {
                forms.add(base.substring(0, n - 2) + "ying");
            } else if (!base.endsWith("ee") && !base.endsWith("ye") && !base.endsWith("oe")) {
                forms.add(base.substring(0, n - 1) + "ing");
            } else {
                forms.add(base + "ing");
            }
        } else if (!eBase) {
            forms.add(base + "ed");
            forms.add(base + "ing");
            if (n >= 3 && !vowel(last) && vowel(base.charAt(n - 2)) && !vowel(base.charAt(n - 3)) && last != 'w'
                    && last != 'x' && last != 'y') {
                forms.add(base + last + "ed");
                forms.add(base + last + "ing");
            }
        }
        return forms;
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean letters(String form) {
        for (int i = 0; i < form.length(); i++) {
            if (form.charAt(i) < 'a' || form.charAt(i) > 'z') {
                return false;
            }
        }
        return !form.isEmpty();
    }

    private static double lowerShare(String form) {
        int[] count = COUNTS.get(form);
        return (double) count[1] / count[0];
    }
}
