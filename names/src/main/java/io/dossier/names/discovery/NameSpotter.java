package io.dossier.names.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.dossier.names.linking.Mention;

/**
 * Finds the names in a text that the registry may not hold yet: people, organisations and places, in English and in
 * Arabic or Persian script (docs/decisions.md #37). What the registry already links there is left out, so what
 * remains is what an editor may want to add.
 */
public final class NameSpotter {

    /**
     * Characters of a text read at most: a book's worth. Names further on are not spotted (what the registry links
     * there is linked as ever); the work and the memory per text stay bounded.
     */
    public static final int READ_CHARS = 300_000;

    private NameSpotter() {
    }

    /** As {@link #spot(String, int[])}, leaving out what these mentions (the linker's, in text order) cover. */
    public static List<SpottedName> spot(String text, List<Mention> mentions) {
        int[] linked = new int[mentions.size() * 2];
        for (int i = 0; i < mentions.size(); i++) {
            linked[2 * i] = mentions.get(i).start();
            linked[2 * i + 1] = mentions.get(i).end();
        }
        return spot(text, linked);
    }

    /**
     * The names in a text, in text order, leaving out every one that overlaps a span already linked.
     *
     * @param linked the spans the registry's names were linked at, as (start, end) pairs in text order
     */
    public static List<SpottedName> spot(String text, int[] linked) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<SpottedName> found = new ArrayList<>();
        String read = text.length() <= READ_CHARS
                ? text
                : text.substring(0, Character.isHighSurrogate(text.charAt(READ_CHARS - 1))
                        ? READ_CHARS - 1
                        : READ_CHARS);
        LatinSpotter.spot(read, linked, found);
        ArabicSpotter.spot(read, linked, found);
        found.sort(Comparator.comparingInt(SpottedName::start));
        List<SpottedName> out = new ArrayList<>(found.size());
        int k = 0;
        for (SpottedName name : found) {
            while (k + 1 < linked.length && linked[k + 1] <= name.start()) {
                k += 2;
            }
            boolean overlaps = k + 1 < linked.length && linked[k] < name.end();
            if (!overlaps && !name.name().isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }
}
