package io.dossier.entities.ftm;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and pace of FtM imports. */
@ConfigMapping(prefix = "dossier.entities.ftm")
public interface FtmImportConfig {

    /** Most lines in one import (413 above it). */
    @WithDefault("2000000")
    int maxLines();

    /** Largest upload, in bytes (413 above it). */
    @WithDefault("2147483648")
    long maxBytes();

    /** Lines kept together in the database while the upload waits for its job. */
    @WithDefault("2000")
    int chunkLines();

    /** Entity lines written per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How often each instance looks for unfinished imports to take over (0: only at start). */
    @WithDefault("30s")
    Duration resumeInterval();

    /** An upload still being received after this long is given up (its instance stopped during it). */
    @WithDefault("6h")
    Duration receiveTimeout();
}
