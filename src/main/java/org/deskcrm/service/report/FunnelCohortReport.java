package org.deskcrm.service.report;

import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.CohortCell;
import org.deskcrm.model.report.Column;
import org.deskcrm.model.report.Drill;
import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.DrillKind;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Tally;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Funnel (cohort): the deals of one pipeline created in the period. Per stage in order:
 * reached = deals whose history reached that stage or a later one; conversion = reached(next) /
 * reached(this); amount reached = the current amount of those deals; lost here = deals lost while at this stage; drop-off = lost here / reached;
 * deals and amount = deals currently at this stage (each stage only its own money). Lost stages are
 * rows of their own (current deals only). Summary: cohort size, won and lost blocks, win rate =
 * won / (won + lost).
 */
public final class FunnelCohortReport implements Report {
    public static final String NAME = "funnel";
    private final ReportSupport support;

    public FunnelCohortReport(ReportSupport support) {
        this.support = support;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReportTable run(ReportFilter filter) {
        ReportFilter f = support.withPipeline(filter);
        ReportScope s = support.scope(f);
        List<Stage> stages = support.lookups.stagesOf(f.pipelineId());
        List<CohortCell> cells = support.funnel.cohort(s);
        Map<Long, Tally> lostAt = new HashMap<>();
        support.funnel.lostAt(s).forEach(t -> lostAt.put(t.key(), t));

        List<Stage> steps = stages.stream().filter(st -> st.kind() != StageKind.LOST).toList();
        TableBuilder t = new TableBuilder(NAME, f, Column.text("stage"), Column.text("kind"),
                Column.count("reached").notSummable(),
                Column.money("reached_amount").notSummable().plain(), Column.ratio("conversion"), Column.count("lost_here"),
                Column.ratio("drop_off"), Column.count("deals"), Column.money("amount"));
        for (int i = 0; i < steps.size(); i++) {
            Stage st = steps.get(i);
            long reached = reached(cells, st.order());
            BigDecimal conversion = i + 1 < steps.size() ? Ratios.ratio(reached(cells, steps.get(i + 1).order()), reached) : null;
            Tally lost = lostAt.getOrDefault(st.id(), new Tally(st.id(), 0, BigDecimal.ZERO));
            Tally now = current(cells, st.id());
            t.row(st.id().toString(), st.name(), st.kind().code(), reached, reachedAmount(cells, st.order()), conversion, lost.count(),
                    Ratios.ratio(lost.count(), reached), now.count(), now.amount());
        }
        for (Stage st : stages) {
            if (st.kind() == StageKind.LOST) {
                Tally now = current(cells, st.id());
                Tally movedIn = lostAt.get(st.id()); // moved from one lost stage to another
                t.row(st.id().toString(), st.name(), st.kind().code(), null, null, null,
                        movedIn == null ? null : movedIn.count(), null, now.count(), now.amount());
            }
        }
        Tally unstaged = lostAt.get(null);
        if (unstaged != null) {
            t.row(Pick.NONE_KEY, null, StageKind.LOST.code(), null, null, null, unstaged.count(), null, null, null);
        }
        Tally won = ofKind(cells, stages, StageKind.WON);
        Tally lost = ofKind(cells, stages, StageKind.LOST);
        t.summary("cohort", t.count("deals")).summary("cohort_amount", t.amount("amount"))
                .summary("won_count", won.count()).summary("won_amount", won.amount())
                .summary("lost_count", lost.count()).summary("lost_amount", lost.amount())
                .summary("win_rate", Ratios.ratio(won.count(), won.count() + lost.count()));
        return t.build();
    }

    private static long reached(List<CohortCell> cells, int order) {
        return cells.stream().filter(c -> c.reachedOrder() >= order).mapToLong(CohortCell::count).sum();
    }

    private static BigDecimal reachedAmount(List<CohortCell> cells, int order) {
        return cells.stream().filter(c -> c.reachedOrder() >= order).map(CohortCell::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Tally current(List<CohortCell> cells, long stageId) {
        long n = 0;
        BigDecimal a = BigDecimal.ZERO;
        for (CohortCell c : cells) {
            if (c.stageId() == stageId) {
                n += c.count();
                a = a.add(c.amount());
            }
        }
        return new Tally(stageId, n, a);
    }

    private static Tally ofKind(List<CohortCell> cells, List<Stage> stages, StageKind kind) {
        long n = 0;
        BigDecimal a = BigDecimal.ZERO;
        for (Stage st : stages) {
            if (st.kind() == kind) {
                Tally c = current(cells, st.id());
                n += c.count();
                a = a.add(c.amount());
            }
        }
        return new Tally(null, n, a);
    }

    @Override
    public Set<String> drillableSummary() {
        return Set.of("cohort", "cohort_amount", "won_count", "won_amount", "lost_count", "lost_amount");
    }

    @Override
    public Drill drill(ReportFilter filter, String column, String rowKey) {
        ReportFilter f = support.withPipeline(filter);
        ReportScope s = support.scope(f);
        if (rowKey == null) {
            return summaryDrill(s, column);
        }
        Pick pick = Pick.parse(rowKey);
        List<DrillItem> items = switch (column) {
            case "reached" -> {
                Stage st = support.lookups.stages().get(pick.key());
                if (pick.any() || st == null || st.kind() == StageKind.LOST) {
                    throw ReportSupport.unknownFigure(NAME, column);
                }
                yield support.funnel.reachedDrill(s, st.order());
            }
            case "lost_here" -> support.funnel.lostAtDrill(s, pick);
            case "deals", "amount" -> support.funnel.atStageDrill(s, pick);
            default -> throw ReportSupport.unknownFigure(NAME, column);
        };
        return ReportSupport.drill(NAME, column, rowKey, column.equals("amount") ? DrillKind.SUM : DrillKind.COUNT, items);
    }

    private Drill summaryDrill(ReportScope s, String key) {
        List<DrillItem> items = switch (key) {
            case "cohort", "cohort_amount" -> support.funnel.atStageDrill(s, Pick.all());
            case "won_count", "won_amount" -> support.funnel.ofKindDrill(s, StageKind.WON);
            case "lost_count", "lost_amount" -> support.funnel.ofKindDrill(s, StageKind.LOST);
            default -> throw ReportSupport.unknownFigure(NAME, key);
        };
        DrillKind kind = key.endsWith("amount") ? DrillKind.SUM : DrillKind.COUNT;
        return ReportSupport.drill(NAME, key, null, kind, items);
    }
}
