package io.dossier.sources.extraction;

import java.util.Locale;
import java.util.Optional;

/** The formats Dossier ingests, each with the media type it is stored under; images are read by OCR. */
public enum DocumentFormat {
    HTML("text/html"), PDF("application/pdf"), DOCX(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), DOC("application/msword"), ODT(
                    "application/vnd.oasis.opendocument.text"), RTF("application/rtf"), EML(
                            "message/rfc822"), MSG("application/vnd.ms-outlook"), TEXT("text/plain"), PNG(
                                    "image/png"), JPEG("image/jpeg"), TIFF(
                                            "image/tiff"), GIF("image/gif"), WEBP("image/webp");

    private final String mediaType;

    DocumentFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** An image: its text comes from OCR only. */
    public boolean image() {
        return mediaType.startsWith("image/");
    }

    /** The format of a detected media type (parameters ignored), if Dossier takes it. */
    public static Optional<DocumentFormat> of(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon);
        }
        type = type.strip();
        return Optional.ofNullable(switch (type) {
            case "text/html", "application/xhtml+xml" -> HTML;
            case "application/pdf" -> PDF;
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> DOCX;
            case "application/msword" -> DOC;
            case "application/vnd.oasis.opendocument.text" -> ODT;
            case "application/rtf", "text/rtf" -> RTF;
            case "message/rfc822" -> EML;
            case "application/vnd.ms-outlook" -> MSG;
            case "image/png" -> PNG;
            case "image/jpeg", "image/pjpeg" -> JPEG;
            case "image/tiff" -> TIFF;
            case "image/gif" -> GIF;
            case "image/webp" -> WEBP;
            // Markdown, CSV, logs and the like are read as the plain text they are.
            default -> type.startsWith("text/") ? TEXT : null;
        });
    }
}
