package io.dossier.gateway;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dossier.gateway")
public interface GatewayConfig {

    /**
     * Which service owns which API: the first segment after {@code /api/v1/} → that service's base URL, e.g.
     * {@code sources → http://localhost:8081}.
     */
    Map<String, String> routes();

    /** How long a forwarded API call may take before the gateway answers 504. */
    @WithDefault("30s")
    Duration timeout();
}
