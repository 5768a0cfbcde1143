package io.dossier.sources.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.junit.jupiter.api.Test;

import io.dossier.common.text.TextFolding;
import io.dossier.sources.extraction.DocumentFormat;
import io.dossier.testinfra.PageImages;

/**
 * OCR's character error rate and speed (`bench/ocr`): a page of our own text in English, Arabic and Persian
 * (src/test/resources/ocr), rendered in Noto fonts and damaged the way scans and shared photos are, read by Tesseract
 * as the service reads it (one thread a page). CER is the edit distance from the text to what OCR read, over the
 * text's length, with runs of white space counted as one space; "folded" compares the forms search and linking see
 * (case, diacritics, Arabic letter forms folded). Not part of `./mvnw verify` (not named *Test); OcrTest is its smoke
 * run.
 */
class OcrBenchmark {

    /** Each damage a page can have: a name, and the page at 300 or 150 dpi turned into the bytes uploaded. */
    record Condition(String name, int dpi, DocumentFormat format, Function<BufferedImage, byte[]> damage) {
    }

    static final List<Condition> CONDITIONS = List.of(
            new Condition("300 dpi clean", 300, DocumentFormat.PNG, PageImages::png),
            new Condition("150 dpi clean", 150, DocumentFormat.PNG, PageImages::png),
            new Condition("300 dpi noise 2%", 300, DocumentFormat.PNG, p -> PageImages.png(PageImages.noise(p, 0.02,
                    7))),
            new Condition("300 dpi skew 2°", 300, DocumentFormat.PNG, p -> PageImages.png(PageImages.skew(p, 2))),
            new Condition("300 dpi JPEG q0.3", 300, DocumentFormat.JPEG, p -> PageImages.jpeg(p, 0.3f)),
            new Condition("150 dpi noise+skew+JPEG", 150, DocumentFormat.JPEG,
                    p -> PageImages.jpeg(PageImages.skew(PageImages.noise(p, 0.01, 11), 1.5), 0.5f)),
            new Condition("scanned PDF (200 dpi JPEG page)", 200, DocumentFormat.PDF, OcrBenchmark::scannedPdf));

    static final Map<String, String> LANGUAGES = new LinkedHashMap<>(
            Map.of("en", "eng", "ar", "ara", "fa", "fas"));

    @Test
    void characterErrorRateAndSpeed() throws Exception {
        Tesseract tesseract = new Tesseract(config());
        assertThat(tesseract.available()).as("tesseract installed (Debian: tesseract-ocr, -ara, -fas)").isTrue();
        OcrRunner runner = new OcrRunner(null, tesseract, config(), null);
        Map<String, Double> clean300 = new LinkedHashMap<>();
        System.out.printf("ocr cer: %-32s %-9s %8s %8s %8s %6s%n", "condition", "language", "CER", "folded", "chars",
                "s");
        for (String language : List.of("en", "ar", "fa")) {
            String text = resource(language);
            boolean rtl = !language.equals("en");
            for (Condition condition : CONDITIONS) {
                BufferedImage page = PageImages.page(text, rtl, condition.dpi());
                byte[] upload = condition.damage().apply(page);
                long start = System.nanoTime();
                String read = read(tesseract, upload, condition.format(), LANGUAGES.get(language));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cer = cer(normal(text), normal(read));
                double folded = cer(TextFolding.fold(normal(text)), TextFolding.fold(normal(read)));
                System.out.printf("ocr cer: %-32s %-9s %7.2f%% %7.2f%% %8d %6.2f%n", condition.name(), language,
                        100 * cer, 100 * folded, normal(text).length(), seconds);
                if (condition.name().equals("300 dpi clean")) {
                    clean300.put(language, cer);
                }
            }
        }
        // the language no one named: the first pass picks the model
        for (String language : List.of("en", "ar", "fa")) {
            Path image = Files.createTempFile("bench", ".png");
            try {
                Files.write(image, PageImages.png(PageImages.page(resource(language), !language.equals("en"), 300)));
                String first = tesseract.read(image, Tesseract.FIRST_PASS, Duration.ofMinutes(2));
                System.out.printf("ocr first pass: %s page read as %s%n", language, runner.language(first,
                        new io.dossier.sources.extraction.LanguageDetector().detect(first).orElse(null)));
            } finally {
                Files.delete(image);
            }
        }
        // throughput: clean 300 dpi pages, one worker (one Tesseract process at a time)
        int pages = 0;
        long start = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            for (String language : List.of("en", "ar", "fa")) {
                byte[] png = PageImages.png(PageImages.page(resource(language), !language.equals("en"), 300));
                read(tesseract, png, DocumentFormat.PNG, LANGUAGES.get(language));
                pages++;
            }
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        System.out.printf("ocr throughput: %d pages (300 dpi, A4, en/ar/fa) in %.1f s: %.1f pages a minute on one"
                + " worker%n", pages, minutes * 60, pages / minutes);
        assertThat(clean300.get("en")).as("clean 300 dpi English").isLessThan(0.05);
        assertThat(clean300.get("ar")).as("clean 300 dpi Arabic").isLessThan(0.05);
    }

    /**
     * For `bench/ocr --during-ingest`: {@code dossier.bench.pages} pages of the three texts, each unique (a number
     * on it), as PNG files in {@code dossier.bench.dir}, named after their language.
     */
    @Test
    void writePages() throws IOException {
        int count = Integer.getInteger("dossier.bench.pages", 0);
        Path dir = Path.of(System.getProperty("dossier.bench.dir", "target/ocr-pages"));
        Files.createDirectories(dir);
        List<String> languages = List.of("en", "ar", "fa");
        long run = System.currentTimeMillis() % 1_000_000;
        for (int i = 0; i < count; i++) {
            String language = languages.get(i % 3);
            String text = resource(language) + "\nRef " + run + "-" + i;
            Files.write(dir.resolve(language + "-" + i + ".png"),
                    PageImages.png(PageImages.page(text, !language.equals("en"), 300)));
        }
        assertThat(Files.list(dir).count()).isGreaterThanOrEqualTo(count);
    }

    /** What the worker reads out of an upload: every page, as the service reads it. */
    static String read(Tesseract tesseract, byte[] upload, DocumentFormat format, String model) throws Exception {
        List<String> texts = new ArrayList<>();
        try (OcrPages pages = OcrPages.open(upload, format, config())) {
            for (int i = 0; i < pages.count(); i++) {
                Path image = pages.image(i);
                try {
                    texts.add(tesseract.read(image, model, Duration.ofMinutes(2)));
                } finally {
                    Files.deleteIfExists(image);
                }
            }
        }
        return String.join("\n", texts);
    }

    static byte[] scannedPdf(BufferedImage page) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage pdfPage = new PDPage(PDRectangle.A4);
            document.addPage(pdfPage);
            try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                content.drawImage(JPEGFactory.createFromImage(document, page, 0.6f), 0, 0,
                        PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String normal(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Levenshtein distance over code points, divided by the reference's length. */
    static double cer(String reference, String hypothesis) {
        int[] a = reference.codePoints().toArray();
        int[] b = hypothesis.codePoints().toArray();
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return a.length == 0 ? 0 : (double) previous[b.length] / a.length;
    }

    static String resource(String language) throws IOException {
        try (InputStream in = OcrBenchmark.class.getResourceAsStream("/ocr/" + language + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    static OcrConfig config() {
        return new OcrConfig() {
            public boolean enabled() {
                return true;
            }

            public String command() {
                return "tesseract";
            }

            public int workers() {
                return 1;
            }

            public int niceness() {
                return 0;
            }

            public Duration pageBudget() {
                return Duration.ofMinutes(2);
            }

            public Duration documentBudget() {
                return Duration.ofMinutes(15);
            }

            public int maxPages() {
                return 300;
            }

            public long maxPixels() {
                return 40_000_000;
            }

            public int dpi() {
                return 300;
            }

            public Duration pollInterval() {
                return Duration.ofSeconds(10);
            }

            public Map<String, String> collectionLanguages() {
                return Map.of();
            }
        };
    }
}
