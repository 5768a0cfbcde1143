package io.dossier.entities.matching;

/**
 * What a name is to its entity. Weak aliases and abbreviations ("KH") are too short or too generic to match loosely:
 * they match only when the folded query equals them.
 */
public enum NameKind {
    PRIMARY, ALIAS, WEAK_ALIAS, ABBREVIATION, TRANSLITERATION, FORMER;

    /** Whether spelling variants of this name may match, or only the name itself (folded). */
    public boolean matchesLoosely() {
        return this != WEAK_ALIAS && this != ABBREVIATION;
    }
}
