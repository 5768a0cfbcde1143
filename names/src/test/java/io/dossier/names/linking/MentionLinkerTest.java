package io.dossier.names.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dossier.names.NameKind;

class MentionLinkerTest {

    private static final UUID KH = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID HEZBOLLAH = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID BADR = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID MUHANDIS = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    private static final UUID PMF = UUID.fromString("00000000-0000-0000-0000-00000000000e");
    private static final UUID BASRA_CITY = UUID.fromString("00000000-0000-0000-0000-00000000000f");
    private static final UUID BASRA_PROVINCE = UUID.fromString("00000000-0000-0000-0000-000000000010");

    private static final MentionLinker LINKER = MentionLinker.build(List.of(
            strong(KH, "Kataib Hezbollah"),
            strong(KH, "Kata'ib Hizballah"),
            strong(KH, "Kataeb Hezbollah"),
            strong(KH, "كتائب حزب الله"),
            weak(KH, "KH"),
            strong(HEZBOLLAH, "Hezbollah"),
            strong(HEZBOLLAH, "Hizballah"),
            strong(HEZBOLLAH, "حزب الله"),
            strong(BADR, "Badr Organization"),
            strong(BADR, "Badr"),
            strong(BADR, "منظمة بدر"),
            strong(MUHANDIS, "Abu Mahdi al-Muhandis"),
            strong(MUHANDIS, "Abū Mahdī al-Muhandis"),
            weak(MUHANDIS, "Abu Mahdi"),
            strong(PMF, "Popular Mobilization Forces"),
            strong(PMF, "الحشد الشعبي"),
            weak(PMF, "PMF"),
            strong(BASRA_CITY, "Basra"),
            strong(BASRA_PROVINCE, "Basra"),
            strong(BASRA_PROVINCE, "البصرة")));

    @Test
    void spellingVariantsLinkToOneEntity() {
        String text = "Kataib Hezbollah, also written Kata’ib Hizballah or KATAEB HEZBOLLAH, denied it.";
        assertThat(LINKER.link(text)).extracting(Mention::entityId, Mention::surface, Mention::name).containsExactly(
                tuple(KH, "Kataib Hezbollah", "Kataib Hezbollah"),
                tuple(KH, "Kata’ib Hizballah", "Kata'ib Hizballah"),
                tuple(KH, "KATAEB HEZBOLLAH", "Kataeb Hezbollah"));
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "Said «Abū Mahdī al‑Muhandis» — and Kata‘ib Ḥizballah's men.";
        List<Mention> mentions = LINKER.link(text);
        assertThat(mentions).extracting(Mention::surface)
                .containsExactly("Abū Mahdī al‑Muhandis", "Kata‘ib Ḥizballah");
        for (Mention m : mentions) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.surface());
        }
        assertThat(mentions.get(0).start()).isEqualTo(text.indexOf("Abū"));
        assertThat(mentions.get(1).end()).isEqualTo(text.indexOf("'s men"));
    }

    @Test
    void arabicOffsetsSurviveDiacriticsAndTatweel() {
        String text = "أعلنت كتـائب حِزْب الله أمس";
        List<Mention> mentions = LINKER.link(text);
        assertThat(mentions).extracting(Mention::entityId, Mention::surface)
                .containsExactly(tuple(KH, "كتـائب حِزْب الله"));
        assertThat(mentions.get(0).start()).isEqualTo(6);
        assertThat(mentions.get(0).end()).isEqualTo(text.indexOf(" أمس"));
    }

    @Test
    void longestMatchWins() {
        assertThat(LINKER.link("Kataib Hezbollah and Hezbollah")).extracting(Mention::entityId, Mention::start,
                Mention::end).containsExactly(tuple(KH, 0, 16), tuple(HEZBOLLAH, 21, 30));
        assertThat(LINKER.link("the Badr Organization's office")).extracting(Mention::surface)
                .containsExactly("Badr Organization");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Badran", "Abadr", "Hezbollahi", "Kataibs Hezbollahs", "Basrah"})
    void namesMatchWholeWordsOnly(String text) {
        assertThat(LINKER.link("He met " + text + " today.")).isEmpty();
    }

    @Test
    void aNameCutShortAtItsStartLeavesTheWholeWordsInside() {
        assertThat(LINKER.link("xKataib Hezbollah")).extracting(Mention::entityId, Mention::surface)
                .containsExactly(tuple(HEZBOLLAH, "Hezbollah"));
    }

    @Test
    void punctuationIsABoundary() {
        assertThat(LINKER.link("(Badr), Badr. Badr-led \"Badr\"")).hasSize(4);
    }

    @Test
    void arabicCliticsBeforeTheNameAreAllowed() {
        String text = "وكتائب حزب الله ولكتائب حزب الله وبالحشد الشعبي";
        assertThat(LINKER.link(text)).extracting(Mention::entityId, Mention::surface).containsExactly(
                tuple(KH, "كتائب حزب الله"),
                tuple(KH, "كتائب حزب الله"),
                tuple(PMF, "الحشد الشعبي"));
        assertThat(LINKER.link("زار بالبصرة ثم والبصرة")).extracting(Mention::surface)
                .containsExactly("البصرة", "البصرة");
    }

    @Test
    void theContractionOfLamAndTheArticleHoldsANameThatHasTheArticle() {
        // ل + الحشد is written للحشد (the article's alef dropped); the mention starts at the article's lam
        String text = "دعما للحشد الشعبي ثم وللحشد الشعبي وفللبصرة للبصرة";
        assertThat(LINKER.link(text)).extracting(Mention::entityId, Mention::surface).containsExactly(
                tuple(PMF, "لحشد الشعبي"),
                tuple(PMF, "لحشد الشعبي"),
                tuple(BASRA_PROVINCE, "لبصرة"));
        // and لل still adds the article to a name that lacks it: للكتائب is ل + الكتائب
        assertThat(LINKER.link("للكتائب حزب الله")).extracting(Mention::entityId, Mention::surface)
                .containsExactly(tuple(KH, "كتائب حزب الله"));
        // one lam is the word's own letter, not a contraction: لحشد is no mention
        assertThat(LINKER.link("لحشد الشعبي")).isEmpty();
    }

    @Test
    void englishPossessivesEndAMention() {
        assertThat(LINKER.link("Badr's men and Kataib Hezbollah’s statement")).extracting(Mention::surface)
                .containsExactly("Badr", "Kataib Hezbollah");
        assertThat(LINKER.link("Badrs and Badr-s")).extracting(Mention::surface).containsExactly("Badr");
    }

    @Test
    void arabicWordsThatMerelyEndWithANameAreNotMentions() {
        // ت is no clitic, and the article cannot be added to a name that already has it
        assertThat(LINKER.link("تكتائب حزب الله")).extracting(Mention::entityId).containsExactly(HEZBOLLAH);
        assertThat(LINKER.link("الالحشد الشعبي")).isEmpty();
        assertThat(LINKER.link("عبدرزاق منظمة بدر")).extracting(Mention::surface).containsExactly("منظمة بدر");
    }

    @Test
    void abbreviationDefinedInParenthesesLinks() {
        String text = "Kataib Hezbollah (KH) claimed the attack. Later KH denied it.";
        assertThat(LINKER.link(text)).extracting(Mention::entityId, Mention::surface, Mention::name).containsExactly(
                tuple(KH, "Kataib Hezbollah", "Kataib Hezbollah"),
                tuple(KH, "KH", "KH"),
                tuple(KH, "KH", "KH"));
    }

    @Test
    void abbreviationWithAStrongMentionElsewhereLinks() {
        assertThat(LINKER.link("The PMF said the Popular Mobilization Forces would stay."))
                .extracting(Mention::entityId, Mention::surface)
                .containsExactly(tuple(PMF, "PMF"), tuple(PMF, "Popular Mobilization Forces"));
    }

    @Test
    void abbreviationAloneIsNotLinked() {
        assertThat(LINKER.link("KH claimed the attack.")).isEmpty();
        assertThat(LINKER.link("Hezbollah and KH.")).extracting(Mention::entityId).containsExactly(HEZBOLLAH);
    }

    @Test
    void abbreviationInTheWrongCaseIsNotLinked() {
        assertThat(LINKER.link("Kataib Hezbollah said kh and Kh are not KH."))
                .extracting(Mention::surface).containsExactly("Kataib Hezbollah", "KH");
    }

    @Test
    void weakAliasWithoutCapitalsNeedsAStrongMention() {
        assertThat(LINKER.link("abu mahdi spoke.")).isEmpty();
        assertThat(LINKER.link("Abu Mahdi al-Muhandis arrived; Abu Mahdi spoke."))
                .extracting(Mention::surface).containsExactly("Abu Mahdi al-Muhandis", "Abu Mahdi");
    }

    @Test
    void ambiguousNameGivesOneMentionPerEntity() {
        List<Mention> mentions = LINKER.link("Protests in Basra.");
        assertThat(mentions).extracting(Mention::entityId, Mention::start, Mention::end)
                .containsExactly(tuple(BASRA_CITY, 12, 17), tuple(BASRA_PROVINCE, 12, 17));
    }

    @Test
    void veryShortStrongNamesAreIgnored() {
        UUID us = UUID.randomUUID();
        MentionLinker linker = MentionLinker.build(List.of(strong(us, "US"), strong(us, "U.S."),
                strong(us, "United States")));
        assertThat(linker.names()).isEqualTo(1);
        assertThat(linker.link("US and U.S. and the United States")).extracting(Mention::surface)
                .containsExactly("United States");
    }

    @Test
    void sameEntityUnderNamesThatFoldAlikeCountsOnce() {
        assertThat(LINKER.names()).isEqualTo(19);
    }

    @Test
    void emptyInputsGiveNothing() {
        assertThat(LINKER.link("")).isEmpty();
        assertThat(LINKER.link("   ... ")).isEmpty();
        assertThat(MentionLinker.build(List.of()).link("Kataib Hezbollah")).isEmpty();
    }

    @Test
    void hugeTextIsLinkedThroughout() {
        String paragraph = "Kataib Hezbollah (KH) and the Badr Organization met in Basra; وكتائب حزب الله حضرت. ";
        StringBuilder text = new StringBuilder();
        int copies = 40_000; // about 3.4 million characters
        for (int i = 0; i < copies; i++) {
            text.append(paragraph);
        }
        List<Mention> mentions = LINKER.link(text.toString());
        assertThat(mentions).hasSize(copies * 6);
        Mention last = mentions.get(mentions.size() - 1);
        assertThat(last.entityId()).isEqualTo(KH);
        assertThat(text.substring(last.start(), last.end())).isEqualTo("كتائب حزب الله");
        assertThat(last.start()).isEqualTo((copies - 1) * paragraph.length() + paragraph.indexOf("كتائب"));
    }

    @Test
    void linkingIsSafeFromManyThreads() throws Exception {
        String text = "Kataib Hezbollah (KH) and Hezbollah in Basra.";
        List<Mention> expected = LINKER.link(text);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    if (!LINKER.link(text).equals(expected)) {
                        failures.add(new AssertionError("different result"));
                        return;
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        assertThat(expected).hasSize(5);
    }

    private static LinkName strong(UUID entity, String value) {
        return new LinkName(entity, value, NameKind.ALIAS);
    }

    private static LinkName weak(UUID entity, String value) {
        return new LinkName(entity, value, NameKind.ABBREVIATION);
    }
}
