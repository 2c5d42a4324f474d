package org.deskcrm.persistence;

import java.util.List;

/**
 * What the start-up schema check found and did: indexes and constraints the migrations define that
 * were missing or different (and whether they were rebuilt), objects the migrations do not define
 * (reported, never dropped), identities moved ahead of their table's highest id, interrupted bulk
 * loads undone, and the reason the check could not run, if any.
 */
public record SchemaReport(int expected, List<String> missing, List<String> differing, List<String> extra,
                           List<String> identitiesMoved, List<String> loadsUndone, List<String> failures,
                           String skipped) {
    public SchemaReport {
        missing = List.copyOf(missing);
        differing = List.copyOf(differing);
        extra = List.copyOf(extra);
        identitiesMoved = List.copyOf(identitiesMoved);
        loadsUndone = List.copyOf(loadsUndone);
        failures = List.copyOf(failures);
    }

    static SchemaReport skipped(String reason) {
        return new SchemaReport(0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), reason);
    }

    /** True when the schema matched the migrations' definition (or was repaired to match) with nothing left over. */
    public boolean sound() {
        return skipped == null && failures.isEmpty();
    }

    /** True when the start had to rebuild, move or undo something. */
    public boolean repaired() {
        return !missing.isEmpty() || !differing.isEmpty() || !identitiesMoved.isEmpty() || !loadsUndone.isEmpty();
    }

    /** Lines for {@code info} and the log. */
    public List<String> describe() {
        if (skipped != null) {
            return List.of("schema check skipped: " + skipped);
        }
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        lines.add("schema check: " + expected + " indexes and constraints defined by the migrations, "
                + missing.size() + " missing, " + differing.size() + " different, " + extra.size() + " not defined, "
                + identitiesMoved.size() + " identities moved, " + loadsUndone.size() + " interrupted loads undone, "
                + failures.size() + " not repaired");
        missing.forEach(m -> lines.add("  rebuilt missing " + m));
        differing.forEach(m -> lines.add("  rebuilt different " + m));
        extra.forEach(m -> lines.add("  not defined by the migrations (kept): " + m));
        identitiesMoved.forEach(m -> lines.add("  identity moved: " + m));
        loadsUndone.forEach(m -> lines.add("  interrupted load undone: " + m));
        failures.forEach(m -> lines.add("  NOT REPAIRED: " + m));
        return lines;
    }
}
