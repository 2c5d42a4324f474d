package org.deskcrm.service.client;

import org.deskcrm.model.client.LifecycleStatus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The lifecycle status of PRODUCT.md, computed from a client's purchases: Potential (never bought);
 * Churned (bought before, nothing within churnDays); New one-time (one purchase within freshDays);
 * Old one-time (one purchase, older); Regular (two or more, last within churnDays).
 */
public record LifecycleRules(int freshDays, int churnDays) {
    public static final LifecycleRules DEFAULT = new LifecycleRules(90, 365);

    public LifecycleRules {
        if (freshDays <= 0 || churnDays <= 0) {
            throw new IllegalArgumentException("thresholds must be positive");
        }
    }

    public LifecycleStatus status(int purchaseCount, LocalDate lastPurchase, LocalDate today) {
        if (purchaseCount <= 0 || lastPurchase == null) {
            return LifecycleStatus.POTENTIAL;
        }
        long age = ChronoUnit.DAYS.between(lastPurchase, today);
        if (age > churnDays) {
            return LifecycleStatus.CHURNED;
        }
        if (purchaseCount == 1) {
            return age <= freshDays ? LifecycleStatus.NEW_ONE_TIME : LifecycleStatus.OLD_ONE_TIME;
        }
        return LifecycleStatus.REGULAR;
    }
}
