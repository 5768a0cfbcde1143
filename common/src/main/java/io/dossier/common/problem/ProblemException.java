package io.dossier.common.problem;

import java.util.List;

/**
 * Thrown by service code to answer with a problem detail; the message becomes the {@code detail} and must be fit for
 * the caller to read.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String detail) {
        this(status, detail, List.of());
    }

    public ProblemException(int status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    /** The input fields at fault, if the problem is with particular ones. */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "Invalid " + field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, detail);
    }
}
