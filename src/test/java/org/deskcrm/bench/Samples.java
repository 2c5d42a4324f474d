package org.deskcrm.bench;

import java.util.Arrays;

/** Durations of repeated runs of one action, in milliseconds. */
public final class Samples {
    private final double[] ms;
    private int n;

    public Samples(int capacity) {
        this.ms = new double[capacity];
    }

    /** Runs the action {@code warmup} times untimed, then {@code iterations} times timed. */
    public static Samples time(int warmup, int iterations, Action action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.run(i);
        }
        Samples s = new Samples(iterations);
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            action.run(warmup + i);
            s.add((System.nanoTime() - t0) / 1e6);
        }
        return s;
    }

    /** One run of a timed action; {@code i} lets it vary its input. */
    @FunctionalInterface
    public interface Action {
        void run(int i) throws Exception;
    }

    public void add(double millis) {
        ms[n++] = millis;
    }

    public int count() {
        return n;
    }

    public double p50() {
        return percentile(50);
    }

    public double p95() {
        return percentile(95);
    }

    public double max() {
        return percentile(100);
    }

    /** Nearest-rank percentile. */
    public double percentile(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(ms, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))];
    }

    public String summary() {
        return "p50 " + Results.fmt(p50()) + " / p95 " + Results.fmt(p95()) + " ms (n=" + n + ")";
    }
}
