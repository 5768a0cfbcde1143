package io.dossier.common.logging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * A log record as one line of JSON: {@code timestamp} (ISO 8601, UTC), {@code level}, {@code loggerName},
 * {@code threadName}, {@code message} (its parameters filled in), {@code mdc} (the trace and span ids of the request,
 * where there is one) and {@code exception} (the stack trace as text). The field names are JBoss LogManager's, which
 * the common log collectors know.
 */
final class JsonLineFormatter extends ExtFormatter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Override
    public String format(ExtLogRecord record) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator out = JSON.createGenerator(line)) {
            out.writeStartObject();
            out.writeStringField("timestamp", TIME.format(Instant.ofEpochMilli(record.getMillis())
                    .atOffset(ZoneOffset.UTC)));
            out.writeStringField("level", record.getLevel().getName());
            out.writeStringField("loggerName", record.getLoggerName());
            out.writeStringField("threadName", record.getThreadName());
            out.writeStringField("message", formatMessage(record));
            Map<String, String> mdc = record.getMdcCopy();
            if (mdc != null && !mdc.isEmpty()) {
                out.writeObjectFieldStart("mdc");
                for (Map.Entry<String, String> e : mdc.entrySet()) {
                    out.writeStringField(e.getKey(), e.getValue());
                }
                out.writeEndObject();
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                out.writeStringField("exception", trace.toString());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.append('\n').toString();
    }
}
