package org.deskcrm.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The figures collected so far; printed as they arrive and written as a Markdown table at the end. */
public final class Results {
    private final List<Result> all = new ArrayList<>();
    private final PrintStream out;
    private String db = "-";

    public Results(PrintStream out) {
        this.out = out;
    }

    void database(String label) {
        this.db = label;
    }

    public void add(String group, String name, String value, String target, Boolean met, String note) {
        Result r = new Result(db, group, name, value, target, met, note);
        all.add(r);
        out.printf("  [%s] %-10s %-38s %-28s target %-14s %s%s%n", r.db(), group, name, value,
                target == null ? "-" : target, r.verdict(), note == null || note.isEmpty() ? "" : "  (" + note + ")");
    }

    /** Latency figures of a timed action against a p95 target in milliseconds. */
    public void latency(String group, String name, Samples s, double p95TargetMs, String note) {
        add(group, name, s.summary(), p95TargetMs > 0 ? "p95 ≤ " + fmt(p95TargetMs) + " ms" : null,
                p95TargetMs > 0 ? s.p95() <= p95TargetMs : null, note);
    }

    public void notMeasured(String group, String name, String target, String why) {
        add(group, name, "not measured", target, null, why);
    }

    public List<Result> all() {
        return List.copyOf(all);
    }

    static String fmt(double v) {
        return v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }
}
