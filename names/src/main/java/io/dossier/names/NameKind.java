package io.dossier.names;

/**
 * What a name is to its entity: stored with each registered name, and read by matching and linking. Weak aliases and
 * abbreviations ("KH") are too short or too generic to match loosely: a query matches them only when its folded form
 * equals them, and a text links them only where it supports them.
 */
public enum NameKind {
    PRIMARY, ALIAS, WEAK_ALIAS, ABBREVIATION, TRANSLITERATION, FORMER;

    /**
     * Whether spelling variants of this name may match, or only the name itself (folded); and whether the name is
     * linked wherever it occurs in a text as whole words, or only where the text supports it.
     */
    public boolean matchesLoosely() {
        return this != WEAK_ALIAS && this != ABBREVIATION;
    }
}
