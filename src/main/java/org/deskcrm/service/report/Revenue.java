package org.deskcrm.service.report;

import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.model.report.Tally;
import org.deskcrm.persistence.report.DealFigures;

import java.util.List;

/**
 * The one definition of revenue (docs/decisions/0001-revenue-definition.md): the amount of deals
 * that are in a won stage and were won (closed) within the period, attributed to the deal's owner,
 * source and pipeline. The number of such deals is "won deals". Every report that shows revenue or
 * won deals asks this class, so the figures agree between reports.
 */
final class Revenue {
    private final DealFigures deals;

    Revenue(DealFigures deals) {
        this.deals = deals;
    }

    List<Tally> byOwner(ReportScope s) {
        return deals.grouped(DealFigures.Outcome.WON, DealFigures.By.OWNER, s);
    }

    List<Tally> bySource(ReportScope s) {
        return deals.grouped(DealFigures.Outcome.WON, DealFigures.By.SOURCE, s);
    }

    Tally total(ReportScope s) {
        long n = 0;
        java.math.BigDecimal a = java.math.BigDecimal.ZERO;
        for (Tally t : deals.grouped(DealFigures.Outcome.WON, DealFigures.By.PIPELINE, s)) {
            n += t.count();
            a = a.add(t.amount());
        }
        return new Tally(null, n, a);
    }

    List<DrillItem> ownerDrill(Pick owner, ReportScope s) {
        return deals.drill(DealFigures.Outcome.WON, DealFigures.By.OWNER, owner, s);
    }

    List<DrillItem> sourceDrill(Pick source, ReportScope s) {
        return deals.drill(DealFigures.Outcome.WON, DealFigures.By.SOURCE, source, s);
    }
}
