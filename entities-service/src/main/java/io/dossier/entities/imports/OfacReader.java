package io.dossier.entities.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.dossier.common.problem.ProblemException;
import io.dossier.entities.registry.EntityRequest;
import io.dossier.entities.registry.EntityRequest.NameRequest;
import io.dossier.entities.registry.EntityType;
import io.dossier.entities.registry.ExternalId;
import io.dossier.names.NameKind;

/**
 * Reads the OFAC SDN list in its published CSV layout: {@code sdn.csv} (ent_num, name, type, program, title, vessel
 * fields..., remarks) and {@code alt.csv} (ent_num, alt_num, type aka/fka/nka, name, remarks). {@code -0-} is empty.
 * Individuals become persons, entities organizations; vessels and aircraft are left out. Remarks give birth dates,
 * places and nationalities, and the "Linked To:" ties.
 */
final class OfacReader {

    static final String SCHEME = "ofac";
    private static final Pattern DOB = Pattern.compile("(?:^|; )DOB ([^;]+)");
    private static final Pattern POB = Pattern.compile("(?:^|; )POB ([^;]+)");
    private static final Pattern NATIONALITY = Pattern.compile("(?:^|; )[Nn]ationality ([^;]+)");
    private static final Pattern LINKED = Pattern.compile("Linked To: ([^;]+?)\\.?(?:;|$)");

    private OfacReader() {
    }

    /** The list's records (RFC 4180 CSV, no header line); a file that is not CSV is refused in plain words. */
    private static List<List<String>> records(Reader in, String field) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(in)) {
            return parser.stream().map(CSVRecord::toList).toList();
        } catch (CSVException e) {
            throw notCsv(field, e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException invalid) {
                throw notCsv(field, invalid);
            }
            throw e;
        }
    }

    private static ProblemException notCsv(String field, CSVException e) {
        return ProblemException.badRequest("The field `" + field + "` is not a CSV file as OFAC publishes it: "
                + e.getMessage());
    }

    /** What was read, and how many entries were left out (vessels, aircraft). */
    record Read(List<Listed> entities, int skipped) {
    }

    static Read read(Reader sdn, Reader alt) throws IOException {
        Map<String, List<NameRequest>> aliases = new LinkedHashMap<>();
        if (alt != null) {
            for (List<String> row : records(alt, "alt")) {
                if (row.size() < 4 || empty(row.get(3))) {
                    continue;
                }
                NameKind kind = switch (value(row.get(2)).toLowerCase()) {
                    case "fka" -> NameKind.FORMER;
                    default -> NameKind.ALIAS;
                };
                aliases.computeIfAbsent(value(row.get(0)), k -> new ArrayList<>())
                        .add(new NameRequest(clip(value(row.get(3))), null, kind));
            }
        }
        List<Listed> listed = new ArrayList<>();
        int skipped = 0;
        for (List<String> row : records(sdn, "sdn")) {
            if (row.size() < 3 || empty(row.get(0)) || empty(row.get(1))) {
                // the published file ends with an end-of-file control character on a line of its own
                continue;
            }
            String type = value(row.get(2)).toLowerCase();
            EntityType entityType = switch (type) {
                case "individual" -> EntityType.PERSON;
                case "" -> EntityType.ORGANIZATION;
                default -> null; // vessel, aircraft
            };
            if (entityType == null) {
                skipped++;
                continue;
            }
            String id = value(row.get(0));
            String remarks = row.size() > 11 ? value(row.get(11)) : "";
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            put(attributes, "program", row.size() > 3 ? value(row.get(3)) : "");
            put(attributes, "position", row.size() > 4 ? value(row.get(4)) : "");
            all(attributes, entityType == EntityType.PERSON ? "birthDate" : "foundingDate", DOB, remarks);
            all(attributes, "birthPlace", POB, remarks);
            all(attributes, "nationality", NATIONALITY, remarks);
            List<String> linked = new ArrayList<>();
            Matcher m = LINKED.matcher(remarks);
            while (m.find()) {
                linked.add(m.group(1).strip());
            }
            EntityRequest entity = new EntityRequest(entityType, clip(value(row.get(1))),
                    remarks.isEmpty() ? null : remarks,
                    aliases.getOrDefault(id, List.of()), attributes, List.of(new ExternalId(SCHEME, id)),
                    List.of("sanctions", "ofac-sdn"));
            listed.add(new Listed(entity, linked));
        }
        if (listed.isEmpty()) {
            throw new ProblemException(400, "Not an OFAC SDN file: no record has an entry number, a name and a type");
        }
        return new Read(listed, skipped);
    }

    private static void all(Map<String, List<String>> attributes, String key, Pattern pattern, String remarks) {
        Matcher m = pattern.matcher(remarks);
        while (m.find()) {
            attributes.computeIfAbsent(key, k -> new ArrayList<>()).add(m.group(1).strip());
        }
    }

    private static void put(Map<String, List<String>> attributes, String key, String value) {
        if (!value.isEmpty()) {
            attributes.put(key, List.of(value));
        }
    }

    static String value(String field) {
        String v = field.strip();
        return v.equals("-0-") ? "" : v;
    }

    private static boolean empty(String field) {
        return value(field).isEmpty();
    }

    static String clip(String name) {
        return name.length() > 500 ? name.substring(0, 500) : name;
    }
}
