package io.dossier.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;

/**
 * The gateway's sampling: a share of the requests that come in, chosen at random, whatever the caller's trace context
 * says; the spans inside a request follow the request's decision.
 */
class EdgeSamplerTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static Context remoteParent(String traceId, boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(traceId, "00f067aa0ba902b7",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }

    private static Context localParent(boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.create(TRACE, "00f067aa0ba902b7",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }

    private static SamplingDecision decide(EdgeSampler sampler, Context parent, String traceId) {
        return sampler.shouldSample(parent, traceId, "GET /api/v1/search", SpanKind.SERVER, Attributes.empty(),
                List.of()).getDecision();
    }

    @Test
    void aCallersSampledFlagDoesNotMakeARequestTraced() {
        EdgeSampler none = new EdgeSampler(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(decide(none, remoteParent(TRACE, true), TRACE)).isEqualTo(SamplingDecision.DROP);
        }
        assertThat(decide(none, Context.root(), TRACE)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void everyRequestIsTracedAtRatioOneWhateverTheCallerSays() {
        EdgeSampler all = new EdgeSampler(1);
        assertThat(decide(all, remoteParent(TRACE, false), TRACE)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(all, Context.root(), TRACE)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }

    @Test
    void theSpansInsideARequestFollowItsDecision() {
        EdgeSampler half = new EdgeSampler(0.5);
        for (int i = 0; i < 100; i++) {
            assertThat(decide(half, localParent(true), TRACE)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
            assertThat(decide(half, localParent(false), TRACE)).isEqualTo(SamplingDecision.DROP);
        }
    }

    @Test
    void theShareIsTheRatioEvenForTraceIdsChosenToFallUnderIt() {
        EdgeSampler tenth = new EdgeSampler(0.1);
        // a trace id whose low half is 1: a sampler deciding by the trace id would take every such request
        String chosen = "00000000000000000000000000000001";
        int sampled = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            if (decide(tenth, remoteParent(chosen, true), chosen) == SamplingDecision.RECORD_AND_SAMPLE) {
                sampled++;
            }
        }
        // 2,000 expected; the standard deviation is 42
        assertThat(sampled).isBetween(1_700, 2_300);
    }

    @Test
    void ratiosOutsideZeroToOneAreClamped() {
        assertThat(decide(new EdgeSampler(7), Context.root(), TRACE)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(new EdgeSampler(-1), Context.root(), TRACE)).isEqualTo(SamplingDecision.DROP);
    }
}
