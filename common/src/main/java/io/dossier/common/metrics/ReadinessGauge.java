package io.dossier.common.metrics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * {@code dossier.ready}: 1 while the service's readiness checks pass (its database; for the search service
 * Elasticsearch too), else 0; what an alert on an unavailable dependency watches. The checks run every 15 seconds on
 * a thread of their own, not on the scrape (which must stay quick).
 */
@ApplicationScoped
class ReadinessGauge {

    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dossier-readiness-gauge");
        t.setDaemon(true);
        return t;
    });
    private volatile double ready = 1;

    void start(@Observes StartupEvent start, MeterRegistry registry, SmallRyeHealthReporter health) {
        Gauge.builder("dossier.ready", () -> ready)
                .description("1 while the readiness checks pass (the database, Elasticsearch where used), else 0")
                .register(registry);
        checker.scheduleWithFixedDelay(() -> {
            try {
                ready = health.getReadiness().isDown() ? 0 : 1;
            } catch (RuntimeException e) {
                Log.debugf("readiness not checked: %s", e.getMessage());
                ready = 0;
            }
        }, 5, 15, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        checker.shutdownNow();
    }
}
