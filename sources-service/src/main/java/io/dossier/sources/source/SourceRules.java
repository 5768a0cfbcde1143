package io.dossier.sources.source;

/** The shapes of the fields every way of ingesting or editing a source checks alike. */
public final class SourceRules {

    public static final String COLLECTION = "[a-z0-9][a-z0-9-]{0,63}";
    public static final String COLLECTION_MESSAGE = "must be lower-case letters, digits and dashes";
    /** Letters of any script, digits, and a few joiners; no spaces at the ends. */
    public static final String TAG = "[\\p{L}\\p{N}][\\p{L}\\p{N} _.:/-]{0,62}[\\p{L}\\p{N}]|[\\p{L}\\p{N}]";
    public static final String TAG_MESSAGE = "must be 1-64 letters, digits, spaces or _ . : / - (starting and ending with a letter or digit)";
    public static final String LANGUAGE = "[a-z]{2,3}";
    public static final String LANGUAGE_MESSAGE = "must be an ISO 639 code such as en, ar or fa";

    private SourceRules() {
    }
}
