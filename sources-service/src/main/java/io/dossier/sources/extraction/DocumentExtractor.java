package io.dossier.sources.extraction;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

import io.dossier.sources.extraction.html.HtmlArticle;
import io.dossier.sources.extraction.html.HtmlArticleExtractor;
import io.quarkus.logging.Log;

/**
 * Reads the text and metadata out of a file of any {@link DocumentFormat}: web pages through the article extractor
 * (main text only), plain text through the furniture cleaner, everything else through Apache Tika. A file that
 * cannot be read gives a failed {@link Extraction} with the reason, never an exception.
 */
@ApplicationScoped
public class DocumentExtractor {

    /** Longest text kept from one file, in characters (the same cap as a JSON ingest). */
    public static final int MAX_TEXT_CHARS = 5_000_000;
    private static final int MAX_TITLE = 1000;

    private final FormatDetector formats;
    private final LanguageDetector languages;
    private final HtmlArticleExtractor articles = new HtmlArticleExtractor();
    private final AutoDetectParser tika = new AutoDetectParser();

    public DocumentExtractor(FormatDetector formats, LanguageDetector languages) {
        this.formats = formats;
        this.languages = languages;
    }

    /**
     * @throws UnsupportedFormatException if the content is not of a format Dossier takes
     */
    public Extraction extract(byte[] content, String filename) {
        DocumentFormat format = formats.detect(content, filename);
        if (format.image()) {
            return new Extraction(format, "", null, List.of(), null, null, null, null, null, true);
        }
        Extraction read = switch (format) {
            case HTML -> html(content);
            case TEXT -> plainText(content);
            default -> withTika(format, content, filename);
        };
        if (read.failed()) {
            return read;
        }
        String text = read.text().strip();
        if (format == DocumentFormat.PDF && PdfTextLayers.withoutText(content) > 0) {
            // scanned pages: OCR reads them (the ingest decides whether it can), the text layer of the others kept
            return read.forOcr();
        }
        if (text.isEmpty()) {
            return Extraction.failed(format, "No text found in the " + format + " file");
        }
        String language = languages.detect(text).orElse(read.language());
        String title = title(read.title(), text, filename);
        return new Extraction(format, text, title, read.authors(), read.publishedAt(), read.url(), read.publisher(),
                language, null);
    }

    public Optional<String> language(String text) {
        return languages.detect(text);
    }

    /** Text read by OCR, cleaned like any extracted text (control characters, blank lines). */
    public static String tidy(String text) {
        return tidyLines(TextDecoding.clean(text));
    }

    /** The title a text without one gets: its first short line, else the file name. */
    public static String titleOf(String text, String filename) {
        return title(null, text, filename);
    }

    private Extraction html(byte[] content) {
        HtmlArticle article = articles.extract(TextDecoding.decode(content, true), null);
        return new Extraction(DocumentFormat.HTML, TextDecoding.clean(cap(article.text())), article.title(),
                article.authors(), article.publishedAt(), article.canonicalUrl(), article.publisher(),
                article.language(), null);
    }

    private Extraction plainText(byte[] content) {
        String text = PlainTextCleaner.clean(cap(TextDecoding.decode(content, false)));
        return new Extraction(DocumentFormat.TEXT, text, null, List.of(), null, null, null, null, null);
    }

    private Extraction withTika(DocumentFormat format, byte[] content, String filename) {
        Metadata metadata = new Metadata();
        if (filename != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        BodyContentHandler handler = new BodyContentHandler(MAX_TEXT_CHARS);
        ParseContext context = new ParseContext();
        // Tika would run Tesseract itself, inside the upload's request, wherever it is installed: OCR is Dossier's
        // own asynchronous work instead (package ocr)
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, noOcr);
        // Attachments of an e-mail and embedded documents are read too, into the same text.
        context.set(Parser.class, tika);
        try (TikaInputStream stream = TikaInputStream.get(content)) {
            tika.parse(stream, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            return Extraction.failed(format, "The " + format + " file is encrypted (password-protected);"
                    + " remove the protection and upload it again");
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                return unreadable(format, e);
            }
            Log.infof("Text of %s cut at %d characters", filename, MAX_TEXT_CHARS);
        } catch (TikaException | IOException | RuntimeException e) {
            if (e.getCause() instanceof EncryptedDocumentException) {
                return Extraction.failed(format, "The " + format + " file is encrypted (password-protected);"
                        + " remove the protection and upload it again");
            }
            return unreadable(format, e);
        } catch (StackOverflowError e) {
            // Deeply nested structures in a hostile file; the thread survives and the file is refused.
            return unreadable(format, new TikaException("structure nested too deeply"));
        }
        String text = tidyLines(TextDecoding.clean(handler.toString()));
        return new Extraction(format, text, first(metadata, TikaCoreProperties.TITLE), authors(metadata),
                date(metadata), null, null, languageCode(first(metadata, TikaCoreProperties.LANGUAGE)), null);
    }

    /**
     * A file the parser could not read: the reason in plain words. The parser's own complaint ("Missing root object
     * specification in trailer", "TIKA-198: Illegal IOException from ...Parser@1a2b") says nothing a user can act on
     * and is an engine's wording, so it goes to the log (with the exception) and not into the answer.
     */
    private static Extraction unreadable(DocumentFormat format, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Log.infof("Unreadable %s file: %s", format, root.toString().lines().findFirst().orElse(""));
        Log.debugf(e, "Unreadable %s file", format);
        return Extraction.failed(format, "The file could not be read as " + format + ": it is damaged, incomplete"
                + " or not a real " + format + " file. The original is kept.");
    }

    /** A document's declared language ("en-US", "English"...) as an ISO 639 code, or null when it is not one. */
    static String languageCode(String declared) {
        if (declared == null) {
            return null;
        }
        String code = declared.strip().split("[-_,;\\s]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return code.matches("[a-z]{2,3}") ? code : null;
    }

    private static String first(Metadata metadata, org.apache.tika.metadata.Property property) {
        String value = metadata.get(property);
        return value == null || value.isBlank() ? null : TextDecoding.clean(value).strip();
    }

    private static List<String> authors(Metadata metadata) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.addAll(Arrays.asList(metadata.getValues(TikaCoreProperties.CREATOR)));
        names.addAll(Arrays.asList(metadata.getValues(Office.AUTHOR)));
        List<String> authors = new ArrayList<>();
        for (String name : names) {
            String clean = TextDecoding.clean(name).strip();
            if (!clean.isEmpty() && clean.length() <= 300 && authors.size() < 50) {
                authors.add(clean);
            }
        }
        return authors;
    }

    private static OffsetDateTime date(Metadata metadata) {
        Date created = metadata.getDate(TikaCoreProperties.CREATED);
        if (created == null) {
            return null;
        }
        OffsetDateTime date = created.toInstant().atOffset(ZoneOffset.UTC);
        // Year 1 to 9999 only: what every client and the database can hold.
        return date.getYear() < 1 || date.getYear() > 9999 ? null : date;
    }

    /** The title found in the file; else its first short line; else the file name. */
    private static String title(String found, String text, String filename) {
        String title = found;
        if (title == null || title.isBlank()) {
            title = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            if (title.length() > 200) {
                title = filename != null ? filename : title.substring(0, 200).strip() + "…";
            }
        }
        title = title.replaceAll("\\s+", " ").strip();
        if (title.isEmpty()) {
            title = filename == null ? "Untitled" : filename;
        }
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
    }

    /** Trailing blanks off every line, at most one blank line in a row; linear, whatever the input. */
    static String tidyLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blanks = 0;
        for (String line : text.split("\n", -1)) {
            String kept = line.stripTrailing();
            if (kept.isEmpty()) {
                blanks++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blanks > 0 ? "\n\n" : "\n");
            }
            out.append(kept);
            blanks = 0;
        }
        return out.toString();
    }

    private static String cap(String text) {
        return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
    }
}
