package io.dossier.sources.extraction;

/** The content is of a type Dossier does not take, or of no recognizable type at all. */
public class UnsupportedFormatException extends RuntimeException {

    private final String detectedType;

    public UnsupportedFormatException(String detectedType, String message) {
        super(message);
        this.detectedType = detectedType;
    }

    public String detectedType() {
        return detectedType;
    }
}
