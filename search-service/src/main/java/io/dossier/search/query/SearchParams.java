package io.dossier.search.query;

import java.time.LocalDate;
import java.util.List;

/**
 * What a search asks for, validated by the resource; dateInterval is a CalendarInterval constant name; {@code strict}:
 * a query that is not valid syntax is refused (400) rather than read as words.
 */
record SearchParams(String q, boolean exact, boolean strict, List<String> entities, List<String> entityTypes,
        List<String> publishers, List<String> languages, List<String> collections, List<String> tags,
        LocalDate from, LocalDate to, String sort, String dateInterval, String cursor, int offset, int size) {
}
