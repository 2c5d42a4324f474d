package org.deskcrm.ui.common;

import java.util.Map;

/**
 * What the user chose in the conflict dialog: save their own version over the other one knowingly,
 * take the other version, or a merge: per field the side taken ({@code sides}) and, for editable
 * fields, the text to save ({@code texts}).
 */
public record ConflictResolution(Kind kind, Map<String, Side> sides, Map<String, String> texts) {
    public enum Kind { KEEP_MINE, TAKE_THEIRS, MERGE }

    public enum Side { MINE, THEIRS }

    public ConflictResolution {
        sides = Map.copyOf(sides);
        texts = Map.copyOf(texts);
    }

    public static ConflictResolution of(Kind kind) {
        return new ConflictResolution(kind, Map.of(), Map.of());
    }

    /** The side a field takes; fields the dialog did not show (equal on both sides) keep mine. */
    public Side side(String key) {
        return switch (kind) {
            case KEEP_MINE -> Side.MINE;
            case TAKE_THEIRS -> Side.THEIRS;
            case MERGE -> sides.getOrDefault(key, Side.MINE);
        };
    }
}
