package io.dossier.names.discovery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.dossier.common.text.TextFolding;

/**
 * The English words that tell a name's kind: the heads of organisations' names (with the words armed groups of the
 * region are named with), titles and roles before a person's name, the heads of places' names, the prepositions
 * places follow; and the capitalized words that are no names (sentence openers, months, nationalities). Compared in
 * lower case, apostrophes dropped.
 */
final class LatinWords {

    /** A name holding one of these is an organisation's. */
    static final Set<String> ORGANIZATION_HEADS = words("brigade", "brigades", "battalion", "battalions", "movement",
            "forces", "force", "army", "front", "organization", "organisation", "party", "council", "committee",
            "ministry", "union", "group", "corps", "guard", "guards", "alliance", "coalition", "agency", "department",
            "company", "corporation", "bank", "institute", "university", "mobilization", "mobilisation", "units",
            "network", "militia", "militias", "command", "government", "parliament", "court", "office",
            "association", "center", "centre", "foundation", "service", "services", "nations", "commission",
            "assembly", "authority", "administration", "federation", "league", "society", "inc", "ltd", "corp",
            "news", "times", "post", "press", "fund", "programme", "program", "mission", "embassy", "police", "navy",
            "bureau", "brotherhood", "media", "television", "radio", "observatory", "directorate", "division",
            "regiment", "squadron", "resistance", "jihad", "hezbollah", "hizballah", "hizbullah", "hizbollah",
            "taliban", "qaeda", "daesh", "isis", "isil", "peshmerga", "hashd", "kataib", "kataeb", "saraya",
            "harakat", "haraka", "liwa", "asaib", "jaish", "jaysh", "ansar", "tanzim", "faylaq", "katibat",
            "advisors", "advisers", "consulting", "associates", "partners", "images", "studios", "institution",
            "conference", "forum", "summit", "initiative", "project", "campaign", "college", "school", "academy",
            "club", "consortium", "airline", "airlines", "airways");

    /**
     * Organisations' heads that, capitalized alone after "the" inside a sentence, name one ("the Coalition", "the
     * Resistance"): not those the press capitalizes for any of them ("the Army", "the Council", "the Ministry").
     */
    static final Set<String> NAMED_HEADS = words("coalition", "alliance", "movement", "front", "resistance",
            "brotherhood");

    /** Heads an organisation's name may take in lower case after it: "Iraqi forces", "the Syrian opposition". */
    static final Set<String> LOWER_CASE_ORGANIZATION_HEADS = words("forces", "force", "government", "opposition",
            "regime", "army", "military", "troops", "militia", "militias", "police", "navy");

    /** Heads a place's name may take in lower case after it: "Idlib province", "the al-Midan neighborhood". */
    static final Set<String> LOWER_CASE_PLACE_HEADS = words("province", "governorate", "district", "subdistrict",
            "sub-district", "neighborhood", "neighbourhood", "county");

    /** Words that may stand between a name and its lower-case head: "Iraqi security forces". */
    static final Set<String> HEAD_MODIFIERS = words("security", "armed", "special", "regional", "democratic",
            "federal", "government", "pro-government", "naval", "ground", "interim", "transitional", "provincial",
            "local", "central", "coalition");

    /** Words a place follows through "of": "the liberation of Fallujah", "the siege of", "the outskirts of". */
    static final Set<String> PLACE_OF = words("liberation", "outskirts", "siege", "recapture", "suburbs",
            "countryside");

    /** Single words that name an armed group (or a kind of one) by themselves. */
    static final Set<String> ORGANIZATION_WORDS = words("hezbollah", "hizballah", "hizbullah", "hizbollah",
            "taliban", "daesh", "isis", "isil", "peshmerga", "hamas", "houthis", "nujaba");

    /** Words that open the name of an armed group ("Kataib ...", "Saraya ...", "Liwa ..."). */
    static final Set<String> GROUP_OPENERS = words("kataib", "kataeb", "katibat", "saraya", "harakat", "haraka",
            "liwa", "asaib", "jaish", "jaysh", "ansar", "faylaq", "tanzim", "alwiyat");

    /** Titles a person's name follows ("General Qasem Soleimani"); dropped from the name. */
    static final Set<String> TITLES = words("mr", "mrs", "ms", "dr", "gen", "general", "lt", "lieutenant", "col",
            "colonel", "maj", "major", "brig", "brigadier", "sgt", "sergeant", "capt", "captain", "adm", "admiral",
            "president", "minister", "premier", "sheikh", "shaykh", "sheik", "sayyid", "sayed", "sayyed", "ayatollah",
            "imam", "hajji", "haji", "commander", "secretary", "secretary-general", "king", "prince", "emir",
            "senator", "ambassador", "spokesman", "spokeswoman", "cleric", "judge", "governor", "mullah", "mayor",
            "chairman", "envoy", "speaker", "chief", "rep", "sen", "cmdr", "mufti", "qazi", "hojatoleslam", "commodore",
            "spc", "specialist", "pfc", "cpl", "corporal", "pvt", "private", "ens", "ensign", "cdr", "lcdr", "msgt",
            "ssgt", "tsgt", "sfc", "amn", "airman", "spokesperson", "co-chairman", "representative");

    /** Lower-case roles before a name ("militia leader Abu Fadak", "its founder Jamal ..."). */
    static final Set<String> ROLES = words("leader", "commander", "spokesman", "spokeswoman", "spokesperson", "chief",
            "head", "cleric", "founder", "deputy", "official", "minister", "president", "envoy", "ambassador",
            "secretary-general", "colonel", "general", "brigadier", "lieutenant", "militant", "member", "figure",
            "strongman", "warlord", "emir", "politician", "lawmaker", "mp", "analyst", "journalist", "reporter",
            "activist", "businessman", "financier", "operative", "commanders", "leaders", "son", "brother",
            "nephew", "cousin", "aide", "adviser", "advisor", "chairman", "director", "counterpart", "rival");

    /** Words ending a place's name ("Anbar Province", "Jurf al-Sakhar District"). */
    static final Set<String> PLACE_HEADS = words("province", "governorate", "city", "district", "camp", "base",
            "airport", "street", "square", "gulf", "river", "mountains", "mountain", "valley", "region", "desert",
            "border", "crossing", "bridge", "dam", "sea", "island", "islands", "port", "strait", "lake", "plain",
            "neighborhood", "neighbourhood", "quarter", "bay", "airbase", "county", "village", "town", "oasis",
            "peninsula", "heights", "canal", "highway", "road", "oilfield", "field", "refinery", "mosque", "shrine",
            "zone", "subdistrict", "sub-district", "gate", "museum", "palace", "stadium", "hospital", "prison",
            "compound", "airfield", "checkpoint", "hills");

    /** Prepositions a place's name follows ("in Jurf al-Sakhar", "near Albu Kamal"). */
    static final Set<String> PLACE_PREPOSITIONS = words("in", "near", "outside", "inside", "across", "throughout",
            "around", "into", "toward", "towards", "from", "at", "to", "via", "between", "northern", "southern",
            "eastern", "western", "central");

    /** Words opening a place's name: "Fort Campbell", "Camp Speicher", "Mount Sinjar". */
    static final Set<String> PLACE_OPENERS = words("fort", "camp", "mount", "lake", "cape", "jabal", "jebel", "wadi",
            "tell", "tal");

    /** The prepositions of {@link #PLACE_PREPOSITIONS} (not its adjectives), which may open a sentence. */
    static final Set<String> SENTENCE_PREPOSITIONS = words("in", "near", "outside", "inside", "across", "throughout",
            "around", "into", "toward", "towards", "from", "at", "to", "via", "between");

    /** Words a state's long name is made with: "Hashemite Kingdom of Jordan", "Islamic Republic of Iran". */
    static final Set<String> STATE_HEADS = words("kingdom", "republic", "emirate", "sultanate", "principality");

    /** Lower-case words inside a name ("Islamic State of Iraq", "Abu Fadak al-Mohammedawi", "Saddam bin ..."). */
    static final Set<String> CONNECTORS = words("of", "the", "for", "al", "el", "ad", "ar", "as", "ash",
            "at", "az", "an", "bin", "ibn", "bint", "de", "du", "da", "del", "van", "von", "der", "la", "le", "ul",
            "ud", "abu");

    /** Prefixes of an Arabic name's parts written with a hyphen ("al-Sadr", "ash-Sham"). */
    static final Set<String> PARTICLES = words("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ad-din",
            "ud", "ul", "ibn", "bin", "abu");

    /** Given names of the region and of the news: a run opening with one is a person's name. */
    static final Set<String> GIVEN_NAMES = words("mohammed", "muhammad", "mohammad", "mohamed", "mohamad",
            "muhammed", "ahmed", "ahmad", "ali", "hassan", "hasan", "hussein", "husayn", "hossein", "hosein", "omar",
            "umar", "khalid", "khaled", "mahmoud", "mahmud", "mustafa", "mostafa", "ibrahim", "ismail", "esmail",
            "ismael", "qasem", "qassem", "qassim", "qasim", "ghasem", "kasem", "kassem", "qassem", "qais", "qays",
            "hadi", "faleh", "falih",
            "hamid", "haider", "hayder", "haidar", "nouri", "nuri", "muqtada", "moqtada", "ammar", "jafar", "jaafar",
            "akram", "kadhim", "kazem", "kazim", "abbas", "jamal", "mahdi", "mehdi", "karim", "yusuf", "yousef",
            "youssef", "saleh", "salih", "adel", "adil", "fuad", "masoud", "masud", "massoud", "hashim", "hashem",
            "jawad", "javad", "majid", "reza", "mohsen", "bashar", "hafez", "walid", "samir", "ziad", "tariq",
            "tarek", "saddam", "osama", "usama", "ayman", "yasser", "yasir", "nabil", "salman", "sultan", "faisal",
            "fahd", "abdullah", "abdallah", "abdul", "abd", "abdel", "abdulaziz", "abdulrahman", "abdelkarim",
            "hamza", "hamzah", "laith", "layth", "shibl", "rayan", "wissam", "kamal", "khamis", "ghazi", "fadel",
            "fadhil", "nasser", "nasir", "naim", "hakim", "ayad", "iyad", "qusay", "uday", "izzat", "kata", "amer",
            "amir", "hamed", "rahim", "hezam", "abu", "umm", "donald", "joe", "barack", "george", "john", "james",
            "michael", "david", "robert", "william", "mike", "antony", "lloyd", "mark", "jim", "vladimir", "recep",
            "emmanuel", "boris", "benjamin", "hillary", "julie", "kenneth", "frank", "lindsey", "marco", "jake",
            "brett", "christopher", "paul", "peter", "richard", "thomas", "charles", "daniel", "matthew", "anthony",
            "steven", "andrew", "kevin", "brian", "mary", "jennifer", "elizabeth", "sarah", "susan", "karen",
            "nancy", "margaret", "catherine", "ashton", "federica", "staffan", "ban", "antonio", "kofi", "jens",
            "angela", "theresa", "rishi", "keir", "ebrahim", "hassan", "javad", "ali-akbar", "mojtaba", "raisi",
            "gholam", "amirali", "ruhollah", "nechirvan", "masrour", "masoud", "jalal", "bafel", "qubad", "sayyid",
            "sayed", "sheikh");

    /** Capitalized words that are not names, or not alone: sentence openers, days, months. */
    static final Set<String> NOT_NAMES = words("the", "a", "an", "in", "on", "at", "but", "however", "this", "these",
            "those", "that", "he", "she", "it", "they", "we", "i", "you", "its", "his", "her", "their", "our",
            "according", "after", "before", "while", "when", "during", "since", "as", "by", "for", "from", "if",
            "meanwhile", "also", "and", "or", "of", "to", "with", "without", "there", "here", "what", "who", "why",
            "how", "where", "which", "one", "two", "three", "some", "many", "most", "all", "both", "each", "other",
            "another", "such", "no", "not", "yet", "still", "so", "then", "than", "now", "today", "yesterday",
            "tomorrow", "last", "next", "first", "second", "new", "more", "less", "over", "under", "about", "against",
            "among", "amid", "despite", "although", "though", "because", "until", "unless", "whether", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb",
            "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "reuters",
            "ap", "afp", "photo", "image", "video", "read", "click", "subscribe", "share", "related", "advertisement",
            "copyright", "update", "updated", "editor", "note", "source", "sources", "ok", "yes", "please", "thank",
            "thanks", "dear", "sir", "madam", "whereas", "furthermore", "moreover", "therefore", "thus", "indeed",
            "any", "every", "several", "few", "much", "very", "just", "only", "even", "well", "again", "once",
            "said", "says", "told", "added", "noted", "stated", "saying", "being", "having", "do", "does", "did",
            "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should",
            "must", "might", "shall", "let", "see", "see also", "chapter", "section", "article", "table", "figure",
            "page", "part", "fig", "vol", "no.", "st", "nd", "rd", "th", "am", "pm", "gmt", "utc", "bst", "est",
            "et", "pt", "mst", "cst", "pst", "edt", "cdt", "mdt", "pdt", "cet", "cest", "oh", "ah", "via", "per",
            "etc", "ie", "eg", "vs", "english", "arabic",
            // weapons and kit, written as acronyms like organisations
            "fob", "ied", "ieds", "vbied", "vbieds", "svbied", "rpg", "rpgs", "uav", "uavs", "mrap", "atgm", "manpads",
            "ak", "rss", "pdf", "faq", "ceo", "gdp", "covid", "nyc", "brief", "opinion", "analysis", "news");

    /** Nationalities and other adjectives of place and faith: no name by themselves. */
    static final Set<String> ADJECTIVES = words("iraqi", "iranian", "syrian", "american", "kurdish", "shia", "shiite",
            "shii", "sunni", "turkish", "russian", "british", "israeli", "lebanese", "arab", "arabic", "islamic",
            "western", "eastern", "northern", "southern", "central", "persian", "yemeni", "saudi", "gulf", "european",
            "french", "german", "chinese", "qatari", "emirati", "jordanian", "egyptian", "palestinian", "afghan",
            "pakistani", "us", "u.s", "uk", "u.k", "un", "u.n", "eu", "nato", "federal", "national", "international",
            "christian", "muslim", "jewish", "yazidi", "turkmen", "shabak", "assyrian", "chaldean", "alawite",
            "druze", "bahraini", "kuwaiti", "omani", "houthi", "baathist", "ba'athist", "sadrist", "jihadist",
            "salafi", "wahhabi");

    /** The states of the United States, which the news writes after a place as it writes a country. */
    static final Set<String> US_STATES = words("alabama", "alaska", "arizona", "arkansas", "california", "colorado",
            "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
            "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
            "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico",
            "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
            "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia",
            "washington", "west virginia", "wisconsin", "wyoming");

    /** The world's countries as English names them, folded (from the JDK's locale data). */
    static final Set<String> COUNTRIES = Arrays.stream(Locale.getISOCountries())
            .map(code -> TextFolding.fold(new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * English given names beyond {@link #GIVEN_NAMES}, less every word this class knows as something else ("Jordan",
     * "Georgia", "King", "May") and a few that open other names more often than people's ("Royal", "Santa"): a run
     * they open is a person's only when nothing else types it.
     */
    static final Set<String> ENGLISH_GIVEN_NAMES = GivenNames.load(Stream.of(ORGANIZATION_HEADS,
            LOWER_CASE_ORGANIZATION_HEADS, LOWER_CASE_PLACE_HEADS, ORGANIZATION_WORDS, GROUP_OPENERS, TITLES, ROLES,
            PLACE_HEADS, PLACE_OPENERS, STATE_HEADS, CONNECTORS, NOT_NAMES, ADJECTIVES, US_STATES, COUNTRIES,
            words("africa", "america", "asia", "europe", "oceania", "arabia", "levant", "royal", "irish", "santa"),
            // the first word of a country's or a state's name: "Hong" of "Hong Kong", "Sierra" of "Sierra Leone"
            Stream.concat(COUNTRIES.stream(), US_STATES.stream()).map(name -> name.split(" ")[0])
                    .collect(Collectors.toSet()))
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet()));

    /** Last words of names that no person's name ends with: events, awards, plans, teams and firms' short forms. */
    static final Set<String> NOT_PEOPLES_HEADS = words("cup", "trophy", "prize", "award", "awards", "globe", "globes",
            "plan", "show", "festival", "games", "park", "bros", "utd");

    private LatinWords() {
    }

    /** A set of words, a repeated one taken once. */
    static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    /** A word as the lists hold it: lower case, apostrophes and trailing dots dropped. */
    static String plain(String word) {
        int n = word.length();
        int k = 0;
        // most words are already plain: written in lower case, with no apostrophe or trailing dot
        while (k < n && plainChar(word.charAt(k), k == n - 1)) {
            k++;
        }
        if (k == n) {
            return word;
        }
        String w = word.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c != '\'' && c != '’' && c != 'ʼ' && c != '‘' && !(c == '.' && i == w.length() - 1)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether a character stays as it is in a plain word: a lower-case ASCII letter, a digit, an inner mark. */
    private static boolean plainChar(char c, boolean last) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' && !last;
    }
}
