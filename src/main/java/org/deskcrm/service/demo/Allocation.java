package org.deskcrm.service.demo;

import java.util.SplittableRandom;

/** Splits a total over buckets in proportion to weights, so that the parts add up exactly. */
final class Allocation {
    private Allocation() {
    }

    static int[] split(long total, double[] weights) {
        int[] parts = new int[weights.length];
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (weights.length == 0 || total == 0) {
            return parts;
        }
        if (sum <= 0) {
            weights = new double[weights.length];
            java.util.Arrays.fill(weights, 1);
            sum = weights.length;
        }
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            parts[i] = (int) Math.floor(total * weights[i] / sum);
            given += parts[i];
        }
        for (int i = 0; given < total; i = (i + 1) % weights.length) {
            if (weights[i] > 0) {
                parts[i]++;
                given++;
            }
        }
        return parts;
    }

    /** Deal weights of clients: about one in eight never got a deal, the rest are spread log-normally. */
    static double[] dealWeights(int clients, SplittableRandom rnd) {
        double[] w = new double[clients];
        for (int i = 0; i < clients; i++) {
            w[i] = rnd.nextInt(100) < 12 ? 0 : Math.exp(rnd.nextGaussian() * 0.8);
        }
        return w;
    }
}
