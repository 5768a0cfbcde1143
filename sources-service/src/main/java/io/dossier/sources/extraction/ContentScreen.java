package io.dossier.sources.extraction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Refuses files built to fool a reader, after detection and before any parser sees them:
 * <ul>
 * <li>polyglots, one file that is two formats at once: a ZIP archive (a central directory) behind a file that is not
 * ZIP-based (a PDF or page with a JAR appended), a PDF header inside the first kilobyte of a file that is something
 * else (PDF readers look for it there; a PDF with other content before its header is one too), or HTML/SVG markup in the first kilobyte of a binary document (what a
 * browser's sniffing looks at);</li>
 * <li>ZIP-based documents (DOCX, ODT) that expand far past their size: zip bombs dressed as documents.</li>
 * </ul>
 * OLE2 files (DOC, MSG) may carry archives as attachments, so they are not checked for an appended ZIP.
 */
final class ContentScreen {

    /** PDF readers accept the header anywhere in the first 1,024 bytes; browsers sniff about as far. */
    static final int HEADER_WINDOW = 1024;
    /** A ZIP-based document may expand to 100 times its size, and at least 16 MB, at most 256 MB. */
    static final long EXPANSION_RATIO = 100;
    static final long MIN_EXPANDED = 16L << 20;
    static final long MAX_EXPANDED = 256L << 20;
    static final int MAX_ENTRIES = 10_000;

    private static final Set<DocumentFormat> ZIP_BASED = EnumSet.of(DocumentFormat.DOCX, DocumentFormat.ODT);
    private static final Set<DocumentFormat> OLE2 = EnumSet.of(DocumentFormat.DOC, DocumentFormat.MSG);
    /** Checked for markup in the first kilobyte; not OLE2, whose first sector may hold a message's HTML body. */
    private static final Set<DocumentFormat> BINARY = EnumSet.of(DocumentFormat.PDF, DocumentFormat.DOCX,
            DocumentFormat.ODT, DocumentFormat.PNG, DocumentFormat.JPEG, DocumentFormat.TIFF, DocumentFormat.GIF,
            DocumentFormat.WEBP);
    private static final java.util.regex.Pattern PDF_HEADER = java.util.regex.Pattern.compile("(?m)^%PDF-\\d\\.\\d");
    /** What may precede a PDF's header without making it something else: white space, NULs, a byte order mark. */
    private static final java.util.regex.Pattern PADDING = java.util.regex.Pattern
            .compile("[\\s\\x00\u00ef\u00bb\u00bf]*");
    private static final String[] ACTIVE_MARKUP = {"<script", "<html", "<svg", "<iframe", "<object", "<embed",
            "<body"};

    private ContentScreen() {
    }

    /** @throws UnsupportedFormatException (415 for a polyglot, 413 for a container that expands too far) */
    static void check(byte[] content, DocumentFormat format) {
        if (!ZIP_BASED.contains(format) && !OLE2.contains(format) && hasZipDirectory(content)) {
            throw polyglot(format, "a ZIP archive");
        }
        String head = new String(content, 0, Math.min(content.length, HEADER_WINDOW), StandardCharsets.ISO_8859_1);
        int pdf = head.indexOf("%PDF-");
        if (format != DocumentFormat.PDF && pdf > 0 && PDF_HEADER.matcher(head).find() && endsLikePdf(content)) {
            // a PDF header on a line of its own and a PDF trailer at the end: a reader opens it as a PDF
            throw polyglot(format, "a PDF document");
        }
        if (format == DocumentFormat.PDF && pdf > 0 && !PADDING.matcher(head.substring(0, pdf)).matches()) {
            // taken as PDF because readers look for the header that far in; what comes first is another format
            throw polyglot(format, "something else before its PDF header (" + describe(head.substring(0, pdf))
                    + ")");
        }
        if (BINARY.contains(format)) {
            String lower = head.toLowerCase(Locale.ROOT);
            for (String markup : ACTIVE_MARKUP) {
                if (lower.contains(markup)) {
                    throw polyglot(format, "an HTML page (" + markup + ">)");
                }
            }
        }
        if (ZIP_BASED.contains(format)) {
            expansion(content, format);
        }
    }

    /** Whether the last 2 KB hold a PDF trailer ({@code %%EOF}). */
    private static boolean endsLikePdf(byte[] content) {
        int from = Math.max(0, content.length - 2048);
        return new String(content, from, content.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    /** The first bytes of a prefix, printable, for the refusal's reason. */
    private static String describe(String prefix) {
        String shown = prefix.replaceAll("[^\\x20-\\x7e]", "?").strip();
        return "\"" + (shown.length() > 20 ? shown.substring(0, 20) + "…" : shown) + "\"";
    }

    private static UnsupportedFormatException polyglot(DocumentFormat format, String other) {
        return new UnsupportedFormatException(415, format.mediaType(), "The file is refused as a polyglot: it reads as "
                + format + " and also as " + other + ". Save it again as a plain " + format + " file");
    }

    /**
     * Whether the bytes end in a ZIP end-of-central-directory record whose central directory is really there (right
     * before it, as any unzip finds it even when the archive was appended to other content).
     */
    static boolean hasZipDirectory(byte[] content) {
        int from = Math.max(0, content.length - 22 - 65_535);
        for (int at = content.length - 22; at >= from; at--) {
            if (content[at] == 'P' && content[at + 1] == 'K' && content[at + 2] == 5 && content[at + 3] == 6) {
                long size = le32(content, at + 12);
                long start = at - size;
                if (size >= 46 && start >= 0 && content[(int) start] == 'P' && content[(int) start + 1] == 'K'
                        && content[(int) start + 2] == 1 && content[(int) start + 3] == 2) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Inflates the container without keeping anything, and stops as soon as it expands past its allowance. */
    private static void expansion(byte[] content, DocumentFormat format) {
        long allowed = Math.min(MAX_EXPANDED, Math.max(MIN_EXPANDED, EXPANSION_RATIO * content.length));
        long expanded = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries = count(entries, format);
                expanded = drain(zip, expanded, allowed, buffer, format, content.length);
            }
            return;
        } catch (IOException e) {
            // entries this reader cannot stream (stored with a data descriptor, ZIP64...): read them through the
            // central directory instead, as the parser will
        }
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile
                .builder().setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(
                        content))
                .get()) {
            entries = 0;
            expanded = 0;
            for (var entry : java.util.Collections.list(zip.getEntries())) {
                entries = count(entries, format);
                try (var in = zip.getInputStream(entry)) {
                    expanded = drain(in, expanded, allowed, buffer, format, content.length);
                }
            }
        } catch (IOException e) {
            // not a readable container at all: the parser reports what is wrong with it
        }
    }

    private static int count(int entries, DocumentFormat format) {
        if (entries + 1 > MAX_ENTRIES) {
            throw new UnsupportedFormatException(413, format.mediaType(), "The " + format + " file holds more than "
                    + MAX_ENTRIES + " parts: refused as a zip bomb");
        }
        return entries + 1;
    }

    /** Reads {@code in} to its end, adding to {@code expanded}; refuses once the total passes {@code allowed}. */
    private static long drain(java.io.InputStream in, long expanded, long allowed, byte[] buffer,
            DocumentFormat format, int sent) throws IOException {
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            expanded += n;
            if (expanded > allowed) {
                throw new UnsupportedFormatException(413, format.mediaType(), "The " + format + " file expands past "
                        + allowed / (1 << 20) + " MB (" + sent + " bytes sent): refused as a zip bomb");
            }
        }
        return expanded;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }
}
