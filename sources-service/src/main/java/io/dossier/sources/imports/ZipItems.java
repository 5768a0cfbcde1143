package io.dossier.sources.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import io.dossier.common.problem.ProblemException;

/**
 * The files of a ZIP archive, each an item. Archives are checked before they are accepted ({@link #check}): entries
 * that would escape a directory ({@code ../}, absolute paths) and zip bombs (too many entries, too large once
 * expanded, implausible compression) refuse the whole archive. While reading, no entry may expand past the file
 * limit or the archive past its declared total, whatever its headers claim.
 */
final class ZipItems implements ItemReader {

    private static final long ONE_MB = 1 << 20;
    /**
     * Entry names not flagged as UTF-8 are read as IBM437, the ZIP default that Windows' archiver writes; it decodes
     * any byte, where the JDK's UTF-8 default refuses the whole archive.
     */
    private static final Charset NAMES = Charset.forName("IBM437");

    private final ZipFile zip;
    private final Enumeration<? extends ZipEntry> entries;
    private final long maxFileBytes;
    private final long maxExpandedBytes;
    private long expanded;
    private int position;

    ZipItems(Path archive, long maxFileBytes, long maxExpandedBytes) throws IOException {
        this.zip = new ZipFile(archive.toFile(), NAMES);
        this.entries = zip.entries();
        this.maxFileBytes = maxFileBytes;
        this.maxExpandedBytes = maxExpandedBytes;
    }

    /**
     * Checks an archive before it is accepted, and counts its files.
     *
     * @throws ProblemException 400 for an unreadable archive or an escaping path, 413 for a zip bomb
     */
    static int check(Path archive, ImportConfig config) {
        try (ZipFile zip = new ZipFile(archive.toFile(), NAMES)) {
            int files = 0;
            long declared = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (escapes(name)) {
                    throw new ProblemException(400, "The archive is refused: entry \"" + printable(name)
                            + "\" points outside the archive (absolute path or ../)");
                }
                if (entry.isDirectory() || ignored(name)) {
                    continue;
                }
                files++;
                if (files > config.maxItems()) {
                    throw new ProblemException(413, "The archive holds more than " + config.maxItems()
                            + " files; split it");
                }
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > 0) {
                    declared += size;
                }
                if (size > ONE_MB && compressed > 0 && size / compressed > config.maxCompressionRatio()) {
                    throw new ProblemException(413, "The archive is refused as a zip bomb: entry \""
                            + printable(name) + "\" expands " + size / compressed + " times");
                }
            }
            if (declared > config.maxExpandedBytes()) {
                throw new ProblemException(413, "The archive expands to " + declared + " bytes; the limit is "
                        + config.maxExpandedBytes());
            }
            return files;
        } catch (ZipException e) {
            throw new ProblemException(400, "The body is not a readable ZIP archive (corrupt, truncated or"
                    + " encrypted)");
        } catch (IOException e) {
            throw new ProblemException(400, "The body is not a readable ZIP archive");
        }
    }

    @Override
    public RawItem next(int after) throws IOException {
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory() || ignored(entry.getName())) {
                continue;
            }
            position++;
            if (position <= after) {
                continue;
            }
            return read(entry);
        }
        return null;
    }

    private RawItem read(ZipEntry entry) throws IOException {
        String name = printable(entry.getName());
        if (entry.getSize() > maxFileBytes) {
            return RawItem.failed(position, name, "The file is " + entry.getSize() + " bytes; the limit is "
                    + maxFileBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(entry.getSize(), ONE_MB)));
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                expanded += n;
                if (out.size() > maxFileBytes) {
                    return RawItem.failed(position, name, "The file expands past the limit of " + maxFileBytes
                            + " bytes (its header claims less)");
                }
                if (expanded > maxExpandedBytes) {
                    throw new ArchiveRefusedException("The archive expands past " + maxExpandedBytes
                            + " bytes (its headers claim less): stopped as a zip bomb");
                }
            }
        } catch (ZipException e) {
            return RawItem.failed(position, name, "The entry cannot be read from the archive (corrupt or"
                    + " encrypted)");
        }
        return new RawItem(position, name, out.toByteArray(), null);
    }

    /** Whether a name would land outside a directory it were extracted to. */
    static boolean escapes(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Files archivers add that are not documents: macOS resource forks and folder metadata. */
    private static boolean ignored(String name) {
        String path = name.replace('\\', '/');
        String base = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("__MACOSX/") || base.equals(".DS_Store") || base.equals("Thumbs.db");
    }

    static String printable(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        // the end of a long path is what tells the file: keep it
        return clean.length() > 500 ? "…" + clean.substring(clean.length() - 499) : clean;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** The archive turned out to be hostile while being read; the job stops. */
    static class ArchiveRefusedException extends IOException {
        ArchiveRefusedException(String message) {
            super(message);
        }
    }
}
