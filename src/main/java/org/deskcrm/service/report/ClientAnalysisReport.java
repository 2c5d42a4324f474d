package org.deskcrm.service.report;

import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.persistence.report.SalesQueries.ClientTotals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client analysis over the sales of the period (sales, not revenue: see ADR 0001). ABC: clients by
 * sales amount, descending; A while the cumulative share before the client is below
 * {@code abc.a_share} % (80), B below a + {@code abc.b_share} (95), else C. XYZ: coefficient of
 * variation of the client's monthly sales over the period's months (zero months included): ≤
 * {@code xyz.x_max_cv} % X, ≤ {@code xyz.y_max_cv} % Y, else Z. RFM: recency (days from the last
 * sale to the period's end), frequency (sales) and monetary (amount) scored 1–5 by quintile among
 * the clients shown, with a named segment. Summary: counts per class, segment and lifecycle status.
 */
public final class ClientAnalysisReport implements Report {
    public static final String NAME = "clients";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final ReportSupport support;

    public ClientAnalysisReport(ReportSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        List<ClientTotals> list = new ArrayList<>(support.sales.clientTotals(s));
        list.sort(Comparator.comparing(ClientTotals::amount).reversed().thenComparingLong(ClientTotals::clientId));
        BigDecimal total = BigDecimal.ZERO;
        List<Long> ids = new ArrayList<>(list.size());
        for (ClientTotals c : list) {
            total = total.add(c.amount());
            ids.add(c.clientId());
        }
        // recency: fewer days since the last sale scores higher — the later last sale (none counts as the period's end)
        Map<Long, Integer> r = scores(list, Comparator.comparing(c -> c.lastSale() == null ? f.to() : c.lastSale()));
        Map<Long, Integer> fr = scores(list, Comparator.comparingLong(ClientTotals::count));
        Map<Long, Integer> mo = scores(list, Comparator.comparing(ClientTotals::amount));
        BigDecimal aLimit = BigDecimal.valueOf(support.intSetting("abc.a_share", 80));
        BigDecimal bLimit = aLimit.add(BigDecimal.valueOf(support.intSetting("abc.b_share", 15)));
        BigDecimal xMax = BigDecimal.valueOf(support.intSetting("xyz.x_max_cv", 10));
        BigDecimal yMax = BigDecimal.valueOf(support.intSetting("xyz.y_max_cv", 25));
        int months = months(f).size();
        Map<Long, String> names = support.lookups.clientNames(ids);
        TableBuilder t = new TableBuilder(NAME, f, Column.text("client"), Column.count("sales_count"),
                Column.money("sales_amount"), Column.ratio("share"), Column.text("abc"), Column.ratio("cv"),
                Column.text("xyz"), Column.number("recency_days"), Column.text("rfm"), Column.text("segment"));
        Map<String, Long> counts = new LinkedHashMap<>();
        BigDecimal before = BigDecimal.ZERO;
        for (ClientTotals c : list) {
            BigDecimal beforePct = total.signum() == 0 ? BigDecimal.ZERO : before.multiply(HUNDRED).divide(total, 6, RoundingMode.HALF_UP);
            String abc = beforePct.compareTo(aLimit) < 0 ? "A" : beforePct.compareTo(bLimit) < 0 ? "B" : "C";
            before = before.add(c.amount());
            BigDecimal cv = cv(c, months);
            String xyz = cv == null ? "Z" : cv.multiply(HUNDRED).compareTo(xMax) <= 0 ? "X"
                    : cv.multiply(HUNDRED).compareTo(yMax) <= 0 ? "Y" : "Z";
            int rs = r.get(c.clientId());
            int fs = fr.get(c.clientId());
            String segment = segment(rs, fs);
            counts.merge("abc." + abc, 1L, Long::sum);
            counts.merge("xyz." + xyz, 1L, Long::sum);
            counts.merge("segment." + segment, 1L, Long::sum);
            t.row(Long.toString(c.clientId()), names.get(c.clientId()), c.count(), c.amount(),
                    Ratios.ratio(c.amount(), total), abc, cv, xyz,
                    BigDecimal.valueOf(days(c.lastSale(), f.to())), "" + rs + fs + mo.get(c.clientId()), segment);
        }
        counts.forEach(t::summary);
        support.lookups.lifecycleCounts(s.filter()).forEach((k, v) -> t.summary("lifecycle." + k, v));
        return t.build(java.util.Collections.singletonMap("share", Ratios.ratio(total, total)));
    }

    private static long days(LocalDate lastSale, LocalDate end) {
        return lastSale == null ? 0 : ChronoUnit.DAYS.between(lastSale, end);
    }

    static List<YearMonth> months(ReportFilter f) {
        List<YearMonth> list = new ArrayList<>();
        for (YearMonth m = YearMonth.from(f.from()); !m.isAfter(YearMonth.from(f.to())); m = m.plusMonths(1)) {
            list.add(m);
        }
        return list;
    }

    /**
     * Population standard deviation / mean of the monthly amounts over the period's months (zero months
     * included); null when the mean is zero. Σ(a − mean)² is expanded to Σa² − 2·mean·Σa + n·mean², exact in
     * BigDecimal, so it equals the month-by-month sum to the last digit.
     */
    private static BigDecimal cv(ClientTotals c, int n) {
        BigDecimal count = BigDecimal.valueOf(n);
        BigDecimal mean = c.amount().divide(count, 10, RoundingMode.HALF_UP);
        if (mean.signum() == 0) {
            return null;
        }
        BigDecimal squares = c.monthSquares().subtract(BigDecimal.valueOf(2).multiply(mean).multiply(c.amount()))
                .add(count.multiply(mean).multiply(mean));
        BigDecimal var = squares.divide(count, 10, RoundingMode.HALF_UP);
        return SquareRoots.sqrt16(var).divide(mean, 4, RoundingMode.HALF_UP);
    }

    /** Scores 1–5 by quintile of the value among the clients (higher value, higher score; ties by client id). */
    private static Map<Long, Integer> scores(List<ClientTotals> list, Comparator<ClientTotals> byValue) {
        List<ClientTotals> sorted = new ArrayList<>(list);
        sorted.sort(byValue.thenComparingLong(ClientTotals::clientId));
        Map<Long, Integer> m = new HashMap<>(list.size() * 2);
        for (int i = 0; i < sorted.size(); i++) {
            m.put(sorted.get(i).clientId(), 1 + (5 * i) / sorted.size());
        }
        return m;
    }

    static String segment(int r, int f) {
        if (r >= 4 && f >= 4) {
            return "champions";
        }
        if (f >= 4) {
            return "loyal";
        }
        if (r >= 4 && f <= 2) {
            return "new";
        }
        if (r <= 2 && f >= 3) {
            return "at_risk";
        }
        if (r <= 2) {
            return "lost";
        }
        return "attention";
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        if (rowKey == null || !(column.equals("sales_count") || column.equals("sales_amount"))) {
            throw ReportSupport.unknownFigure(NAME, column);
        }
        return ReportSupport.drill(NAME, column, rowKey, column.equals("sales_amount") ? DrillKind.SUM : DrillKind.COUNT,
                support.sales.salesDrill(support.scope(f), Pick.parse(rowKey)));
    }
}
