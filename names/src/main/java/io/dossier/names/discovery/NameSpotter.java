package io.dossier.names.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.dossier.names.linking.Mention;

/**
 * Finds the names in a text that the registry may not hold yet: people, organisations and places, in English and in
 * Arabic or Persian script (docs/decisions.md #37). What the registry already links there is left out, so what
 * remains is what an editor may want to add; a name that holds a registered one and more is kept.
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
     * Whether every linked span from the k-th on that overlaps the name lies inside it, and the name is more than
     * them: a fuller name of a registered one, or a new one named after it.
     */
    private static boolean holdsWhole(SpottedName name, int[] linked, int k) {
        for (int i = k; i + 1 < linked.length && linked[i] < name.end(); i += 2) {
            if (linked[i] < name.start() || linked[i + 1] > name.end()
                    || linked[i] == name.start() && linked[i + 1] == name.end()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The names in a text, in text order, leaving out every one that a span already linked covers or cuts; a name
     * that holds linked spans whole and more is kept ("Haider al-Abadi" where "Abadi" is registered).
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
            if (!name.name().isEmpty() && holdsWhole(name, linked, k)) {
                out.add(name);
            }
        }
        return out;
    }
}
