package io.dossier.sources.extraction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Which pages of a PDF have a text layer: a page with fewer than {@value #MIN_TEXT_LAYER} letters or digits is a
 * scan (maybe with a stray page number) and is read by OCR; the others keep their own text.
 */
public final class PdfTextLayers {

    public static final int MIN_TEXT_LAYER = 16;

    private PdfTextLayers() {
    }

    /** Each page's text layer, null where the page has none. */
    public static List<String> perPage(PDDocument pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            String text = stripper.getText(pdf);
            pages.add(letters(text) >= MIN_TEXT_LAYER ? text : null);
        }
        return pages;
    }

    /** How many pages have no text layer; 0 when the PDF cannot be opened (Tika has said why by then). */
    static int withoutText(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            return (int) perPage(pdf).stream().filter(p -> p == null).count();
        } catch (IOException | RuntimeException e) {
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
