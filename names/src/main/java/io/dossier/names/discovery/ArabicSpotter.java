package io.dossier.names.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.dossier.common.text.TextFolding;

/**
 * Names in Arabic (and Persian) text. Arabic has no capitals, so a name is found by the word that opens it: the words
 * armed groups are named with (كتائب، سرايا، حركة، لواء، عصائب ...), a kunya (أبو ...), a title or rank before a
 * person's name (الشيخ، اللواء ...), a kind of place (محافظة، مدينة، قاعدة ...). The name runs on over the words that
 * may belong to it, and stops at a function word, a role, a common adjective, a conjunction with an article, or
 * punctuation. Words are compared folded ({@link TextFolding}), so hamza and alef forms do not matter.
 */
final class ArabicSpotter {

    /** Words that open an organisation's name; the name includes them. */
    private static final Set<String> ORGANIZATION_OPENERS = folded("كتائب", "كتيبة", "سرايا", "حركة", "لواء", "ألوية",
            "عصائب", "جيش", "فيلق", "منظمة", "حزب", "تنظيم", "جبهة", "الحشد", "تجمع", "أنصار", "جماعة", "مجلس", "هيئة",
            "ائتلاف", "تيار", "قوات");

    /** Words after which {@code قوات}, {@code مجلس}, {@code هيئة} ... name no one in particular. */
    private static final Set<String> GENERIC_SECOND = folded("الأمن", "الأمنية", "التحالف", "الاحتلال", "الجيش",
            "الشرطة", "النواب", "الوزراء", "الأمريكية", "الأميركية", "العراقية", "الحكومة", "الحكومية", "النظام",
            "المعارضة", "محلية", "أمنية", "عسكرية", "مسلحة", "أجنبية", "الدولة", "الحدود", "خاصة", "كبيرة", "صغيرة",
            "أخرى", "الاتحادية", "الرد", "التدخل", "الطوارئ", "المحافظة", "إدارة", "الإدارة", "العمليات", "الفصائل");

    /** Kunya: "أبو مهدي المهندس"; the name includes it. */
    private static final Set<String> KUNYA = folded("أبو", "أبي", "أبا", "أم");

    /** Titles and ranks before a person's name; dropped from it. */
    private static final Set<String> TITLES = folded("الشيخ", "السيد", "الحاج", "القائد", "الجنرال", "العميد",
            "العقيد", "الفريق", "اللواء", "المرجع", "الزعيم", "الرئيس", "الوزير", "النائب", "القيادي", "الدكتور",
            "المهندس", "الملا", "آية", "حجة", "سماحة", "زعيم", "قائد", "رئيس", "الأمين", "العام", "المتحدث", "باسم",
            "الناطق", "النائب", "وزير", "نائب", "الإرهابي", "المطلوب");

    /** Words that go with a title rather than the name: "رئيس الوزراء"، "آية الله"، "الأمين العام ل...". */
    private static final Set<String> TITLE_TAILS = folded("الوزراء", "الجمهورية", "البرلمان", "الله", "العام",
            "باسم", "الإسلام", "الحكومة", "الأركان", "المجلس", "الحزب", "الحركة", "المكتب");

    /** Kinds of place whose name follows them ("محافظة الأنبار"): the name is what follows. */
    private static final Set<String> PLACE_KINDS = folded("مدينة", "محافظة", "قضاء", "ناحية", "بلدة", "قرية", "حي",
            "منطقة", "بمدينة", "بمحافظة", "بقضاء", "بناحية", "ببلدة", "بقرية", "بمنطقة", "لمدينة", "لمحافظة");

    /** Kinds of place named with their kind ("قاعدة عين الأسد"، "مطار بغداد"). */
    private static final Set<String> NAMED_PLACES = folded("قاعدة", "مطار", "معبر", "مخيم", "سجن", "معسكر", "جسر",
            "سد", "ميناء", "ساحة");

    /** The world's countries as Arabic names them (from the JDK's locale data), folded: places by themselves. */
    private static final Set<String> COUNTRIES = java.util.Arrays.stream(java.util.Locale.getISOCountries())
            .map(code -> TextFolding.fold(new java.util.Locale("", code).getDisplayCountry(new java.util.Locale("ar"))))
            .filter(name -> !name.isBlank() && name.indexOf(' ') < 0).collect(Collectors.toUnmodifiableSet());

    /** Words no name runs over. */
    private static final Set<String> STOP = folded("في", "من", "على", "إلى", "الى", "عن", "مع", "التي", "الذي", "الذين",
            "اللذين", "هذه", "هذا", "ذلك", "تلك", "كان", "كانت", "قد", "لقد", "لم", "لن", "أن", "إن", "ان", "ما", "لا",
            "بعد", "قبل", "حيث", "كما", "أو", "او", "ثم", "بين", "خلال", "ضد", "عند", "منذ", "حول", "عبر", "نحو", "دون",
            "غير", "كل", "بعض", "أي", "وقد", "فقد", "والتي", "والذي", "هو", "هي", "هم", "أمس", "اليوم", "يوم", "عام",
            "قال", "وقال", "أكد", "وأكد", "أعلن", "وأعلن", "بيان", "ضمن", "لدى", "وفق", "حتى", "بل", "لكن",
            "ولكن", "إذا", "عندما", "وهو", "وهي", "أيضا", "يذكر", "وكان", "وكانت", "إنه", "إنها", "أنه", "أنها", "له",
            "لها", "لهم", "به", "بها", "بهم", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "الى", "و", "ف", "ثمة",
            "هناك", "هنا", "الآن", "قائد", "زعيم", "رئيس", "أمين", "المتحدث", "متحدث", "وزير", "نائب", "عضو", "مسؤول",
            "القيادي", "قيادي", "الناطق", "ناطق", "مؤسس", "عناصر", "مقاتلي", "مقاتلو", "فصائل", "الفصائل", "مسلحي",
            "المدعومة", "المدعوم", "الموالية", "الموالي", "المسلحة", "المسلح", "المقربة", "المقرب", "التابعة",
            "التابع", "المعروفة", "المعروف", "المتحالفة", "الأخرى", "الجديدة", "المتهمة", "المصنفة", "المنضوية",
            "الشيعية", "الشيعي", "السنية", "الإيرانية", "الإيراني", "العراقية", "العراقي", "السورية", "السوري",
            "الأمريكية", "الأميركية", "الأمريكي", "الأميركي", "يوم", "مساء", "صباح", "ليلة", "شهر", "سنة", "إثر",
            "جراء",
            "بسبب", "وسط", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "قرب", "داخل", "خارج",
            // verbs that follow a group's name in the news
            "أعلنت", "أعلن", "قالت", "نفت", "نفى", "تبنت", "تبنى", "هددت", "هدد", "أكدت", "استهدفت", "استهدف", "شنت",
            "شن", "دعت", "دعا", "طالبت", "طالب", "رفضت", "رفض", "أصدرت", "أصدر", "نشرت", "نشر", "ذكرت", "ذكر",
            "أشارت", "أفادت", "تعلن", "يعلن", "تقول", "يقول", "توعدت", "توعد", "حذرت", "حذر", "اتهمت", "اتهم",
            "قتل", "قتلت", "اغتيل", "أصيب", "اعتقل", "اعتقلت", "وصل", "وصلت", "زار", "زارت", "التقى", "التقت");

    /** Endings of a word with a pronoun attached ("مسؤوليتها"، "عناصرهم"): no part of a name. */
    private static final List<String> PRONOUN_ENDINGS = List.of("ها", "هم", "هما", "هن");

    private static final String FORCES = TextFolding.fold("قوات");
    private static final String GOD = TextFolding.fold("الله");

    /** Words of a person's name at most, the title left out; of an organisation's, its opener included. */
    private static final int PERSON_WORDS = 3;
    private static final int ORGANIZATION_WORDS = 5;

    private final String text;
    /** What the registry linked: no name runs over it. */
    private int[] linked;
    private int nextLinked;
    private final List<int[]> words = new ArrayList<>();
    private final List<String> folded = new ArrayList<>();

    private ArabicSpotter(String text) {
        this.text = text;
    }

    /** Adds the names of a text to {@code out}; no name runs over a span of {@code linked} ((start, end) pairs). */
    static void spot(String text, int[] linked, List<SpottedName> out) {
        ArabicSpotter spotter = new ArabicSpotter(text);
        spotter.linked = linked;
        spotter.tokenize();
        spotter.names(out);
    }

    private void tokenize() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isArabicLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (isArabicLetter(text.charAt(i)) || isMark(text.charAt(i)))) {
                i++;
            }
            if (isLinked(start, i)) {
                continue; // a registered name's word: no part of a new one
            }
            words.add(new int[]{start, i});
            folded.add(TextFolding.fold(text.substring(start, i)));
        }
    }

    private void names(List<SpottedName> out) {
        int i = 0;
        while (i < words.size()) {
            int next = name(i, out);
            i = Math.max(next, i + 1);
        }
    }

    /** Spots the name that word i opens, if it opens one; returns the word after it. */
    private int name(int i, List<SpottedName> out) {
        String word = folded.get(i);
        int prefix = clinging(word); // "وكتائب": a conjunction or preposition before the opener
        String bare = word.substring(prefix);
        if (ORGANIZATION_OPENERS.contains(bare) && i + 1 < words.size()) {
            if (bare.equals(FORCES) && joined(i + 1) && ORGANIZATION_OPENERS.contains(folded.get(i + 1))) {
                return i + 1; // "قوات لواء ...": the forces of the group named next
            }
            int end = runOver(i + 1, ORGANIZATION_WORDS - 1, false);
            if (end == i + 1 || GENERIC_SECOND.contains(folded.get(i + 1)) || TITLES.contains(folded.get(i + 1))) {
                return i + 1;
            }
            return add(i, prefix, end, SpottedName.Type.ORGANIZATION, out);
        }
        if (KUNYA.contains(bare) && i + 1 < words.size() && joined(i + 1) && !stops(i + 1)) {
            int end = i + 2;
            if (end < words.size() && joined(end) && folded.get(end).startsWith("ال") && !stops(end)) {
                end++; // the nisba or laqab: "أبو فدك المحمداوي"
            }
            return add(i, prefix, end, SpottedName.Type.PERSON, out);
        }
        if (TITLES.contains(bare)) {
            int from = i + 1;
            while (from < words.size() && joined(from)
                    && (TITLE_TAILS.contains(folded.get(from)) || TITLES.contains(folded.get(from)))) {
                from++;
            }
            if (from + 1 < words.size() && folded.get(from).startsWith("ال") && joined(from + 1)
                    && KUNYA.contains(folded.get(from + 1))) {
                return from + 1; // "القائد الميداني أبو تقوى": a title's adjective, then the kunya
            }
            String first = from < words.size() ? folded.get(from).substring(clinging(folded.get(from))) : "";
            if (from >= words.size() || !joined(from) || ORGANIZATION_OPENERS.contains(first)
                    || KUNYA.contains(first)) {
                return from; // a kunya or a group's name opens there: spotted by itself
            }
            int end = runOver(from, PERSON_WORDS, true);
            return end - from >= 2 ? add(from, 0, end, SpottedName.Type.PERSON, out) : end;
        }
        if (PLACE_KINDS.contains(bare) || NAMED_PLACES.contains(bare)) {
            boolean named = NAMED_PLACES.contains(bare);
            int from = i + 1;
            if (from >= words.size() || !joined(from) || stops(from)) {
                return from;
            }
            int end = from + 1;
            if (end < words.size() && joined(end) && !stops(end)
                    && (folded.get(end).startsWith("ال") && !folded.get(from).startsWith("ال") || named)) {
                end++; // "صلاح الدين"، "عين الأسد"
            }
            return named
                    ? add(i, prefix, end, SpottedName.Type.LOCATION, out)
                    : add(from, 0, end, SpottedName.Type.LOCATION, out);
        }
        if (COUNTRIES.contains(bare) && prefix == 0) {
            return add(i, 0, i + 1, SpottedName.Type.LOCATION, out);
        }
        return i + 1;
    }

    /**
     * The end of a name's run from word {@code from}: at most {@code longest} words, none a stop word nor a
     * conjunction with an article; a person's name ends at the family name (the first word with the article after
     * another word).
     */
    private int runOver(int from, int longest, boolean person) {
        int end = from;
        while (end < words.size() && end - from < longest && joined(end) && !stops(end)) {
            String w = folded.get(end);
            if (end > from && (w.startsWith("وال") || w.startsWith("فال") || w.startsWith("بال")
                    || w.startsWith("كال") || w.startsWith("لل"))) {
                break; // a conjunction or a preposition with the article: the sentence goes on
            }
            boolean definite = w.startsWith("ال");
            if (end > from && !definite && folded.get(end - 1).startsWith("ال") && !w.equals(GOD)) {
                break; // a name ends at its definite word ("عصائب أهل الحق"، "كاظم الفرطوسي")
            }
            if (person && end - from == 2 && !definite) {
                break; // a third word of a person's name is a family name, with the article
            }
            if (!person && end - from >= 2 && ORGANIZATION_OPENERS.contains(w)) {
                break; // another group's name begins
            }
            end++;
            if (person && end - from >= 2 && definite) {
                break;
            }
        }
        return end;
    }

    private boolean stops(int i) {
        String w = folded.get(i);
        if (STOP.contains(w) || w.length() < 2 || (w.length() > 2 && (w.charAt(0) == 'و' || w.charAt(0) == 'ف')
                && STOP.contains(w.substring(1)))) {
            return true;
        }
        if (w.length() >= 5 && !w.startsWith("ال")) {
            for (String ending : PRONOUN_ENDINGS) {
                if (w.endsWith(ending)) {
                    return true;
                }
            }
        }
        return false;
    }

    private int add(int from, int prefix, int end, SpottedName.Type type, List<SpottedName> out) {
        int start = words.get(from)[0];
        for (int letters = 0; letters < prefix; start++) {
            letters += isMark(text.charAt(start)) ? 0 : 1; // the clinging letters, with any marks they carry
        }
        while (start < text.length() && isMark(text.charAt(start))) {
            start++;
        }
        int stop = words.get(end - 1)[1];
        out.add(new SpottedName(clean(text.substring(start, stop)), type, start, stop));
        return end;
    }

    /**
     * How many letters of a word are a conjunction or preposition clinging to it ("وكتائب"، "لكتائب"، "وبمحافظة"):
     * one or two, when what remains opens a name.
     */
    private static int clinging(String word) {
        for (int k = 1; k <= 2 && k < word.length() - 2; k++) {
            char c = word.charAt(k - 1);
            if (c != 'و' && c != 'ف' && c != 'ب' && c != 'ل' && c != 'ك') {
                return 0;
            }
            String rest = word.substring(k);
            if (ORGANIZATION_OPENERS.contains(rest) || KUNYA.contains(rest) || PLACE_KINDS.contains(rest)
                    || NAMED_PLACES.contains(rest)) {
                return k;
            }
        }
        return 0;
    }

    /** Whether a word overlaps a linked span; asked for words in text order. */
    private boolean isLinked(int start, int end) {
        while (nextLinked + 1 < linked.length && linked[nextLinked + 1] <= start) {
            nextLinked += 2;
        }
        return nextLinked + 1 < linked.length && linked[nextLinked] < end;
    }

    /** Whether only spaces stand between word i - 1 and word i. */
    private boolean joined(int i) {
        int from = words.get(i - 1)[1];
        int to = words.get(i)[0];
        if (to - from > 2) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c != ' ' && c != '\u00a0' && c != '\u200c') {
                return false;
            }
        }
        return true;
    }

    /** The name as written, its diacritics and tatweel dropped and its spaces collapsed. */
    static String clean(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isMark(c)) {
                out.append(Character.isWhitespace(c) ? ' ' : c);
            }
        }
        return out.toString().replaceAll(" +", " ").strip();
    }

    private static boolean isArabicLetter(char c) {
        // no Arabic letter comes before the Arabic block (U+0600): most characters of most texts are answered here
        return c >= '\u0600' && Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC
                && c != '\u0640';
    }

    /** Tashkeel, the dagger alef and tatweel: parts of a word, never of its spelling. */
    private static boolean isMark(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';
    }

    private static Set<String> folded(String... words) {
        return Arrays.stream(words).map(TextFolding::fold).collect(Collectors.toUnmodifiableSet());
    }
}
