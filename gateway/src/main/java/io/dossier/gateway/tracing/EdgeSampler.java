package io.dossier.gateway.tracing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Which requests the gateway traces: its own share of them, whatever the caller says. The gateway is where requests
 * come in from outside, so a caller's {@code traceparent} is kept for its trace id (the caller's span is the
 * parent: a trace that started in a caller's system continues here), but not for its decision to sample: with the
 * services' parent-based sampler, a "sampled" flag would make every service record and export every such request,
 * and anyone could fill the trace store. Here a request that comes in, with or without a trace context, is sampled
 * at random with the configured ratio ({@code DOSSIER_TRACES_RATIO}); not by its trace id, which the caller chooses
 * and could choose to fall under the ratio. The gateway's own spans inside a request (its calls to the services)
 * follow the request's decision, and the services follow the gateway's. Quarkus uses a CDI sampler in place of the
 * configured one.
 */
@Singleton
public class EdgeSampler implements Sampler {

    private final double ratio;

    public EdgeSampler(@ConfigProperty(name = "quarkus.otel.traces.sampler.arg", defaultValue = "0") double ratio) {
        this.ratio = Math.max(0, Math.min(1, ratio));
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        SpanContext parent = Span.fromContext(parentContext).getSpanContext();
        if (parent.isValid() && !parent.isRemote()) {
            return parent.isSampled() ? SamplingResult.recordAndSample() : SamplingResult.drop();
        }
        return ratio > 0 && ThreadLocalRandom.current().nextDouble() < ratio
                ? SamplingResult.recordAndSample()
                : SamplingResult.drop();
    }

    @Override
    public String getDescription() {
        return "EdgeSampler{ratio=" + ratio + ", callers' sampling flags ignored}";
    }
}
