package org.deskcrm.service.report;

import org.deskcrm.model.common.AppException;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.totals.ActivityTotals;
import org.deskcrm.persistence.totals.CallTotals;
import org.deskcrm.persistence.totals.DealTotals;
import org.deskcrm.service.common.Progress;

import java.util.function.BooleanSupplier;

/**
 * The stored totals the reports read (ADR 0012 deals, ADR 0018 calls) as the reader sees them: whether they
 * are stale — missing (an older database, an interrupted rebuild) or cut in another business zone or first-call
 * window than the settings, in which case the reports count the records and say so — and the rebuild an
 * administrator runs from the report's notice, which reports how many rows differed from the records.
 */
public final class ReportTotals {
    /** What a rebuild did: rows that differed from the records (and were repaired), and whether any was missing. */
    public record Rebuilt(int repaired, boolean built) {
    }

    private final Database db;
    private final SettingsRepository settings;
    private final BooleanSupplier admin;

    public ReportTotals(Database db, SettingsRepository settings, BooleanSupplier admin) {
        this.db = db;
        this.settings = settings;
        this.admin = admin;
    }

    /** True when some register is not built with the current settings (runs queries: off the FX thread). */
    public boolean stale() {
        boolean deals = new DealTotals(db.dsl()).builtZone().filter(settings.businessZone()::equals).isEmpty();
        return deals || !new CallTotals(db.dsl()).current() || !new ActivityTotals(db.dsl()).current();
    }

    /** Whether the signed-in user may rebuild (an administrator). */
    public boolean mayRebuild() {
        return admin.getAsBoolean();
    }

    /** Rebuilds the deal, call and activity totals from the records, step by step (administrators only). */
    public Rebuilt rebuild(Progress progress) {
        if (!mayRebuild()) {
            throw new AppException("totals.error.admin");
        }
        progress.update("totals.progress.deal", 0, 3);
        DealTotals.Rebuild deals = new DealTotals(db.dsl()).rebuild(settings.businessZone(), step -> { });
        progress.update("totals.progress.call", 1, 3);
        DealTotals.Rebuild calls = new CallTotals(db.dsl()).rebuild(step -> { });
        progress.update("totals.progress.activity", 2, 3);
        DealTotals.Rebuild activities = new ActivityTotals(db.dsl()).rebuild(settings.businessZone(), step -> { });
        progress.update("totals.progress.activity", 3, 3);
        return new Rebuilt(deals.repaired() + calls.repaired() + activities.repaired(),
                !deals.wasBuilt() || !calls.wasBuilt() || !activities.wasBuilt());
    }
}
