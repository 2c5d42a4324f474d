package org.deskcrm.model.deal;

import java.util.Locale;

/**
 * A smoothed purchase probability and its explanation: which group of past closed deals was used
 * ({@link Level}), its wins and total, and the prior it was shrunk towards.
 */
public record NeedProbability(double probability, Level level, long wins, long total, double prior) {

    /** The groups, from the most specific to the broadest. */
    public enum Level {
        MANAGER_PRODUCT_REGION, PRODUCT_REGION, PRODUCT, GLOBAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Level ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** The compact form stored in client_need.probability_basis: "level;wins;total;prior". */
    public String basis() {
        return level.code() + ";" + wins + ";" + total + ";" + prior;
    }

    public static NeedProbability parse(double probability, String basis) {
        if (basis == null) {
            return null;
        }
        String[] p = basis.split(";");
        return new NeedProbability(probability, Level.ofCode(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]),
                Double.parseDouble(p[3]));
    }
}
