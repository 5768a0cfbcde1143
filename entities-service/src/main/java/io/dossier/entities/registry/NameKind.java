package io.dossier.entities.registry;

public enum NameKind {
    PRIMARY, ALIAS, WEAK_ALIAS, ABBREVIATION, TRANSLITERATION, FORMER
}
