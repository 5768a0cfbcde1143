package io.dossier.sources.extraction.html;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient parsing of the date strings pages put in metadata; anything without a zone is taken as UTC. */
final class PublishedDates {

    private static final Pattern ISO_LIKE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?\\s*"
                    + "(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?");
    private static final Pattern SLASHED = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");

    private static final List<DateTimeFormatter> TEXTUAL = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            textual("EEE MMM d HH:mm:ss zzz yyyy"),
            textual("MMMM d, yyyy h:mm a"),
            textual("MMMM d, yyyy HH:mm"),
            textual("MMMM d, yyyy"),
            textual("MMM d, yyyy"),
            textual("d MMMM yyyy HH:mm"),
            textual("d MMMM yyyy"),
            textual("d MMM yyyy"),
            textual("EEEE, MMMM d, yyyy"),
            textual("EEE, d MMM yyyy"));

    private PublishedDates() {
    }

    private static DateTimeFormatter textual(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }

    /** @return the instant the string describes, or null when it is not a date we can read */
    static OffsetDateTime parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 80) {
            return null;
        }
        try {
            OffsetDateTime parsed = parseOrThrow(s);
            // placeholders such as 0001-01-01 say "no date"
            return parsed == null || parsed.getYear() < 1900 || parsed.getYear() > 2200 ? null : parsed;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static OffsetDateTime parseOrThrow(String s) {
        Matcher m = ISO_LIKE.matcher(s);
        if (m.lookingAt()) {
            return fromParts(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7),
                    m.group(8));
        }
        m = SLASHED.matcher(s);
        if (m.lookingAt()) {
            return fromParts(m.group(1), m.group(2), m.group(3), null, null, null, null, null);
        }
        if (EPOCH.matcher(s).matches()) {
            long value = Long.parseLong(s);
            long millis = s.length() == 13 ? value : value * 1000;
            return OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        }
        m = COMPACT.matcher(s);
        if (m.matches()) {
            return fromParts(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), null, "Z");
        }
        String cleaned = s.replaceAll("(\\d)(st|nd|rd|th)\\b", "$1").replaceAll("\\s+", " ").replace(" at ", " ");
        for (DateTimeFormatter f : TEXTUAL) {
            try {
                return fromTemporal(f.parse(cleaned));
            } catch (DateTimeParseException e) {
                // try the next shape
            }
        }
        return null;
    }

    private static OffsetDateTime fromTemporal(TemporalAccessor t) {
        if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
            return ZonedDateTime.from(t).toOffsetDateTime();
        }
        if (t.isSupported(ChronoField.HOUR_OF_DAY)) {
            return LocalDateTime.from(t).atOffset(ZoneOffset.UTC);
        }
        return LocalDate.from(t).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime fromParts(String year, String month, String day, String hour, String minute,
            String second, String fraction, String zone) {
        int nanos = 0;
        if (fraction != null) {
            String nineDigits = (fraction + "000000000").substring(0, 9);
            nanos = Integer.parseInt(nineDigits);
        }
        LocalDateTime local = LocalDateTime.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day),
                hour == null ? 0 : Integer.parseInt(hour), minute == null ? 0 : Integer.parseInt(minute),
                second == null ? 0 : Integer.parseInt(second), nanos);
        return local.atOffset(offset(zone));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z") || zone.equalsIgnoreCase("UTC")
                || zone.equalsIgnoreCase("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
