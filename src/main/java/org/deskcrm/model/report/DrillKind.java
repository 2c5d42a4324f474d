package org.deskcrm.model.report;

/** What the drill-down of a figure must reproduce: its count of records, or the sum of their amounts. */
public enum DrillKind {
    NONE, COUNT, SUM
}
