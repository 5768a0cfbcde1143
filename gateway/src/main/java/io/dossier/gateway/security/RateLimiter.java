package io.dossier.gateway.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.dossier.common.problem.Problem;
import io.dossier.gateway.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Calls to /api/v1/** per user or client (the token's principal): a token bucket per caller, {@code burst} deep,
 * refilled at {@code per-second}. Over it, 429 problem+json with Retry-After. Per gateway instance: with N replicas a
 * caller gets up to N times the rate, which the limit's size allows for.
 */
@ApplicationScoped
public class RateLimiter {

    /** Buckets untouched this long are dropped when the map grows. */
    private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;
    private static final int MAX_CALLERS = 100_000;

    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final Counter refused;

    public RateLimiter(GatewayConfig config, MeterRegistry registry) {
        this.perSecond = config.rateLimit().perSecond();
        this.burst = config.rateLimit().burst();
        this.refused = Counter.builder("dossier.gateway.rate.limited")
                .description("Calls and pages refused for going over the caller's rate limit (429)").register(registry);
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    /**
     * What a caller has left after a call: the bucket's depth, the whole calls left in it, the seconds until it is
     * full again, and for a refused call the seconds to wait (0 when the call may go on).
     */
    public record Quota(int limit, long remaining, long reset, long retryAfter) {

        public boolean allowed() {
            return retryAfter == 0;
        }

        /** The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers), and Retry-After when refused. */
        public Response.ResponseBuilder headers(Response.ResponseBuilder response) {
            headers(response::header);
            return response;
        }

        /** The same fields, to any kind of answer. */
        public void headers(java.util.function.BiConsumer<String, String> header) {
            header.accept("RateLimit-Limit", Integer.toString(limit));
            header.accept("RateLimit-Remaining", Long.toString(remaining));
            header.accept("RateLimit-Reset", Long.toString(reset));
            if (!allowed()) {
                header.accept("Retry-After", Long.toString(retryAfter));
            }
        }
    }

    /** Takes one call from the caller's bucket; null when there is no limit. */
    public Quota take(String caller) {
        if (perSecond <= 0) {
            return null;
        }
        long now = System.nanoTime();
        if (buckets.size() > MAX_CALLERS) {
            buckets.values().removeIf(b -> now - b.last > IDLE_NANOS);
        }
        Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(burst, now));
        double tokens;
        long retryAfter = 0;
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.last) / 1e9 * perSecond);
            bucket.last = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
            } else {
                retryAfter = Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
            }
            tokens = bucket.tokens;
        }
        return new Quota(burst, (long) Math.floor(tokens), (long) Math.ceil((burst - tokens) / perSecond),
                retryAfter);
    }

    /** The 429 answer for a refused call. */
    public Response refusal(Quota quota) {
        refused.increment();
        return quota.headers(Response.fromResponse(Problem.of(429, "Too many requests: at most " + fmt(perSecond)
                + " a second (bursts of " + burst + ") for each user or client; retry in " + quota.retryAfter()
                + " s").toResponse())).build();
    }

    /** Null when the call may go on; otherwise the 429 answer. */
    public Response check(String caller) {
        Quota quota = take(caller);
        return quota == null || quota.allowed() ? null : refusal(quota);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
