package org.deskcrm.ui.deal;

import org.deskcrm.model.deal.NeedProbability;
import org.deskcrm.ui.common.I18n;

/** The sentence the client card shows under a need's probability: the value and the history behind it. */
public final class NeedExplanation {
    private NeedExplanation() {
    }

    /** E.g. "74%: 5 won of 6 closed deals (same manager, product and region)". */
    public static String of(NeedProbability p, I18n i18n) {
        return i18n.format("need.explanation", p.probability(), p.wins(), p.total(),
                i18n.get("need.level." + p.level().code()));
    }
}
