package io.dossier.sources.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.common.problem.ProblemException;

/**
 * Keeps an import's input on disk until its job is done, so the request returns at once and a restart resumes the
 * job. Input is checked as it is accepted: its size, and for an archive its entries.
 */
@ApplicationScoped
public class ImportSpool {

    private final ImportConfig config;

    public ImportSpool(ImportConfig config) {
        this.config = config;
    }

    /** Accepted input: where it waits, and how many items it holds. */
    public record Spooled(Path path, int items) {
    }

    /**
     * Spools and checks a body.
     *
     * @throws ProblemException 400 for unreadable or empty input, 413 for input over a limit
     */
    public Spooled accept(InputStream body, UUID id, ImportFormat format) {
        Path file = copy(body, id, format);
        try {
            int items = format == ImportFormat.ZIP ? ZipItems.check(file, config) : JsonLines.count(file);
            if (items == 0) {
                throw ProblemException.badRequest(format == ImportFormat.ZIP
                        ? "The archive holds no files"
                        : "The stream holds no lines");
            }
            if (items > config.maxItems()) {
                throw new ProblemException(413, "The input holds " + items + " items; the limit is "
                        + config.maxItems());
            }
            return new Spooled(file, items);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("counting the spooled lines", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** Copies the body to the spool directory, refusing it (413) as soon as it passes the limit. */
    private Path copy(InputStream body, UUID id, ImportFormat format) {
        Path file;
        try {
            Files.createDirectories(config.spoolDir());
            file = config.spoolDir().resolve(id + (format == ImportFormat.ZIP ? ".zip" : ".jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException("creating the spool directory", e);
        }
        long copied = 0;
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = read(in, buffer, file)) > 0) {
                copied += n;
                if (copied > config.maxBytes()) {
                    throw new ProblemException(413, "The body is larger than the limit of " + config.maxBytes()
                            + " bytes; split it");
                }
                out.write(buffer, 0, n);
            }
        } catch (ProblemException e) {
            delete(file);
            throw e;
        } catch (IOException e) {
            // writing failed: the disk, not the client
            delete(file);
            throw new UncheckedIOException("spooling an import to " + file, e);
        }
        return file;
    }

    /** Reads from the client; a broken upload is the client's problem (400), not ours. */
    private static int read(InputStream in, byte[] buffer, Path file) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            delete(file);
            throw ProblemException.badRequest("The body could not be read to its end");
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray spool file only costs disk space
        }
    }
}
