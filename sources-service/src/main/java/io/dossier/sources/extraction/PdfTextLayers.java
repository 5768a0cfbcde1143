package io.dossier.sources.extraction;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Which pages of a PDF have a text layer: a page with fewer than {@value #MIN_TEXT_LAYER} letters or digits is a
 * scan (maybe with a stray page number) and is read by OCR; the others keep their own text.
 */
public final class PdfTextLayers {

    public static final int MIN_TEXT_LAYER = 16;

    private PdfTextLayers() {
    }

    /** Each page's text layer, null where the page has none; one pass over the document. */
    public static List<String> perPage(PDDocument pdf) throws IOException {
        PageTexts stripper = new PageTexts();
        stripper.writeText(pdf, stripper.out);
        List<String> pages = new ArrayList<>(stripper.pages.size());
        for (String text : stripper.pages) {
            pages.add(letters(text) >= MIN_TEXT_LAYER ? text : null);
        }
        return pages;
    }

    /** The stripper's output cut at each page's start and end (its per-page range would walk the pages each time). */
    private static final class PageTexts extends PDFTextStripper {

        final StringWriter out = new StringWriter();
        final List<String> pages = new ArrayList<>();
        private int start;

        @Override
        protected void startPage(PDPage page) throws IOException {
            super.startPage(page);
            start = out.getBuffer().length();
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            super.endPage(page);
            pages.add(out.getBuffer().substring(start));
        }
    }

    /** How many pages have no text layer; 0 when the PDF cannot be opened (Tika has said why by then). */
    static int withoutText(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            return (int) perPage(pdf).stream().filter(p -> p == null).count();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return 0;
        }
    }

    private static int letters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
