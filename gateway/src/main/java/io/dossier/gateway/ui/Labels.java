package io.dossier.gateway.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The words the pages show for the registry's and the index's codes: entity and relation types, kinds of names,
 * attribute keys, languages, countries, identifier schemes, dates. The API keeps its codes (ORGANIZATION, MEMBER_OF,
 * ar, iq); an analyst reads words ("Organization", "member of", "Arabic", "Iraq").
 */
public final class Labels {

    private static final Map<String, String> TYPES = Map.of("ORGANIZATION", "Organization", "PERSON", "Person",
            "LOCATION", "Place", "EVENT", "Event");

    private static final Map<String, String> KINDS = Map.of("PRIMARY", "primary name", "ALIAS", "alias",
            "WEAK_ALIAS", "weak alias", "ABBREVIATION", "abbreviation", "TRANSLITERATION", "transliteration",
            "FORMER", "former name");

    /** Attribute keys the importers write (FollowTheMoney's names), as words; others are split at capitals. */
    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(Map.entry("foundingDate", "Founded"),
            Map.entry("dissolutionDate", "Dissolved"), Map.entry("birthDate", "Born"),
            Map.entry("deathDate", "Died"), Map.entry("country", "Country"), Map.entry("nationality", "Nationality"),
            Map.entry("jurisdiction", "Jurisdiction"), Map.entry("address", "Address"),
            Map.entry("position", "Position"), Map.entry("program", "Sanctions programme"),
            Map.entry("sourceUrl", "Source"), Map.entry("notes", "Notes"), Map.entry("tags", "Tags"));

    /**
     * Identifier schemes with a public meaning, as words. An identifier of another scheme (an import's own key, such
     * as the sample registry's) is a detail of how the entity came in, shown to editors apart.
     */
    private static final Map<String, String> SCHEMES = Map.of("ofac", "OFAC SDN list", "un",
            "UN sanctions list", "wikidata", "Wikidata", "opensanctions", "OpenSanctions", "ftm", "FollowTheMoney id");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Labels() {
    }

    /** "Organization" for ORGANIZATION; an unknown type in ordinary case. */
    public static String type(String type) {
        return type == null ? "" : TYPES.getOrDefault(type, words(type));
    }

    /** "Member of" for MEMBER_OF: an upper-case code with underscores, as words with a capital. */
    public static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String w = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** A relation type as it reads in a sentence: "member of". */
    public static String relation(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * A name's kind as words. A name recorded as a TRANSLITERATION but written in a script other than Latin is the
     * name in its own script (the registry's convention for native names), and says so.
     */
    public static String kind(String kind, String script) {
        if ("TRANSLITERATION".equals(kind) && script != null && !"Latin".equals(script)) {
            return "original script";
        }
        return kind == null ? "" : KINDS.getOrDefault(kind, relation(kind));
    }

    /** "Arabic" for ar, "Persian" for fa; a code the JDK does not know, as it is. */
    public static String language(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        if (!code.matches("[A-Za-z]{2,3}(-[A-Za-z]{4})?")) {
            return code;
        }
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(Locale.ENGLISH);
        String script = locale.getDisplayScript(Locale.ENGLISH);
        if (name.isEmpty() || name.equalsIgnoreCase(code)) {
            return code;
        }
        return script.isEmpty() ? name : name + " (" + script + " script)";
    }

    /** "Iraq" for iq or IQ; anything else as it is. */
    public static String country(String code) {
        if (code == null || !code.matches("[A-Za-z]{2}")) {
            return code;
        }
        String name = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
    }

    /** An attribute key as words: "Founded" for foundingDate, "Weapon type" for weaponType. */
    public static String attribute(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        String known = ATTRIBUTES.get(key);
        if (known != null) {
            return known;
        }
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** An attribute's value as words: countries by name; others as they are. */
    public static String attributeValue(String key, String value) {
        return "country".equals(key) || "nationality".equals(key) || "jurisdiction".equals(key)
                ? country(value)
                : value;
    }

    /** The label of a public identifier scheme, or null for an import's own key. */
    public static String scheme(String scheme) {
        return scheme == null ? null : SCHEMES.get(scheme);
    }

    /**
     * A period chosen on the histogram, in words: "Jan 2025" from its first day to its last, "2025" for a whole
     * year; null for any other pair of dates.
     */
    public static String period(String from, String to) {
        if (from == null || to == null) {
            return null;
        }
        try {
            LocalDate f = LocalDate.parse(from);
            LocalDate t = LocalDate.parse(to);
            if (f.getDayOfMonth() != 1 || !t.equals(t.withDayOfMonth(t.lengthOfMonth()))) {
                return null;
            }
            if (f.getYear() == t.getYear() && f.getMonthValue() == t.getMonthValue()) {
                return MONTH.format(f);
            }
            if (f.getYear() == t.getYear() && f.getMonthValue() == 1 && t.getMonthValue() == 12) {
                return Integer.toString(f.getYear());
            }
            return null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "1 Feb 2025": a day as a day, whatever day of the month (the bounds of a period typed by hand). */
    public static String day(String iso) {
        if (iso == null) {
            return "";
        }
        try {
            return DAY.format(LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

}
