package io.dossier.common.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem. Nothing internal (class names, stack
 * traces, SQL) ever reaches the caller: unexpected errors are logged with an id that the answer quotes.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problem.of(e.status(), e.getMessage()).withInstance(path(uri)).withErrors(e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            // the JSON body reader wraps parse errors
            return malformedJson(json, uri);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a path or query parameter does not convert; it is the caller's input
            return Problem.of(400, "Invalid parameter value").withInstance(path(uri)).toResponse();
        }
        Response.ResponseBuilder answer = Response.fromResponse(e.getResponse()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, plainWords(status, e)).withInstance(path(uri)));
        return answer.build();
    }

    /**
     * What the REST layer's own exceptions say, in plain words: their messages are the framework's ("Unable to find
     * matching target resource method"), never for a reader.
     */
    static String plainWords(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not take this kind of request";
            case 406 -> "This address cannot answer in the format asked for (Accept)";
            case 415 -> "This address does not take a body of this type (Content-Type)";
            default -> Problem.reason(status);
        };
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .collect(Collectors.joining("; "));
        return Problem.of(400, detail).withInstance(path(uri)).withErrors(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail;
        if (e instanceof JsonParseException parse && parse.getLocation() != null) {
            detail = "Malformed JSON at line %d, column %d".formatted(parse.getLocation().getLineNr(),
                    parse.getLocation().getColumnNr());
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            detail = "Invalid value for field '" + field + "'";
        } else {
            detail = "Malformed JSON body";
        }
        return Problem.of(400, detail).withInstance(path(uri)).toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "A valid bearer token is required").withInstance(path(uri))).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(403, "Your roles do not allow this request").withInstance(path(uri)).toResponse();
    }

    /**
     * A request body that ended early or is not the multipart it says it is (the HTTP layer fails while reading it):
     * the client's mistake, not ours.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, UriInfo uri) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("multipart") || message.contains("Connection terminated")
                || message.contains("Unexpected end")) {
            return Problem.of(400, "The request body could not be read (incomplete or not what its Content-Type "
                    + "says)").withInstance(path(uri)).toResponse();
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            // PostgreSQL restarting, failing over or out of reach: the pool reconnects by itself; the caller retries
            Log.warnf(e, "Database unavailable on %s: %s", path(uri), rootMessage(e));
            return Response.fromResponse(Problem.of(503, "The database is unavailable at the moment; try again "
                    + "shortly").withInstance(path(uri)).toResponse()).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        String id = Long.toHexString(System.nanoTime());
        Log.errorf(e, "Unexpected error %s on %s", id, path(uri));
        return Problem.of(500, "Unexpected error (reference " + id + ")").withInstance(path(uri)).toResponse();
    }

    /**
     * Whether {@code e} comes from losing the database rather than from a fault of ours: a connection error (SQLState
     * class 08), the server shutting down or starting up (57P01-57P03), or the pool finding no live connection in
     * time.
     */
    static boolean databaseUnavailable(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08P01 is a protocol violation: a fault on our side, not the database going away
                if (state != null && ((state.startsWith("08") && !state.equals("08P01"))
                        || state.matches("57P0[123]"))) {
                    return true;
                }
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && depth < 20; depth++) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** "create.request.title" → "title", "changes.limit" → "limit": drop the method and the body parameter. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new java.util.ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.METHOD) {
                names.add(node.getName());
            }
        }
        if (names.size() > 1) {
            names.remove(0);
        }
        return names.isEmpty() ? violation.getPropertyPath().toString() : String.join(".", names);
    }
}
