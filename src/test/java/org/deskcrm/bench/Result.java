package org.deskcrm.bench;

/**
 * One figure: which database, which group (startup, ui, report, export, import, heap, schema), what,
 * the measured value as shown, the target as shown, whether the target is met (null: no target or
 * not measured) and a note on how it was measured.
 */
public record Result(String db, String group, String name, String value, String target, Boolean met, String note) {
    public String verdict() {
        return met == null ? "—" : met ? "ok" : "MISS";
    }
}
