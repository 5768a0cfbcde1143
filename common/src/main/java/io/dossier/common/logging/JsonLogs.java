package io.dossier.common.logging;

import java.util.logging.Handler;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

import io.quarkus.runtime.StartupEvent;

/**
 * One JSON object per log line on the console, for a log collector ({@code dossier.log.format=json}, the default of
 * the production profile): time, level, logger, thread, message, the exception with its frames, and the MDC with
 * the request's {@code traceId} and {@code spanId} ({@link JsonLineFormatter}). The Quarkus extension that would do
 * this is not available to this build (docs/decisions.md), and JBoss LogManager's own JSON formatter cannot see a
 * JSON library from where it is loaded, so the formatter is ours, put on the console handler as the application
 * starts: the lines of the first second (Quarkus's own start) stay in the text format.
 */
@ApplicationScoped
public class JsonLogs {

    void switchTo(@Observes @Priority(Integer.MIN_VALUE) StartupEvent started,
            @ConfigProperty(name = "dossier.log.format", defaultValue = "text") String format) {
        if (!"json".equalsIgnoreCase(format.strip())) {
            return;
        }
        for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
            useJson(handler);
        }
    }

    private static void useJson(Handler handler) {
        if (handler instanceof ConsoleHandler console) {
            console.setFormatter(new JsonLineFormatter());
        } else if (handler instanceof ExtHandler wrapper) {
            // Quarkus wraps its handlers (the delayed handler that holds the lines logged before it was ready)
            for (Handler inner : wrapper.getHandlers()) {
                useJson(inner);
            }
        }
    }
}
