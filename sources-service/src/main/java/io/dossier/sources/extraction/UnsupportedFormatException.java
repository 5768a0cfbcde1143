package io.dossier.sources.extraction;

/**
 * The content is of a type Dossier does not take, of no recognizable type at all (415), or refused by the
 * {@link ContentScreen} (415 for a polyglot, 413 for a document that expands too far). Nothing is stored.
 */
public class UnsupportedFormatException extends RuntimeException {

    private final int status;
    private final String detectedType;

    public UnsupportedFormatException(String detectedType, String message) {
        this(415, detectedType, message);
    }

    public UnsupportedFormatException(int status, String detectedType, String message) {
        super(message);
        this.status = status;
        this.detectedType = detectedType;
    }

    /** The HTTP status that answers an upload of it. */
    public int status() {
        return status;
    }

    public String detectedType() {
        return detectedType;
    }
}
