package io.dossier.names.discovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English given names (about 5,000, men's and women's), from the list Datafaker keeps ({@code en/name.yml}, Apache
 * 2.0), which the build copies out of its jar into this package: a first word of a name that is one of them makes a
 * short run a person's name ("Jonathan Cohen", "Lorraine Lewis"). The list holds words that are also places, months
 * or common nouns ("Jordan", "May", "Hope"): those that this package already knows as something else are left out
 * here, and the spotter asks a text's own use of the word before it trusts it (a word the text writes in lower case is
 * not taken).
 */
final class GivenNames {

    private static final String RESOURCE = "datafaker/en/name.yml";
    private static final Set<String> LISTS = Set.of("male_first_name", "female_first_name");
    /** A key of the YAML mapping ("    male_first_name:"), or an item of a list ("      - \"Aaron\""). */
    private static final Pattern KEY = Pattern.compile("^\\s*([a-z_]+):\\s*$");
    private static final Pattern ITEM = Pattern.compile("^\\s*- \"([^\"]+)\"\\s*$");

    private GivenNames() {
    }

    /** The names in lower case, less the words in {@code known}. */
    static Set<String> load(Set<String> known) {
        InputStream in = GivenNames.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not beside " + GivenNames.class.getName()
                    + ": the build copies it from Datafaker's jar (names/pom.xml)");
        }
        Set<String> names = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String list = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher key = KEY.matcher(line);
                if (key.matches()) {
                    list = key.group(1);
                    continue;
                }
                Matcher item = ITEM.matcher(line);
                if (item.matches() && list != null && LISTS.contains(list)) {
                    String name = item.group(1).toLowerCase(Locale.ROOT);
                    if (!known.contains(name)) {
                        names.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
