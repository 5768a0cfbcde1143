package io.dossier.common.problem;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * An RFC 9457 problem detail, the body of every error answer in Dossier; {@code traceId} (an extension member) names
 * the trace of the request that failed, as the logs and the tracing backend know it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
        @Schema(description = "The W3C trace id of the request, as in the service's logs and traces") String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String detail) {
        return new Problem(null, reason(status), status, detail, null, List.of(), currentTrace());
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, errors, traceId);
    }

    public Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, instance, errors, traceId);
    }

    /** The trace the current request belongs to, or null outside one. */
    static String currentTrace() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
