package io.dossier.sources.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import io.dossier.sources.extraction.DocumentFormat;
import io.dossier.sources.extraction.PdfTextLayers;

/**
 * A document cut into pages for OCR: an image (one page, or each frame of a TIFF), or a PDF whose pages are taken
 * from their text layer where they have one and rendered for OCR where they do not. Everything that could make
 * decoding explode is checked from headers before any pixel is decoded: the pixels a page (or an image in a PDF page)
 * declares, and the number of pages to read ({@link Refused}, {@link #tooMany}).
 */
final class OcrPages implements AutoCloseable {

    /** Below this resolution a page is not worth reading: a PDF page so large it would need less is refused. */
    static final int MIN_DPI = 70;

    /** A document OCR will not read, with the reason in plain words; decided before decoding. */
    static final class Refused extends Exception {

        Refused(String message) {
            super(message);
        }
    }

    private final OcrConfig config;
    private final byte[] content;
    private final DocumentFormat format;
    /** The text layer of each page, null where the page needs OCR. */
    private final List<String> textLayers = new ArrayList<>();
    private PDDocument pdf;
    private ImageReader reader;
    private ImageInputStream input;

    private OcrPages(OcrConfig config, byte[] content, DocumentFormat format) {
        this.config = config;
        this.content = content;
        this.format = format;
    }

    /** Opens a document and checks it; nothing is decoded yet. */
    static OcrPages open(byte[] content, DocumentFormat format, OcrConfig config) throws Refused {
        OcrPages pages = new OcrPages(config, content, format);
        try {
            if (format == DocumentFormat.PDF) {
                pages.openPdf();
            } else if (format == DocumentFormat.WEBP) {
                pages.openWebp();
            } else if (format.image()) {
                pages.openImage();
            } else {
                throw new Refused("A " + format + " file is not read by OCR");
            }
        } catch (Refused e) {
            pages.close();
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a parser's complaint about a malformed file, or a structure nested too deeply
            pages.close();
            throw new Refused("The " + format + " file could not be opened for OCR (corrupt or malformed)");
        }
        return pages;
    }

    /** Why the document is not read by OCR at all, decided before decoding: too many pages to read; else null. */
    String tooMany() {
        int toRead = ocrCount();
        return toRead <= config.maxPages()
                ? null
                : "The document has " + toRead + " pages to read by OCR; at most " + config.maxPages()
                        + " are read in one document. Split it and upload the parts";
    }

    /** Whether some pages have a text layer of their own (a PDF that mixes typed and scanned pages). */
    boolean hasTextLayer() {
        return textLayers.stream().anyMatch(t -> t != null);
    }

    int count() {
        return textLayers.size();
    }

    /** How many pages need OCR. */
    int ocrCount() {
        return (int) textLayers.stream().filter(t -> t == null).count();
    }

    /** The page's text layer, or null when it needs OCR. */
    String textLayer(int page) {
        return textLayers.get(page);
    }

    /**
     * The page as an image file for Tesseract (a temporary file the caller deletes).
     *
     * @throws Refused when the page cannot be decoded (corrupt, truncated)
     */
    Path image(int page) throws Refused, IOException {
        if (format == DocumentFormat.PDF) {
            return write(renderPdfPage(page));
        }
        if (reader == null) {
            // one image Tesseract reads as it is: no decoding here at all
            Path file = Files.createTempFile("dossier-ocr-", "." + format.name().toLowerCase());
            try {
                Files.write(file, content);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        }
        BufferedImage decoded;
        try {
            decoded = reader.read(page);
        } catch (IOException | RuntimeException e) {
            throw new Refused("Page " + (page + 1) + " of the image could not be decoded (corrupt or truncated)");
        } catch (OutOfMemoryError e) {
            // within max-pixels, yet more than this instance's memory holds beside its other work
            throw new Refused("Page " + (page + 1) + " of the image is too large to decode on this installation");
        }
        return write(decoded);
    }

    private void openImage() throws Refused {
        try {
            input = ImageIO.createImageInputStream(new ByteArrayInputStream(content));
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new Refused("The image could not be read: its format is not recognized (corrupt?)");
            }
            reader = readers.next();
            reader.setInput(input, false, true);
            // GIF frames are an animation, not pages: the first is read
            int frames = format == DocumentFormat.TIFF ? reader.getNumImages(true) : 1;
            if (frames > config.maxPages()) {
                throw new Refused("The image has " + frames + " pages; at most " + config.maxPages()
                        + " are read in one document. Split it and upload the parts");
            }
            for (int i = 0; i < frames; i++) {
                checkPixels(i, reader.getWidth(i), reader.getHeight(i));
                textLayers.add(null);
            }
            if (frames == 1 && format != DocumentFormat.TIFF) {
                reader.dispose();
                reader = null; // Tesseract reads the file as it is
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("The image could not be read (corrupt or truncated): its header is unreadable");
        }
    }

    private void openWebp() throws Refused {
        int[] size = WebpHeader.size(content);
        if (size == null) {
            throw new Refused("The WebP image could not be read (corrupt or truncated): its header is unreadable");
        }
        checkPixels(0, size[0], size[1]);
        textLayers.add(null);
    }

    private void checkPixels(int page, long width, long height) throws Refused {
        if (width <= 0 || height <= 0) {
            throw new Refused("Page " + (page + 1) + " of the image declares no size (corrupt)");
        }
        if (width * height > config.maxPixels()) {
            throw new Refused("Page " + (page + 1) + " of the image declares " + width + " × " + height
                    + " pixels; OCR reads at most " + config.maxPixels() / 1_000_000 + " million pixels a page "
                    + "(refused before decoding)");
        }
    }

    private void openPdf() throws Refused {
        try {
            pdf = Loader.loadPDF(content);
        } catch (IOException e) {
            throw new Refused("The PDF could not be opened for OCR (corrupt or malformed)");
        }
        try {
            textLayers.addAll(PdfTextLayers.perPage(pdf));
        } catch (IOException | RuntimeException e) {
            throw new Refused("The PDF's pages could not be read (corrupt or malformed)");
        }
    }

    /** A PDF page at the configured resolution, or lower when that would exceed the pixels a page may have. */
    private BufferedImage renderPdfPage(int page) throws Refused, IOException {
        PDPage pdfPage;
        PDRectangle box;
        try {
            pdfPage = pdf.getPage(page);
            box = pdfPage.getCropBox();
            checkImages(page, pdfPage);
        } catch (RuntimeException e) {
            throw new Refused("Page " + (page + 1) + " of the PDF could not be read (corrupt or malformed)");
        }
        double inches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        int dpi = config.dpi();
        if (inches * dpi * dpi > config.maxPixels()) {
            dpi = (int) Math.floor(Math.sqrt(config.maxPixels() / inches));
        }
        if (dpi < MIN_DPI) {
            throw new Refused("Page " + (page + 1) + " of the PDF is too large to read (" + Math.round(box.getWidth())
                    + " × " + Math.round(box.getHeight()) + " points)");
        }
        try {
            return new PDFRenderer(pdf).renderImageWithDPI(page, dpi, ImageType.GRAY);
        } catch (IOException | RuntimeException e) {
            throw new Refused("Page " + (page + 1) + " of the PDF could not be rendered (corrupt or malformed)");
        } catch (OutOfMemoryError e) {
            throw new Refused("Page " + (page + 1) + " of the PDF is too large to render on this installation");
        }
    }

    /**
     * The images a page draws, checked from their dictionaries before the renderer decodes them at full size: one
     * declaring more than {@code max-pixels} refuses the page (a bomb inside a PDF).
     */
    private void checkImages(int page, PDPage pdfPage) throws Refused, IOException {
        PDResources resources = pdfPage.getResources();
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image
                    && (long) image.getWidth() * image.getHeight() > config.maxPixels()) {
                throw new Refused("Page " + (page + 1) + " of the PDF holds an image of " + image.getWidth() + " × "
                        + image.getHeight() + " pixels; OCR reads at most " + config.maxPixels() / 1_000_000
                        + " million pixels a page (refused before decoding)");
            }
        }
    }

    private static Path write(BufferedImage image) throws IOException {
        Path file = Files.createTempFile("dossier-ocr-", ".png");
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.dispose();
        }
        try {
            if (input != null) {
                input.close();
            }
            if (pdf != null) {
                pdf.close();
            }
        } catch (IOException e) {
            // in memory: nothing to release
        }
    }
}
