package io.dossier.audit;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dossier.audit")
public interface AuditConfig {

    /** How long an event is kept; older ones are deleted by the retention job (default about 13 months). */
    @WithDefault("400d")
    Duration retention();

    /** How often the retention job runs. */
    @WithDefault("6h")
    Duration purgeEvery();

    /**
     * Collections whose reading is not recorded: those every reader may read. Reads of documents in any other
     * collection are (creating, changing and deleting are recorded in every collection).
     */
    @WithDefault("open")
    Set<String> openCollections();
}
