package io.dossier.sources.source;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.dossier.common.problem.ProblemException;

/** Dates given as text (form fields): ISO 8601 with an offset, or a plain date taken as midnight UTC. */
public final class Dates {

    private Dates() {
    }

    public static OffsetDateTime parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime date;
        try {
            date = value.strip().length() == 10
                    ? LocalDate.parse(value.strip()).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO 8601 date such as 2025-03-14 or 2025-03-14T09:00:00Z");
        }
        int utcYear = date.withOffsetSameInstant(ZoneOffset.UTC).getYear();
        if (utcYear < 1 || utcYear > 9999) {
            throw invalid(field, "year must be between 1 and 9999");
        }
        return date;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalidField(field, message);
    }
}
