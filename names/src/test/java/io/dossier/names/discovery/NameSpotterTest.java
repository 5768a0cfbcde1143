package io.dossier.names.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NameSpotterTest {

    private static List<String> keys(String text) {
        return NameSpotter.spot(text, new int[0]).stream().map(SpottedName::key).toList();
    }

    @Test
    void englishNamesOfGroupsTheirCommandersAndPlaces() {
        String text = "The attack near Jurf al-Sakhar was claimed by Saraya Awliya al-Dam, a front for Kataib "
                + "Sayyid al-Shuhada. Militia leader Abu Fadak al-Mohammedawi met General Esmail Qaani in Baghdad "
                + "on Monday, and Hadi al-Amiri said the Popular Mobilization Forces would stay in Anbar Province. "
                + "Iraqi Prime Minister Mohammed Shia al-Sudani's office declined to comment.";
        assertThat(keys(text)).containsExactly("LOCATION|Jurf al-Sakhar", "ORGANIZATION|Saraya Awliya al-Dam",
                "ORGANIZATION|Kataib Sayyid al-Shuhada", "PERSON|Abu Fadak al-Mohammedawi", "PERSON|Esmail Qaani",
                "LOCATION|Baghdad", "PERSON|Hadi al-Amiri", "ORGANIZATION|Popular Mobilization Forces",
                "LOCATION|Anbar Province", "PERSON|Mohammed Shia al-Sudani");
    }

    @Test
    void aCommonNounOpeningTheSentenceIsNoPartOfTheName() {
        assertThat(keys("Fighters of Saraya Awliya al-Dam fired rockets. Supporters of the Kataib Sayyid "
                + "al-Shuhada marched.")).containsExactly("ORGANIZATION|Saraya Awliya al-Dam",
                        "ORGANIZATION|Kataib Sayyid al-Shuhada");
        assertThat(keys("The League of the Righteous denied it.")).containsExactly(
                "ORGANIZATION|League of the Righteous");
    }

    @Test
    void sentenceOpenersNationalitiesAndHeadlinesAreNoNames() {
        assertThat(keys("However, Iraqi officials said. American officers left. Monday was quiet.")).isEmpty();
        // a nationality with an armed force's head is an actor
        assertThat(keys("However, American forces left.")).containsExactly("ORGANIZATION|American forces");
        assertThat(keys("MILITIAS THREATEN BAGHDAD EMBASSY AFTER STRIKE")).isEmpty();
    }

    @Test
    void arabicNamesOpenedByTheWordsGroupsAndPeopleAreNamedWith() {
        String text = "أعلنت كتائب سيد الشهداء مسؤوليتها عن الهجوم، وقال القيادي أبو آلاء الولائي إن "
                + "حركة النجباء المدعومة من إيران ستشارك. والتقى اللواء إسماعيل قاآني في محافظة صلاح الدين "
                + "قرب قاعدة عين الأسد.";
        assertThat(keys(text)).containsExactly("ORGANIZATION|كتائب سيد الشهداء", "PERSON|أبو آلاء الولائي",
                "ORGANIZATION|حركة النجباء", "LOCATION|إيران", "PERSON|إسماعيل قاآني", "LOCATION|صلاح الدين",
                "LOCATION|قاعدة عين الأسد");
    }

    @Test
    void offsetsAreTheTextsWhateverItsMarks() {
        String text = "وَكتائب سيد الشهداء وـحركة النجباء";
        List<SpottedName> names = NameSpotter.spot(text, new int[0]);
        assertThat(names).extracting(SpottedName::name).containsExactly("كتائب سيد الشهداء", "حركة النجباء");
        assertThat(names).allSatisfy(n -> assertThat(text.substring(n.start(), n.end())).isEqualTo(n.name()));
        // a name at the very end of a long text, and nothing past the characters read
        String longText = "x ".repeat(NameSpotter.READ_CHARS) + "Saraya Awliya al-Dam fired.";
        assertThat(NameSpotter.spot(longText, new int[0])).isEmpty();
        assertThat(NameSpotter.spot("", new int[0])).isEmpty();
        assertThat(NameSpotter.spot("U.S.'s Saraya X's men", new int[0])).extracting(SpottedName::name)
                .containsExactly("Saraya X");
    }

    @Test
    void whatTheRegistryAlreadyLinksIsLeftOut() {
        String text = "Kataib Hezbollah and Kataib Sayyid al-Shuhada fired rockets.";
        assertThat(NameSpotter.spot(text, new int[]{0, 16}).stream().map(SpottedName::name))
                .containsExactly("Kataib Sayyid al-Shuhada");
        // a title before a registered name adds no name: "Prime Minister Al-Abadi" is the registered Abadi
        String titled = "We work with Prime Minister Al-Abadi and the Iraqi Security Forces.";
        int abadi = titled.indexOf("Abadi");
        assertThat(NameSpotter.spot(titled, new int[]{abadi, abadi + 5})).extracting(SpottedName::key)
                .containsExactly("ORGANIZATION|Iraqi Security Forces");
        // a registered name is never cut: "Kataib Hezbollah" linked, "Hezbollah Brigades" is no name, the whole is
        String longer = "In the night, fighters of Kataib Hezbollah Brigades fired rockets at the base.";
        int kh = longer.indexOf("Kataib");
        assertThat(NameSpotter.spot(longer, new int[]{kh, kh + 16})).extracting(SpottedName::key)
                .containsExactly("ORGANIZATION|Kataib Hezbollah Brigades");
        // a registered name's word is no title of the rest: "King Abdullah II" registered leaves no "of Jordan"
        String king = "He was received on Sunday by King Abdullah II of Jordan in the capital.";
        int abdullah = king.indexOf("King");
        assertThat(NameSpotter.spot(king, new int[]{abdullah, abdullah + 16})).extracting(SpottedName::key)
                .doesNotContain("PERSON|of Jordan", "PERSON|Jordan");
        // a sentence that ends with an abbreviation is not joined to a name opening the next
        assertThat(keys("The strike was carried out by the U.S. Kataib Hezbollah denied any role in the attack."))
                .contains("ORGANIZATION|Kataib Hezbollah").doesNotContain("ORGANIZATION|U.S. Kataib Hezbollah");
    }

    @Test
    void aNameThatHoldsARegisteredOneAndMoreIsANameTheRegistryLacks() {
        // "Abadi" registered: the text's fuller name is proposed, as is a group named after a registered one
        String text = "On a visit to the region, Defense Secretary Ash Carter met with Iraqi Prime Minister\u200e "
                + "Haider al-Abadi in Baghdad. In a briefing, Navy Capt. Jeff Davis said that rockets fired at the "
                + "base had come from Kataib Hezbollah and its allies.";
        int abadi = text.indexOf("Abadi");
        int davis = text.indexOf("Davis");
        int hezbollah = text.indexOf("Hezbollah");
        List<SpottedName> names = NameSpotter.spot(text,
                new int[]{abadi, abadi + 5, davis, davis + 5, hezbollah, hezbollah + 9});
        assertThat(names).extracting(SpottedName::key).containsExactly("PERSON|Ash Carter",
                "PERSON|Haider al-Abadi", "LOCATION|Baghdad", "PERSON|Jeff Davis",
                "ORGANIZATION|Kataib Hezbollah");
    }

    @Test
    void placesNamedBareAfterTheWordsThatTellAPlace() {
        assertThat(keys("Attacks hit Baghdad and Najaf this weekend, and in Aleppo and Daraya. Near Tal Afar, one "
                + "strike hit. They struck the northwest province of Latakia, the Gulf of Oman and the Hashemite "
                + "Kingdom of Jordan, from Fort Campbell and near Sarmada, Syria.")).containsExactly(
                        "LOCATION|Aleppo", "LOCATION|Daraya", "LOCATION|Tal Afar", "LOCATION|Latakia",
                        "LOCATION|Gulf of Oman", "LOCATION|Hashemite Kingdom of Jordan", "LOCATION|Fort Campbell",
                        "LOCATION|Sarmada", "LOCATION|Syria");
    }

    @Test
    void ranksInitialsAbbreviationsAndPossessives() {
        assertThat(keys("Spc. Isiah L. Booker died. It is led by Commodore Andrew Burns. The U.S. Embassy paid. "
                + "The Badr Organization's Hadi al-Amiri spoke.")).containsExactly("PERSON|Isiah L. Booker",
                        "PERSON|Andrew Burns", "ORGANIZATION|U.S. Embassy", "ORGANIZATION|Badr Organization",
                        "PERSON|Hadi al-Amiri");
    }

    @Test
    void aNameWithItsHeadInLowerCase() {
        assertThat(keys("Rockets hit Iraqi security forces and U.S. military forces near the base, the Syrian "
                + "opposition said, and the Kurdistan regional government asked Turkish troops to leave the Mosul "
                + "district and Al-Raqqa province.")).containsExactly("ORGANIZATION|Iraqi security forces",
                        "ORGANIZATION|U.S. military forces", "ORGANIZATION|Syrian opposition",
                        "ORGANIZATION|Kurdistan regional government", "ORGANIZATION|Turkish troops",
                        "LOCATION|Mosul district", "LOCATION|Al-Raqqa province");
        // a word capitalized because it opens the sentence takes no head, and a possessive head ends the name; a
        // name that is a group's or a person's by itself keeps its type; a nationality takes no place's head
        assertThat(keys("Government forces advanced. They met the Syrian army's forces.")).containsExactly(
                "ORGANIZATION|Syrian army");
        assertThat(keys("They saw Kataib Hezbollah forces, Peshmerga forces, the Haider al-Abadi government and "
                + "Abu Fadak al-Mohammedawi's forces in the Syrian province of Idlib.")).containsExactly(
                        "ORGANIZATION|Kataib Hezbollah", "ORGANIZATION|Peshmerga", "PERSON|Haider al-Abadi",
                        "PERSON|Abu Fadak al-Mohammedawi", "LOCATION|Idlib");
        // a registered group's forces are the group
        String text = "Fighters said Kataib Hezbollah forces had left the town.";
        int kh = text.indexOf("Kataib");
        assertThat(NameSpotter.spot(text, new int[]{kh, kh + 16})).isEmpty();
    }

    @Test
    void acronymsDefinedAfterAPossessiveOrBeforeARole() {
        assertThat(keys("He joined U.S. Naval Forces Central Command's (NAVCENT) task force.")).containsExactly(
                "ORGANIZATION|U.S. Naval Forces Central Command", "ORGANIZATION|NAVCENT");
        assertThat(keys("said Col. David Lyons, the 407th AEG commander.")).containsExactly("PERSON|David Lyons",
                "ORGANIZATION|AEG");
        // used once, a shouted word the text also writes in lower case, a wire's headline, are no names
        assertThat(keys("A UAV was seen. The AEG flew. KILLED in the strike, they were killed at dawn."))
                .isEmpty();
        // three uses, one on a shouted line of three words (too short for a headline): two count
        assertThat(keys("OPEC, IEA CLASH\nOPEC met in Vienna. OPEC output rose.")).containsExactly(
                "LOCATION|Vienna");
        assertThat(keys("OPEC, IEA clash\nOPEC met in Vienna. OPEC output rose.")).containsExactlyInAnyOrder(
                "ORGANIZATION|OPEC", "LOCATION|Vienna", "ORGANIZATION|OPEC", "ORGANIZATION|OPEC");
        assertThat(keys("BARCLAYS, MIDLAND FOLLOW RATE CUT\nBarclays cut its rate. MIDLAND did too. MIDLAND rose, "
                + "MIDLAND fell.")).isEmpty();
    }

    @Test
    void placesAfterTheWordsOfTheirFateAndStatesAfterAComma() {
        assertThat(keys("He said that he left Vermillion, South Dakota, to join the army.")).containsExactly(
                "LOCATION|Vermillion", "LOCATION|South Dakota");
        assertThat(keys("With the liberation of Fallujah and the siege of Tikrit over, he went home to Vermillion, "
                + "South Dakota, and later to Fort Campbell, Kentucky. The Ishtar Gate stands.")).containsExactly(
                        "LOCATION|Fallujah", "LOCATION|Tikrit", "LOCATION|Vermillion", "LOCATION|South Dakota",
                        "LOCATION|Fort Campbell", "LOCATION|Kentucky", "LOCATION|Ishtar Gate");
    }

    @Test
    void aWordCoordinatedWithANameTakesItsTypeAndALoneHeadAfterTheNamesOne() {
        assertThat(keys("We have trained the ISF and Peshmerga forces; they fought near Kirkuk and Hawija.")).contains(
                "ORGANIZATION|ISF", "LOCATION|Kirkuk", "LOCATION|Hawija");
        // a person's type is not passed on, nor a place's to a word in capitals, nor to a nationality before a noun
        assertThat(keys("Secretary Ash Carter and Congress agreed.")).containsExactly("PERSON|Ash Carter");
        assertThat(keys("Strikes hit targets in Raqqa and ISF positions.")).containsExactly("LOCATION|Raqqa");
        assertThat(keys("They joined U.S., U.K. and French maritime operations with the Royal Navy and French "
                + "assets.")).doesNotContain("ORGANIZATION|French", "LOCATION|French");
        // "the Coalition" inside a sentence names one; opening it, the word is any coalition
        assertThat(keys("Aircraft of the Coalition struck twice.")).containsExactly("ORGANIZATION|Coalition");
        assertThat(keys("The ISF and Peshmerga forces held the line.")).contains("ORGANIZATION|ISF");
        assertThat(keys("The Coalition struck twice.")).isEmpty();
        assertThat(keys("High Representative Federica Mogherini met them.")).containsExactly(
                "PERSON|Federica Mogherini");
    }

    @Test
    void aRunOpenedByAnEnglishGivenNameIsAPersonsName() {
        assertThat(keys("The talks were led by Jonathan Cohen, who met Lorraine Lewis in the morning."))
                .containsExactly(
                        "PERSON|Jonathan Cohen", "PERSON|Lorraine Lewis");
        // not when the text writes the word in lower case, when "of" follows it, or when a head types the run
        assertThat(keys("The grace period ended, said Grace Lee.")).isEmpty();
        assertThat(keys("They flew in Santa Barbara and met Royal Marines.")).doesNotContain("PERSON|Santa Barbara",
                "PERSON|Royal Marines");
        assertThat(keys("They read the Bill of Rights aloud.")).isEmpty();
        assertThat(keys("He studied at Clare College and lived in Beverly Hills.")).containsExactly(
                "ORGANIZATION|Clare College", "LOCATION|Beverly Hills");
    }

    @Test
    void theEnglishGivenNamesLeaveOutWhatThePackageKnowsAsSomethingElse() {
        assertThat(LatinWords.ENGLISH_GIVEN_NAMES).hasSizeGreaterThan(4000).contains("jonathan", "lorraine", "gary")
                .doesNotContain("jordan", "georgia", "virginia", "may", "king", "asia", "royal");
    }
}
