package io.dossier.entities.registry;

import io.dossier.common.problem.ProblemException;

/** Our ETags are the quoted version number; If-Match compares them strongly (RFC 9110), so W/ never matches. */
public final class Versions {

    private Versions() {
    }

    /** The version an If-Match names, or null for {@code *} (any version). */
    public static Long of(String ifMatch) {
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
            try {
                return Long.parseLong(value.substring(1, value.length() - 1));
            } catch (NumberFormatException e) {
                // not one of ours: falls through to 412
            }
        }
        throw new ProblemException(412, "If-Match " + ifMatch + " is not a current ETag");
    }
}
