package io.dossier.common.http;

import io.dossier.common.problem.ProblemException;

/** Our ETags are a version number in quotes; what an If-Match header asks for. */
public final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version an If-Match names, or null for {@code *} (any version). If-Match uses strong comparison (RFC 9110),
     * so a weak {@code W/} tag, or any tag not ours, never matches: 412, naming {@code what} ("this source").
     */
    public static Long version(String ifMatch, String what) {
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
        throw new ProblemException(412, "If-Match " + ifMatch + " is not a current ETag of " + what);
    }
}
