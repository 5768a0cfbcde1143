package io.dossier.names.discovery;

/**
 * A name found in a text that may belong in the registry: {@code start} and {@code end} are UTF-16 offsets in the
 * text, end exclusive; {@code name} is the name as written there, without a title, an article or a clinging
 * preposition, spaces collapsed and Arabic diacritics and tatweel dropped.
 */
public record SpottedName(String name, Type type, int start, int end) {

    /** The registry's entity types that names are spotted for. */
    public enum Type {
        PERSON, ORGANIZATION, LOCATION
    }

    /** The name with its type, as one value: {@code ORGANIZATION|Kataib Sayyid al-Shuhada}. */
    public String key() {
        return type + "|" + name;
    }

    /** The name and type of a {@link #key()}; null if it is not one. */
    public static SpottedName ofKey(String key) {
        int bar = key.indexOf('|');
        if (bar < 0 || bar == key.length() - 1) {
            return null;
        }
        try {
            return new SpottedName(key.substring(bar + 1), Type.valueOf(key.substring(0, bar)), 0, 0);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
