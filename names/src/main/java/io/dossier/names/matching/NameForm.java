package io.dossier.names.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.dossier.common.text.TextFolding;

/**
 * A name prepared for comparison: folded; in tokens with the Arabic article dropped (al-, el-, ash- ... as a token,
 * ال as a prefix); sorted for word-order-free equality; and as spelling keys per token and joined.
 */
final class NameForm {

    /** The article in its Latin spellings, assimilated forms included (ash-Shabab, ar-Rahman). */
    private static final Set<String> ARTICLES = Set.of("al", "el", "ul", "il", "ad", "adh", "an", "ar", "as", "ash",
            "at", "ath", "az", "ed", "en", "er", "es", "esh", "et", "ez");
    private static final String ARABIC_ARTICLE = "ال";
    private static final String ALLAH = "الله";

    final String folded;
    final boolean arabic;
    /** Folded tokens without the article, joined by one space. */
    final String stripped;
    /** The same tokens sorted, for word-order-free equality. */
    final String sortedStripped;
    /** Spelling key of each token without the article. */
    final String[] tokenKeys;
    /** Spelling key of every token, article included (equal to tokenKeys when there is no article). */
    final String[] fullTokenKeys;
    /** The token keys concatenated. */
    final String joinedKey;
    /** The keys of all tokens, article included, concatenated; equal to joinedKey when there is no article. */
    final String fullJoinedKey;
    /** Coarse skeletons of the tokens without the article, sorted: equal when names differ only in spelling. */
    final String skeleton;
    /** Whether any token had the article. */
    final boolean articled;
    /** Folded tokens without the article and without spaces, for plain edit distance. */
    final String compact;
    /** The tokens without the article in Latin letters ({@link SpellingKey#letters}), to break ties across scripts. */
    final String letters;

    private NameForm(String folded) {
        this.folded = folded;
        this.arabic = SpellingKey.isArabic(folded);
        String[] tokens = folded.isEmpty() ? new String[0] : folded.split(" ");
        List<String> kept = new ArrayList<>(tokens.length);
        StringBuilder fullKey = new StringBuilder();
        String[] fullKeys = new String[tokens.length];
        boolean hadArticle = false;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            fullKeys[i] = SpellingKey.of(t);
            fullKey.append(fullKeys[i]);
            if (ARTICLES.contains(t) && i + 1 < tokens.length || t.equals(ARABIC_ARTICLE)) {
                hadArticle = true;
                continue;
            }
            if (i + 1 < tokens.length && t.length() >= 6 && t.endsWith("at") && SpellingKey.isAscii(t)) {
                // the construct state (Munazzamat Badr, Harakat al-Nujaba): Arabic script writes the t as a final
                // teh marbuta, read as a
                kept.add(t.substring(0, t.length() - 1));
            } else if (t.startsWith(ARABIC_ARTICLE) && t.length() >= 4 && !t.equals(ALLAH)) {
                hadArticle = true;
                kept.add(t.substring(2));
            } else {
                kept.add(t);
            }
        }
        this.stripped = String.join(" ", kept);
        String[] sorted = kept.toArray(String[]::new);
        Arrays.sort(sorted);
        this.sortedStripped = String.join(" ", sorted);
        this.tokenKeys = new String[kept.size()];
        StringBuilder joined = new StringBuilder();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < tokenKeys.length; i++) {
            String latin = SpellingKey.toLatin(kept.get(i));
            tokenKeys[i] = SpellingKey.latin(latin);
            joined.append(tokenKeys[i]);
            letters.append(SpellingKey.letters(latin));
        }
        this.letters = letters.toString();
        this.joinedKey = joined.toString();
        String[] skeletons = new String[tokenKeys.length];
        for (int i = 0; i < tokenKeys.length; i++) {
            skeletons[i] = SpellingKey.coarse(tokenKeys[i]);
        }
        Arrays.sort(skeletons);
        this.skeleton = String.join(" ", skeletons);
        this.articled = hadArticle;
        this.fullJoinedKey = hadArticle ? fullKey.toString() : joinedKey;
        this.fullTokenKeys = hadArticle ? fullKeys : tokenKeys;
        this.compact = String.join("", kept);
    }

    static NameForm of(String name) {
        return new NameForm(TextFolding.fold(name == null ? "" : name));
    }

    boolean isEmpty() {
        return folded.isEmpty();
    }
}
