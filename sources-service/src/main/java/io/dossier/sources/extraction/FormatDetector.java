package io.dossier.sources.extraction;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Tells what a file is from its bytes first (magic numbers, container contents) and its name second, the way Tika
 * does; what the client claims is not trusted.
 */
@ApplicationScoped
public class FormatDetector {

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    /**
     * @throws UnsupportedFormatException when the content is not one of the {@link DocumentFormat}s, not
     *         recognizable at all, or refused by the {@link ContentScreen} (a polyglot, a zip bomb)
     */
    public DocumentFormat detect(byte[] content, String filename) {
        if (content.length == 0) {
            throw new UnsupportedFormatException(null, "The file is empty");
        }
        MediaType type = detectType(content, filename);
        String base = type.getBaseType().toString();
        if (base.equals("application/x-tika-ooxml-protected")) {
            // A password-protected Word file: taken, so that it is kept and reported as encrypted.
            return DocumentFormat.DOCX;
        }
        if (base.equals("application/x-tika-msoffice") && filename != null
                && filename.toLowerCase().endsWith(".msg")) {
            return DocumentFormat.MSG;
        }
        if (base.equals(MediaType.OCTET_STREAM.toString())) {
            throw new UnsupportedFormatException(base, "The content is of no recognizable type."
                    + " Dossier takes HTML, PDF, Word (DOCX, DOC), ODT, RTF, e-mail (EML, MSG), plain text and images (PNG, JPEG, TIFF, GIF, WebP)");
        }
        DocumentFormat format = DocumentFormat.of(base).orElseThrow(() -> new UnsupportedFormatException(base,
                "Content of type " + base + " is not taken. Dossier takes HTML, PDF, Word (DOCX, DOC), ODT, RTF,"
                        + " e-mail (EML, MSG), plain text and images (PNG, JPEG, TIFF, GIF, WebP); send archives to /api/v1/imports"));
        ContentScreen.check(content, format);
        return format;
    }

    private MediaType detectType(byte[] content, String filename) {
        Metadata metadata = new Metadata();
        if (filename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            return detector.detect(stream, metadata);
        } catch (IOException | RuntimeException e) {
            // A container too broken to open is as good as unrecognizable.
            return MediaType.OCTET_STREAM;
        }
    }
}
