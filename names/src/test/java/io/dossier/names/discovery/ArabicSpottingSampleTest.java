package io.dossier.names.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the Arabic spotting on sentences of our own in the style of the region's news (no
 * annotated Arabic news is at hand): each with the names a reader would mark, typed. A name counts when spotted with
 * its type and its very words. The rules were tuned on these sentences (precision 0.684 and recall 0.520 before),
 * so this is a development set: it keeps a rule change from losing what they find, it does not tell how well the
 * rules generalise.
 */
class ArabicSpottingSampleTest {

    record Sample(String text, List<String> names) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("أعلنت سرايا أولياء الدم مسؤوليتها عن قصف قاعدة عين الأسد.",
                    List.of("ORGANIZATION|سرايا أولياء الدم", "LOCATION|قاعدة عين الأسد")),
            new Sample("قال القيادي أبو فدك المحمداوي إن الفصائل لن تنسحب من المدن.",
                    List.of("PERSON|أبو فدك المحمداوي")),
            new Sample("التقى اللواء إسماعيل قاآني بقادة الفصائل في بغداد.",
                    List.of("PERSON|إسماعيل قاآني", "LOCATION|بغداد")),
            new Sample("وأكدت حركة النجباء أن عملياتها ستستمر.", List.of("ORGANIZATION|حركة النجباء")),
            new Sample("نفت عصائب أهل الحق أي علاقة لها بالهجوم.", List.of("ORGANIZATION|عصائب أهل الحق")),
            new Sample("اعتقلت القوات الأمنية مسلحين في محافظة ديالى.", List.of("LOCATION|ديالى")),
            new Sample("زار الشيخ قيس الخزعلي مدينة البصرة أمس.",
                    List.of("PERSON|قيس الخزعلي", "LOCATION|البصرة")),
            new Sample("أصدر تنظيم حراس الدين بيانا جديدا.", List.of("ORGANIZATION|تنظيم حراس الدين")),
            new Sample("وقال المتحدث باسم كتائب سيد الشهداء كاظم الفرطوسي إن الرد قادم.",
                    List.of("ORGANIZATION|كتائب سيد الشهداء", "PERSON|كاظم الفرطوسي")),
            new Sample("قتل القائد الميداني أبو تقوى السعيدي في غارة بطائرة مسيرة.",
                    List.of("PERSON|أبو تقوى السعيدي")),
            new Sample("وصل رئيس الوزراء محمد شياع السوداني إلى طهران.",
                    List.of("PERSON|محمد شياع السوداني", "LOCATION|طهران")),
            new Sample("شنت جماعة أنصار الله هجوما على سفينة في البحر الأحمر.",
                    List.of("ORGANIZATION|جماعة أنصار الله", "LOCATION|البحر الأحمر")),
            new Sample("وانتشرت قوات لواء أبو الفضل العباس قرب معبر القائم.",
                    List.of("ORGANIZATION|لواء أبو الفضل العباس", "LOCATION|معبر القائم")),
            new Sample("وأشادت منظمة بدر بدور الحشد الشعبي في تحرير ناحية جرف الصخر.",
                    List.of("ORGANIZATION|منظمة بدر", "ORGANIZATION|الحشد الشعبي", "LOCATION|جرف الصخر")),
            new Sample("ودعا السيد مقتدى الصدر أنصاره إلى التظاهر في ساحة التحرير.",
                    List.of("PERSON|مقتدى الصدر", "LOCATION|ساحة التحرير")));

    @Test
    void spotsTheNamesOfOurArabicSentences() {
        int spotted = 0;
        int right = 0;
        int gold = 0;
        List<String> wrong = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (Sample s : SAMPLES) {
            Set<String> found = new HashSet<>();
            NameSpotter.spot(s.text(), new int[0]).forEach(n -> found.add(n.key()));
            spotted += found.size();
            gold += s.names().size();
            for (String f : found) {
                if (s.names().contains(f)) {
                    right++;
                } else {
                    wrong.add(f);
                }
            }
            s.names().stream().filter(n -> !found.contains(n)).forEach(missed::add);
        }
        double precision = (double) right / spotted;
        double recall = (double) right / gold;
        System.out.printf("Arabic name spotting on %d sentences of our own: %d names spotted, %d right, %d gold: "
                + "precision=%.3f recall=%.3f%n  wrong: %s%n  missed: %s%n", SAMPLES.size(), spotted, right, gold,
                precision, recall, wrong, missed);
        // measured 0.952 and 0.800: what is missed is a place after a preposition (no gazetteer of cities), a
        // person named without a title or kunya, and a group whose name runs into a preposition's word
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat(recall).isGreaterThanOrEqualTo(0.75);
    }
}
