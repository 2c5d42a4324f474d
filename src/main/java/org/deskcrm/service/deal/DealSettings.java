package org.deskcrm.service.deal;

import org.deskcrm.model.deal.ScoreThresholds;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.service.client.LifecycleRules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The settings deals and sales depend on, read fresh each time (an admin may change them). */
public class DealSettings {
    /** The longest lifecycle threshold accepted (ten years). */
    public static final int MAX_DAYS = 3650;

    private final SettingsRepository settings;
    private final Clock clock;

    public DealSettings(SettingsRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public ScoreThresholds thresholds() {
        return new ScoreThresholds(integer("scoring.hot_min", ScoreThresholds.DEFAULT.hotMin()),
                integer("scoring.warm_min", ScoreThresholds.DEFAULT.warmMin()));
    }

    public LifecycleRules lifecycle() {
        return new LifecycleRules(integer("lifecycle.fresh_days", LifecycleRules.DEFAULT.freshDays()),
                integer("lifecycle.churn_days", LifecycleRules.DEFAULT.churnDays()));
    }

    /** Saves the band thresholds: 0 ≤ warm < hot ≤ 100 (deals keep their bands until rescored). */
    public void saveThresholds(int hotMin, int warmMin) {
        if (warmMin < 1 || hotMin <= warmMin || hotMin > 100) {
            throw new org.deskcrm.model.common.AppException("error.settings.bands");
        }
        settings.put("scoring.hot_min", Integer.toString(hotMin));
        settings.put("scoring.warm_min", Integer.toString(warmMin));
    }

    /**
     * Saves the lifecycle thresholds in days: 1 ≤ fresh ≤ churn ≤ {@value #MAX_DAYS} (statuses change on
     * the next sale of a client or when all are recomputed).
     */
    public void saveLifecycle(int freshDays, int churnDays) {
        if (freshDays < 1 || churnDays < freshDays || churnDays > MAX_DAYS) {
            throw new org.deskcrm.model.common.AppException("error.settings.lifecycle", MAX_DAYS);
        }
        settings.put("lifecycle.fresh_days", Integer.toString(freshDays));
        settings.put("lifecycle.churn_days", Integer.toString(churnDays));
    }

    public ZoneId zone() {
        return settings.businessZone();
    }

    /** Today in the business time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    public Clock clock() {
        return clock;
    }

    private int integer(String name, int fallback) {
        return settings.get(name).map(String::strip).map(Integer::valueOf).orElse(fallback);
    }
}
