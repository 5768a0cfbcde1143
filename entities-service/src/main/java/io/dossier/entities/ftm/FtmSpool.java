package io.dossier.entities.ftm;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.common.problem.ProblemException;

/**
 * Takes an FtM upload into PostgreSQL as it arrives, in chunks of lines, so a file of any length costs the service
 * one chunk of memory and any instance can work the job. Counts its lines and bytes against the limits on the way.
 */
@ApplicationScoped
public class FtmSpool {

    /** Bytes after which a chunk is closed early. */
    static final int CHUNK_BYTES = 4 << 20;

    private final FtmImportStore store;
    private final FtmImportConfig config;

    public FtmSpool(FtmImportStore store, FtmImportConfig config) {
        this.store = store;
        this.config = config;
    }

    /**
     * Receives the body into a new job, queued once all of it is in.
     *
     * @throws ProblemException 400 for an empty or unreadable body, 413 for one over the limits (nothing kept)
     */
    public FtmImportJob accept(InputStream body, String user) {
        FtmImportJob job = store.receive(user);
        try {
            Counting in = new Counting(body, config.maxBytes());
            LineReader lines = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                    FtmImport.MAX_LINE_CHARS);
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            int number = 0;
            int first = 1;
            int inChunk = 0;
            boolean any = false;
            String line;
            while ((line = read(lines)) != null) {
                number++;
                if (number > config.maxLines()) {
                    throw new ProblemException(413, "More than " + config.maxLines() + " lines: split the file and "
                            + "import the parts one after another (entities before the relationships that name "
                            + "them)");
                }
                any |= !line.isBlank();
                chunk.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                chunk.write('\n');
                inChunk++;
                if (inChunk == config.chunkLines() || chunk.size() >= CHUNK_BYTES) {
                    store.addChunk(job.id, new FtmImportStore.Chunk(first, inChunk, chunk.toByteArray()));
                    first = number + 1;
                    inChunk = 0;
                    chunk.reset();
                }
            }
            if (!any) {
                throw ProblemException.badRequest("The body holds no lines");
            }
            if (inChunk > 0) {
                store.addChunk(job.id, new FtmImportStore.Chunk(first, inChunk, chunk.toByteArray()));
            }
            return store.received(job.id, number, in.count);
        } catch (RuntimeException e) {
            store.discard(job.id);
            throw e;
        }
    }

    private static String read(LineReader lines) {
        try {
            return lines.next();
        } catch (ProblemException e) {
            throw e;
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read to its end");
        }
    }

    /** Counts the bytes read, refusing (413) past the limit. */
    private static final class Counting extends FilterInputStream {
        private final long max;
        long count;

        Counting(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > max) {
                throw new ProblemException(413, "The body is larger than the limit of " + max + " bytes; split it");
            }
        }
    }
}
