package io.dossier.common.problem;

/**
 * Thrown by service code to answer with a problem detail; the message becomes the {@code detail} and must be fit for
 * the caller to read.
 */
public class ProblemException extends RuntimeException {

    private final int status;

    public ProblemException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
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
