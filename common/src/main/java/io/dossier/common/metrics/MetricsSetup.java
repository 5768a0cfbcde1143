package io.dossier.common.metrics;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * What every service's metrics share: the HTTP server's timers (per route and status) and the domain's own
 * ({@code dossier.*}) publish histogram buckets, so latency quantiles can be computed across replicas in Prometheus
 * ({@code histogram_quantile}), between 1 ms and 2 minutes.
 */
@Singleton
public class MetricsSetup {

    static final String DOMAIN = "dossier.";

    @Produces
    @Singleton
    MeterFilter histograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                boolean timed = id.getType() == Meter.Type.TIMER || id.getType() == Meter.Type.LONG_TASK_TIMER;
                if (timed && (id.getName().startsWith("http.server.requests") || id.getName().startsWith(DOMAIN))) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true)
                            .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                            .maximumExpectedValue((double) Duration.ofMinutes(2).toNanos()).build().merge(config);
                }
                return config;
            }
        };
    }
}
