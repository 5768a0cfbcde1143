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

    /** The key that binds the pages' form tokens (CSRF) to a sign-in; by default the session encryption secret. */
    String csrfKey();

    /** Whether the gateway's own cookies (the CSRF token's) are Secure: true in production (HTTPS). */
    @WithDefault("false")
    boolean secureCookies();

    /**
     * The address browsers and integrators use for the gateway (scheme, host, port; no path), e.g.
     * {@code https://dossier.example.org}. Locations relayed from the services are built from it, never from the
     * request's Host header.
     */
    java.net.URI publicUrl();

    RateLimit rateLimit();

    /** Calls to /api/v1/** per user or client: a token bucket refilled at {@code perSecond}, {@code burst} deep. */
    interface RateLimit {
        /** 0 turns the limit off. */
        @WithDefault("50")
        double perSecond();

        @WithDefault("300")
        int burst();
    }
}
