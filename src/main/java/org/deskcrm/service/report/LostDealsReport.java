package org.deskcrm.service.report;

import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.report.DealFigures;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Lost deals: deals lost within the period (closed in a lost stage), count and amount by lost
 * reason, by the stage they were lost at, or by manager; the three give the same totals.
 */
public final class LostDealsReport implements Report {
    /** The grouping of one lost-deals table. */
    public enum Dimension { REASON, STAGE, MANAGER }

    private final ReportSupport support;
    private final Dimension dimension;

    public LostDealsReport(ReportSupport support, Dimension dimension) {
        this.support = support;
        this.dimension = dimension;
    }

    @Override
    public String name() {
        return "lost-by-" + dimension.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public ReportTable run(ReportFilter f) {
        ReportScope s = support.scope(f);
        List<Tally> groups;
        Map<Long, String> names;
        switch (dimension) {
            case REASON -> {
                groups = support.deals.grouped(DealFigures.Outcome.LOST, DealFigures.By.LOST_REASON, s);
                names = support.lookups.lostReasonNames();
            }
            case MANAGER -> {
                groups = support.deals.grouped(DealFigures.Outcome.LOST, DealFigures.By.OWNER, s);
                names = support.lookups.userNames();
            }
            default -> {
                groups = support.deals.lostByStage(s);
                names = new java.util.HashMap<>();
                for (Stage st : support.lookups.stages().values()) {
                    names.put(st.id(), st.name());
                }
            }
        }
        TableBuilder t = new TableBuilder(name(), f, Column.text("name"), Column.count("deals"), Column.money("amount"),
                Column.ratio("share"));
        long total = groups.stream().mapToLong(Tally::count).sum();
        groups.stream().sorted(Comparator.comparingLong(Tally::count).reversed()
                        .thenComparing(g -> g.key() == null ? Long.MAX_VALUE : g.key()))
                .forEach(g -> t.row(Pick.keyOf(g.key()), g.key() == null ? null : names.get(g.key()), g.count(),
                        g.amount(), Ratios.ratio(g.count(), total)));
        return t.build(java.util.Collections.singletonMap("share", Ratios.ratio(total, total)));
    }

    @Override
    public Drill drill(ReportFilter f, String column, String rowKey) {
        if (rowKey == null || !(column.equals("deals") || column.equals("amount"))) {
            throw ReportSupport.unknownFigure(name(), column);
        }
        ReportScope s = support.scope(f);
        Pick pick = Pick.parse(rowKey);
        List<DrillItem> items = switch (dimension) {
            case REASON -> support.deals.drill(DealFigures.Outcome.LOST, DealFigures.By.LOST_REASON, pick, s);
            case MANAGER -> support.deals.drill(DealFigures.Outcome.LOST, DealFigures.By.OWNER, pick, s);
            case STAGE -> support.deals.lostByStageDrill(pick, s);
        };
        return ReportSupport.drill(name(), column, rowKey, column.equals("amount") ? DrillKind.SUM : DrillKind.COUNT, items);
    }
}
