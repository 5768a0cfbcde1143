package io.dossier.sources.imports;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dossier.sources.imports")
public interface ImportConfig {

    /** Where uploaded archives and streams wait until their job is done; must survive a restart to resume. */
    Path spoolDir();

    /** Largest archive or stream taken, in bytes (413 above it). */
    @WithDefault("2147483648")
    long maxBytes();

    /** Most bytes an archive may expand to, declared or actual: the zip-bomb guard (413 above it). */
    @WithDefault("8589934592")
    long maxExpandedBytes();

    /** Highest compression ratio taken for an entry over 1 MB; real documents stay far below it. */
    @WithDefault("200")
    int maxCompressionRatio();

    /** Most items in one import. */
    @WithDefault("200000")
    int maxItems();

    /** How often each instance looks for unfinished jobs to take over (0: only at start). */
    @WithDefault("30s")
    java.time.Duration resumeInterval();

    /** Items stored per transaction. */
    @WithDefault("100")
    int batchSize();
}
