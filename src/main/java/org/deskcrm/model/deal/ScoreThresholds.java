package org.deskcrm.model.deal;

/** Band thresholds (settings scoring.hot_min / scoring.warm_min): hot ≥ hotMin, warm ≥ warmMin, else cold. */
public record ScoreThresholds(int hotMin, int warmMin) {
    public static final ScoreThresholds DEFAULT = new ScoreThresholds(70, 40);

    public ScoreThresholds {
        if (warmMin < 0 || hotMin < warmMin || hotMin > 100) {
            throw new IllegalArgumentException("need 0 <= warmMin <= hotMin <= 100");
        }
    }

    public ScoreBand band(int score) {
        if (score >= hotMin) {
            return ScoreBand.HOT;
        }
        return score >= warmMin ? ScoreBand.WARM : ScoreBand.COLD;
    }
}
