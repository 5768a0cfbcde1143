package io.dossier.sources.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * The Tesseract program, run once per page image: {@code tesseract <image> <out> -l <languages>}, one thread each
 * (OMP_THREAD_LIMIT=1, so the number of workers bounds the cores OCR takes), at a lower scheduling priority
 * ({@code nice}), killed when over its time budget. The
 * program and its language models come from Debian's packages (tesseract-ocr, -ara, -fas, -eng).
 */
@ApplicationScoped
public class Tesseract {

    /** ISO 639-1 codes Dossier stores, and the Tesseract models that read them. */
    static final Map<String, String> MODELS = Map.of("ar", "ara", "fa", "fas", "en", "eng");
    /**
     * What a first pass reads a page as when its language is not known: Arabic, Persian and English at once (the
     * Persian model gives Persian letters their own shapes, which tells the two languages apart).
     */
    static final String FIRST_PASS = "ara+fas+eng";

    private final OcrConfig config;
    private volatile Optional<List<String>> languages;

    public Tesseract(OcrConfig config) {
        this.config = config;
    }

    /** A page that could not be read, with the reason in plain words. */
    public static class PageFailure extends Exception {

        PageFailure(String message) {
            super(message);
        }
    }

    /** Tesseract could not be run here now (not startable, temporary files unwritable): nothing wrong with the page. */
    public static class Unavailable extends Exception {

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether OCR is on and the program answers (asked once). */
    public boolean available() {
        return config.enabled() && installedLanguages().isPresent();
    }

    /** The language models installed, or empty when the program is missing. */
    public Optional<List<String>> installedLanguages() {
        Optional<List<String>> known = languages;
        if (known == null) {
            known = listLanguages();
            languages = known;
        }
        return known;
    }

    private Optional<List<String>> listLanguages() {
        Path out = null;
        try {
            out = Files.createTempFile("dossier-ocr-", ".langs");
            Process process = new ProcessBuilder(config.command(), "--list-langs").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                Log.warnf("OCR is off: %s --list-langs failed", config.command());
                return Optional.empty();
            }
            List<String> models = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> l.matches("[a-z_]+")).toList();
            Log.infof("OCR with %s, language models: %s", config.command(), String.join(", ", models));
            return Optional.of(models);
        } catch (IOException e) {
            Log.warnf("OCR is off: %s is not installed (%s)", config.command(), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            delete(out);
        }
    }

    /**
     * The Tesseract model for a language code (ISO 639-1, or Tesseract's own for the languages Dossier reads, "+"
     * joining several), if installed.
     */
    public Optional<String> model(String language) {
        if (language == null || language.isBlank()) {
            return Optional.empty();
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        String model = MODELS.getOrDefault(code, code);
        List<String> installed = installedLanguages().orElse(List.of());
        for (String part : model.split("\\+")) {
            if (!MODELS.containsValue(part) || !installed.contains(part)) {
                return Optional.empty();
            }
        }
        return Optional.of(model);
    }

    /**
     * Reads one page image (any format Leptonica reads: PNG, JPEG, TIFF, GIF, WebP) as {@code languages}.
     *
     * @throws PageFailure when the program fails or takes longer than {@code budget}
     * @throws Unavailable when the program cannot be run here now
     */
    public String read(Path image, String languages, Duration budget)
            throws PageFailure, Unavailable, InterruptedException {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("dossier-ocr-", ".txt");
            err = Files.createTempFile("dossier-ocr-", ".err");
            // heavy noise removal in line finding: without it Tesseract 5.3 drops whole short lines of Persian text
            // (measured by bench/ocr; English and Arabic read the same either way)
            List<String> command = new java.util.ArrayList<>();
            if (config.niceness() > 0) {
                command.addAll(List.of("nice", "-n", Integer.toString(Math.min(19, config.niceness()))));
            }
            command.addAll(List.of(config.command(), image.toString(), "stdout", "-l", languages, "--psm", "3", "-c",
                    "textord_heavy_nr=1"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            boolean ended;
            try {
                ended = process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // a shutdown: the program goes with the worker
                process.destroyForcibly();
                throw e;
            }
            if (!ended) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new PageFailure("took longer than " + budget.toSeconds() + " s to read (the budget per page)");
            }
            if (process.exitValue() != 0) {
                String why = Files.readString(err, StandardCharsets.UTF_8).lines()
                        .filter(l -> l.contains("rror") || l.contains("annot")).findFirst().orElse("").strip();
                throw new PageFailure("could not be read as an image" + (why.isEmpty() ? "" : " (" + fit(why) + ")"));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Unavailable("OCR did not run: " + e.getMessage(), e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static String fit(String why) {
        return why.length() > 200 ? why.substring(0, 200) + "…" : why;
    }

    private static void delete(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                Log.debugf("temporary file %s not deleted: %s", path, e.getMessage());
            }
        }
    }
}
