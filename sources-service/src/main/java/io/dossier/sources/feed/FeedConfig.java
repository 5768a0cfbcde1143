package io.dossier.sources.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dossier.sources.feed")
public interface FeedConfig {

    /**
     * A feed page stops growing once the texts it carries pass this many bytes (it always holds at least one entry),
     * so a batch of large sources never overwhelms a consumer or a bulk request.
     */
    @WithDefault("8388608")
    long maxPageBytes();
}
