package io.dossier.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The registry's names as the search service follows them: read from the entities feed page by page, each entity's
 * names with their kinds, deleted and merged entities forgotten, and the same matcher and linker answers as the
 * entities service gives. The feed here is a list in memory, read as the entities service pages it (a few entries a
 * page, {@code next} and {@code head}).
 */
class RegistryNamesTest {

    private static final String KH = UUID.randomUUID().toString();
    private static final String BADR = UUID.randomUUID().toString();
    private static final String QAANI = UUID.randomUUID().toString();

    /** The feed: entries with sequences 1, 2, ...; at most two a page whatever the limit asked. */
    private static final class Feed implements EntitiesFeedApi {

        final List<Entry> entries = new ArrayList<>();
        int calls;
        boolean down;
        /** The feed fails when asked for entries after this sequence (-1: never). */
        long failAfter = -1;

        void add(String id, EntitiesFeedApi.Entity entity) {
            entries.add(new Entry(entries.size() + 1, entity == null ? "DELETE" : "UPDATE", id, entity));
        }

        @Override
        public Page changes(long after, int limit) {
            calls++;
            if (down || (failAfter >= 0 && after >= failAfter)) {
                throw new jakarta.ws.rs.ProcessingException("connection refused");
            }
            List<Entry> page = entries.stream().filter(e -> e.seq() > after).limit(Math.min(2, limit)).toList();
            long next = page.isEmpty() ? after : page.get(page.size() - 1).seq();
            return new Page(page, next, entries.size());
        }
    }

    private static EntitiesFeedApi.Entity entity(String id, String type, String primary, String... namesAndKinds) {
        List<EntitiesFeedApi.Name> names = new ArrayList<>();
        names.add(new EntitiesFeedApi.Name(primary, "en", "PRIMARY"));
        for (int i = 0; i < namesAndKinds.length; i += 2) {
            names.add(new EntitiesFeedApi.Name(namesAndKinds[i], null, namesAndKinds[i + 1]));
        }
        return new EntitiesFeedApi.Entity(id, type, primary, null, names, List.of(), null);
    }

    private static Feed registry() {
        Feed feed = new Feed();
        feed.add(KH, entity(KH, "ORGANIZATION", "Kataib Hezbollah", "Hezbollah Brigades", "ALIAS", "KH",
                "ABBREVIATION", "كتائب حزب الله", "TRANSLITERATION"));
        feed.add(BADR, entity(BADR, "ORGANIZATION", "Badr Organization", "Badr", "SOMETHING_NEW"));
        feed.add(QAANI, entity(QAANI, "PERSON", "Esmail Qaani", "Ismail Qaani", "ALIAS"));
        return feed;
    }

    @Test
    void readsTheWholeFeedBeforeItIsReady() {
        Feed feed = registry();
        RegistryNames names = new RegistryNames(feed);
        assertThat(names.ready()).isFalse();

        names.follow();

        assertThat(names.ready()).isTrue();
        assertThat(feed.calls).as("two entries a page: three entries in two pages").isEqualTo(2);
        assertThat(names.entity(KH)).hasValueSatisfying(k -> {
            assertThat(k.primaryName()).isEqualTo("Kataib Hezbollah");
            assertThat(k.type()).isEqualTo("ORGANIZATION");
        });
        assertThat(names.entity("not an id")).isEmpty();
    }

    @Test
    void linksNamesInAQueryWithTheLinkersRules() {
        RegistryNames names = new RegistryNames(registry());
        names.follow();

        List<RegistryNames.Found> found = names.mentions("Hezbollah Brigades attacks near وكتائب حزب الله");
        assertThat(found).extracting(f -> f.entity().id(), RegistryNames.Found::surface)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(KH, "Hezbollah Brigades"),
                        org.assertj.core.groups.Tuple.tuple(KH, "كتائب حزب الله"));
        // an abbreviation links only where the text supports it
        assertThat(names.mentions("KH said")).isEmpty();
        assertThat(names.mentions("Kataib Hezbollah (KH) said KH")).extracting(RegistryNames.Found::surface)
                .containsExactly("Kataib Hezbollah", "KH", "KH");
        // a kind this version does not know is taken as a weak alias: "Badr" alone is not linked
        assertThat(names.mentions("Badr")).isEmpty();
        assertThat(names.mentions("the Badr Organization")).extracting(f -> f.entity().id()).containsExactly(BADR);
    }

    @Test
    void matchesSpellingsAndScriptsAsTheEntitiesServiceDoes() {
        RegistryNames names = new RegistryNames(registry());
        names.follow();

        assertThat(names.match("Esmail Ghaani", 5)).first().satisfies(m -> {
            assertThat(m.entity().id()).isEqualTo(QAANI);
            assertThat(m.entity().primaryName()).isEqualTo("Esmail Qaani");
            assertThat(m.score()).as("a spelling variant, below equality").isLessThan(0.97);
            // rounded to three places, as the entities service's answer has them
            assertThat(m.score()).isEqualTo(Math.round(m.score() * 1000) / 1000.0);
        });
        assertThat(names.match("KH", 5)).first().satisfies(m -> {
            assertThat(m.entity().id()).isEqualTo(KH);
            assertThat(m.score()).isGreaterThanOrEqualTo(0.9);
        });
        assertThat(names.match("Kata'ib Hizbullah", 5)).extracting(m -> m.entity().id()).startsWith(KH);
    }

    @Test
    void forgetsDeletedAndMergedEntitiesAndLearnsNewNames() {
        Feed feed = registry();
        RegistryNames names = new RegistryNames(feed);
        names.rebuildEveryMs = 0;
        names.follow();
        assertThat(names.mentions("Esmail Qaani spoke")).hasSize(1);

        feed.add(QAANI, null); // deleted
        // a merge as the registry makes it: the merged entity keeps no names, the survivor takes them
        feed.add(BADR, new EntitiesFeedApi.Entity(BADR, "ORGANIZATION", "Badr Organization", null, List.of(),
                List.of(), KH));
        feed.add(KH, entity(KH, "ORGANIZATION", "Kataib Hezbollah", "Kata'ib Hizballah", "ALIAS",
                "Badr Organization", "ALIAS"));
        names.follow();

        assertThat(names.entity(QAANI)).isEmpty();
        assertThat(names.entity(BADR)).as("merged into another").isEmpty();
        assertThat(names.mentions("Esmail Qaani spoke")).isEmpty();
        assertThat(names.match("Esmail Qaani", 5)).isEmpty();
        assertThat(names.mentions("the Badr Organization")).extracting(f -> f.entity().id()).containsExactly(KH);
        assertThat(names.mentions("Kata'ib Hizballah fired")).extracting(f -> f.entity().id()).containsExactly(KH);
        // the entity's names are its current ones: the Arabic name it no longer has is not linked
        assertThat(names.mentions("كتائب حزب الله")).isEmpty();
    }

    @Test
    void aFeedThatDoesNotAnswerLeavesItNotReady() {
        Feed feed = registry();
        feed.down = true;
        RegistryNames names = new RegistryNames(feed);

        assertThatThrownBy(names::follow).isInstanceOf(jakarta.ws.rs.ProcessingException.class);

        assertThat(names.ready()).isFalse();
        feed.down = false;
        names.follow();
        assertThat(names.ready()).isTrue();
        assertThat(names.match("Kataib Hezbollah", 1)).hasSize(1);
    }

    @Test
    void namesReadBeforeAFailedPageReachTheLinkerWithoutAnotherChange() {
        Feed feed = registry();
        RegistryNames names = new RegistryNames(feed);
        names.rebuildEveryMs = 0;
        names.follow();
        String hamas = UUID.randomUUID().toString();
        String houthis = UUID.randomUUID().toString();
        feed.add(hamas, entity(hamas, "ORGANIZATION", "Harakat al-Muqawama al-Islamiya"));
        feed.add(houthis, entity(houthis, "ORGANIZATION", "Ansar Allah"));
        feed.add(KH, entity(KH, "ORGANIZATION", "Kataib Hezbollah"));
        feed.failAfter = 5; // the first page of the three changes is read, the second fails

        assertThatThrownBy(names::follow).isInstanceOf(jakarta.ws.rs.ProcessingException.class);
        assertThat(names.match("Ansar Allah", 1)).as("the index takes each page as read").hasSize(1);

        feed.failAfter = -1;
        names.follow(); // reads the last change; the linker learns all three
        assertThat(names.mentions("Ansar Allah and Harakat al-Muqawama al-Islamiya")).extracting(
                f -> f.entity().id()).containsExactly(houthis, hamas);

        // and had nothing changed since the failure, the next read rebuilds the linker all the same
        String pmf = UUID.randomUUID().toString();
        feed.add(pmf, entity(pmf, "ORGANIZATION", "Popular Mobilization Forces"));
        feed.add(BADR, entity(BADR, "ORGANIZATION", "Badr Organization", "Munazzamat Badr", "ALIAS"));
        feed.add(QAANI, entity(QAANI, "PERSON", "Esmail Qaani"));
        feed.failAfter = 8; // the page of 7 and 8 is read, the next fails
        assertThatThrownBy(names::follow).isInstanceOf(jakarta.ws.rs.ProcessingException.class);
        feed.entries.remove(feed.entries.size() - 1); // the failing change never comes: nothing new to read
        feed.failAfter = -1;
        names.follow();
        assertThat(names.mentions("the Popular Mobilization Forces")).extracting(f -> f.entity().id())
                .containsExactly(pmf);
    }

    @Test
    void namesNotReadForAWhileAreNotUsed() {
        Feed feed = registry();
        RegistryNames names = new RegistryNames(feed);
        names.staleAfterMs = 1000;
        names.follow();
        assertThat(names.ready()).isTrue();

        // the follower does not read the feed again: the names go out of date
        org.awaitility.Awaitility.await("names that may be out of date").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> !names.ready());

        names.follow();
        assertThat(names.ready()).isTrue();
    }
}
