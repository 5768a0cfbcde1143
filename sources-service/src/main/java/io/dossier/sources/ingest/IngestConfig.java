package io.dossier.sources.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dossier.sources.ingest")
public interface IngestConfig {

    /** Largest file taken by an upload or inside an archive, in bytes; larger ones get 413 (or fail the item). */
    @WithDefault("52428800")
    long maxFileBytes();
}
