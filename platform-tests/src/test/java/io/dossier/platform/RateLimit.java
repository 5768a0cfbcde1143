package io.dossier.platform;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Tests that send many requests through the gateway wait out its per-caller rate limit rather than fail on a 429. */
final class RateLimit {

    private RateLimit() {
    }

    /** The first answer to {@code request} that is not a 429, asking again once a second (the bucket refills). */
    static HttpResponse<String> pastTheLimit(Supplier<HttpResponse<String>> request) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await("an answer other than 429 Too Many Requests").atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    last.set(request.get());
                    return last.get().statusCode() != 429;
                });
        return last.get();
    }
}
