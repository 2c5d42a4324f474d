package org.deskcrm.service.deal;

import org.deskcrm.model.deal.ScoreThresholds;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.service.client.LifecycleRules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The settings deals and sales depend on, read fresh each time (an admin may change them). */
public class DealSettings {
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
