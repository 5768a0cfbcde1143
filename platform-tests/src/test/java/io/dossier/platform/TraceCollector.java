package io.dossier.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * An OpenTelemetry collector for the tests: it takes what the services export by OTLP over HTTP (protobuf) and keeps
 * the spans in memory, so a test can ask what one trace went through.
 */
final class TraceCollector {

    /** One span as exported: the service that made it, its trace, its parent, its name, kind and attributes. */
    record Span(String service, String traceId, String spanId, String parentId, String name, String kind,
            Map<String, String> attributes) {
    }

    private final List<Span> spans = new ArrayList<>();
    private HttpServer server;

    synchronized int start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test collector", e);
            }
            server.createContext("/", this::receive);
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "trace-collector");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        }
        return server.getAddress().getPort();
    }

    /** Every span received so far. */
    synchronized List<Span> all() {
        return List.copyOf(spans);
    }

    /** The spans of one trace received so far. */
    synchronized List<Span> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            List<Span> received = new ArrayList<>();
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = attributes(resource.getResource().getAttributesList()).get("service.name");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (io.opentelemetry.proto.trace.v1.Span s : scope.getSpansList()) {
                        received.add(new Span(service, hex(s.getTraceId().toByteArray()),
                                hex(s.getSpanId().toByteArray()), hex(s.getParentSpanId().toByteArray()), s.getName(),
                                s.getKind().name(), attributes(s.getAttributesList())));
                    }
                }
            }
            synchronized (this) {
                spans.addAll(received);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        } catch (IOException | RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        } finally {
            exchange.close();
        }
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        Map<String, String> out = new TreeMap<>();
        for (KeyValue kv : values) {
            var v = kv.getValue();
            out.put(kv.getKey(), v.hasStringValue()
                    ? v.getStringValue()
                    : v.hasIntValue()
                            ? Long.toString(v.getIntValue())
                            : v.hasBoolValue() ? Boolean.toString(v.getBoolValue()) : v.toString().strip());
        }
        return out;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
