package io.dossier.sources.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Documents of every format Dossier takes, made in the test from text written for the test. */
public final class SampleFiles {

    public static final String SENTENCE = "The brigade announced a new commander after the strike near the border"
            + " crossing.";

    private SampleFiles() {
    }

    public static byte[] html() {
        return """
                <!DOCTYPE html>
                <html lang="en"><head>
                <meta charset="utf-8">
                <title>Brigade names a new commander | Example Monitor</title>
                <link rel="canonical" href="https://monitor.example.org/2025/03/brigade-commander">
                <meta property="og:site_name" content="Example Monitor">
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Brigade names a new commander",
                  "datePublished":"2025-03-14T09:00:00+03:00","author":[{"@type":"Person","name":"Lina Haddad"}]}</script>
                </head><body>
                <nav><a href="/">Home</a> <a href="/iraq">Iraq</a> <a href="/syria">Syria</a> <a href="/about">About us</a></nav>
                <article>
                <h1>Brigade names a new commander</h1>
                <p>%s It said the appointment had been agreed weeks before, according to a statement posted on its
                channels late on Thursday.</p>
                <p>Local officials, speaking on condition of anonymity, said the new commander had led the group's
                logistics for several years, and that his deputy would keep the northern sector.</p>
                <p>Analysts said the change was unlikely to alter the group's posture in the short term, though it
                could affect its relations with rival factions in the capital.</p>
                </article>
                <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
                <aside class="related"><h3>Related</h3><ul><li><a href="/a">Another story entirely</a></li></ul></aside>
                <footer>Copyright Example Monitor. All rights reserved. Privacy policy.</footer>
                </body></html>
                """
                .formatted(SENTENCE).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] pdf(String text, boolean encrypted) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Quarterly militia activity report");
            info.setAuthor("Omar Saleh");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(2024, Calendar.JUNE, 2, 10, 30, 0);
            info.setCreationDate(created);
            if (encrypted) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] docx(String text) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.createParagraph().createRun().setText("A second paragraph gives the background of the group.");
            document.getProperties().getCoreProperties().setTitle("Notes on the northern sector");
            document.getProperties().getCoreProperties().setCreator("Sara Karim");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal OpenDocument text: the mimetype entry first and stored, then content and metadata. */
    public static byte[] odt(String text) {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                <office:body><office:text><text:p>%s</text:p></office:text></office:body></office:document-content>
                """.formatted(text);
        String meta = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                  xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">
                <office:meta><dc:title>Field notes from Diyala</dc:title><dc:creator>Yusuf Amin</dc:creator></office:meta>
                </office:document-meta>
                """;
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            entry(zip, "content.xml", content.getBytes(StandardCharsets.UTF_8));
            entry(zip, "meta.xml", meta.getBytes(StandardCharsets.UTF_8));
            entry(zip, "META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] rtf(String text) {
        return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}{\\info{\\title Brief on the crossing}"
                + "{\\author Nadia Farouk}}\\f0\\fs24 " + text + "\\par}").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] eml(String text) {
        return ("From: Karim Aziz <karim@example.org>\r\n"
                + "To: desk@example.org\r\n"
                + "Subject: Report from the checkpoint\r\n"
                + "Date: Tue, 4 Mar 2025 08:15:00 +0000\r\n"
                + "Message-ID: <report-1@example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n"
                + text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A real DOCX with one more part that expands to {@code expanded} bytes of zeros: what is sent is about a
     * thousandth of that (a zip bomb dressed as a document).
     */
    public static byte[] docxBomb(long expanded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out);
                java.util.zip.ZipInputStream real = new java.util.zip.ZipInputStream(
                        new java.io.ByteArrayInputStream(docx(SENTENCE)))) {
            for (ZipEntry e = real.getNextEntry(); e != null; e = real.getNextEntry()) {
                entry(zip, e.getName(), real.readAllBytes());
            }
            zip.putNextEntry(new ZipEntry("word/media/padding.bin"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < expanded; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code first} and {@code second} one after the other, as one file. */
    public static byte[] concat(byte[] first, byte[] second) {
        byte[] out = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    public static byte[] zip(Object... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                entry(zip, (String) namesAndContents[i], (byte[]) namesAndContents[i + 1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
