package io.dossier.gateway.ui;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Documents over time as an SVG bar chart on a real time axis: one slot for every month from the first to the last
 * (empty months take their place), or one for every year when the dates span more than {@value #MONTHS_MAX} months;
 * a year label under each January (or every few years), the highest count on the vertical axis, each bar's count on
 * hover and to screen readers, and how many documents have no date. A bar is a link that keeps only its period, so a
 * click on a year zooms into its months. Drawn on the server as attributes only: no script, and the strict
 * Content-Security-Policy holds.
 *
 * @param width the drawing's width in SVG units; {@code height} likewise
 * @param bars the bars with documents (empty slots draw nothing)
 * @param ticks the labels under the axis
 * @param unit "month" or "year"
 * @param undated the documents counted by the search but in no bar (no publication date)
 */
public record Histogram(int width, int height, int plotTop, int plotBottom, int plotLeft, List<Bar> bars,
        List<Tick> ticks, long max, String first, String last, String unit, long undated) {

    /** Whether a bar is a link (on the pages that can filter by period). */
    public boolean linked() {
        return !bars.isEmpty() && bars.get(0).href() != null;
    }

    /** Past this many months from first to last, a bar is a year. */
    static final int MONTHS_MAX = 120;
    static final int WIDTH = 640;
    static final int HEIGHT = 110;
    static final int LEFT = 34;
    static final int TOP = 8;
    static final int BOTTOM = 88;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** A bar: its box, its words ("Mar 2024: 12 documents") and the link that keeps only its period. */
    public record Bar(int x, int y, int width, int height, String label, long count, String href) {
    }

    /** A label under the axis at {@code x}. */
    public record Tick(int x, String label) {
    }

    /**
     * The chart of date buckets (month buckets as the search answers them, empty ones left out), or null when no
     * document has a date; {@code total} is what the search counted, so that the documents without a date are told.
     */
    static Histogram of(List<SearchApi.DateBucket> buckets, long total, BiFunction<String, String, String> link) {
        if (buckets == null || buckets.isEmpty()) {
            return null;
        }
        TreeMap<YearMonth, Long> months = new TreeMap<>();
        for (SearchApi.DateBucket b : buckets) {
            try {
                months.merge(YearMonth.from(LocalDate.parse(b.start())), b.count(), Long::sum);
            } catch (RuntimeException e) {
                // a bucket without a readable date is not drawn; its documents count as undated
            }
        }
        if (months.isEmpty()) {
            return null;
        }
        long dated = months.values().stream().mapToLong(Long::longValue).sum();
        YearMonth first = months.firstKey();
        YearMonth last = months.lastKey();
        long span = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        boolean byYear = span > MONTHS_MAX;
        Map<Integer, Long> years = new TreeMap<>();
        if (byYear) {
            months.forEach((m, c) -> years.merge(m.getYear(), c, Long::sum));
        }
        int slots = byYear ? last.getYear() - first.getYear() + 1 : (int) span;
        long max = byYear
                ? years.values().stream().mapToLong(Long::longValue).max().orElse(1)
                : months.values().stream().mapToLong(Long::longValue).max().orElse(1);
        double step = (double) (WIDTH - LEFT - 4) / slots;
        // bars at most 36 units wide, in the middle of their slot: a few months stay bars, not blocks
        int barWidth = (int) Math.max(1, Math.min(36, Math.floor(step * 0.8)));
        int inset = (int) Math.floor((step - barWidth) / 2);
        // a year or less: every month is named; longer: the years
        boolean monthTicks = !byYear && slots <= 12;
        int plotHeight = BOTTOM - TOP;
        List<Bar> bars = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        // labels at most every ~56 units, on round years (every 1, 2, 5, 10... years)
        int needed = Math.max(1, (int) Math.ceil(56 / (byYear ? step : step * 12)));
        int yearsPerLabel = java.util.stream.IntStream.of(1, 2, 5, 10, 20, 25, 50, 100).filter(n -> n >= needed)
                .findFirst().orElse(needed);
        for (int i = 0; i < slots; i++) {
            int slotStart = LEFT + 2 + (int) Math.round(i * step);
            int x = slotStart + inset;
            YearMonth start = byYear ? YearMonth.of(first.getYear() + i, 1) : first.plusMonths(i);
            YearMonth end = byYear ? YearMonth.of(start.getYear(), 12) : start;
            long count = byYear ? years.getOrDefault(start.getYear(), 0L) : months.getOrDefault(start, 0L);
            if (monthTicks) {
                ticks.add(new Tick(x + barWidth / 2, i == 0 || start.getMonthValue() == 1
                        ? MONTH.format(start)
                        : start.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)));
            } else if ((byYear || start.getMonthValue() == 1 || i == 0 && (13 - start.getMonthValue()) * step >= 40)
                    && start.getYear() % yearsPerLabel == 0) {
                // (the first month's year only when the next January is far enough not to run into it)
                ticks.add(new Tick(byYear ? x + barWidth / 2 : slotStart, Integer.toString(start.getYear())));
            }
            if (count > 0) {
                int h = (int) Math.max(2, Math.round(plotHeight * (double) count / max));
                String period = byYear ? Integer.toString(start.getYear()) : MONTH.format(start);
                bars.add(new Bar(x, BOTTOM - h, barWidth, h, period + ": " + count + (count == 1
                        ? " document"
                        : " documents"), count, link == null
                                ? null
                                : link.apply(start.atDay(1).toString(), end.atEndOfMonth().toString())));
            }
        }
        return new Histogram(WIDTH, HEIGHT, TOP, BOTTOM, LEFT, bars, ticks, max,
                byYear ? Integer.toString(first.getYear()) : MONTH.format(first),
                byYear ? Integer.toString(last.getYear()) : MONTH.format(last), byYear ? "year" : "month",
                Math.max(0, total - dated));
    }
}
