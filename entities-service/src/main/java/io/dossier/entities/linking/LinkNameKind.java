package io.dossier.entities.linking;

/** How much a registered name can be trusted on its own when it turns up in a text. */
public enum LinkNameKind {
    /** Primary names, aliases and transliterations: linked wherever they occur as whole words. */
    STRONG,
    /** Weak aliases and abbreviations such as "KH": linked only where the text supports them. */
    WEAK
}
