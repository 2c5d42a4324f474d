package org.deskcrm.ui.client;

import java.util.Objects;

/** An item of a choice box: a record id (null for "none" / "all") and the text shown. */
public record Choice(Long id, String label) {
    public static Choice none(String label) {
        return new Choice(null, label);
    }

    public boolean is(Long otherId) {
        return Objects.equals(id, otherId);
    }

    @Override
    public String toString() {
        return label;
    }
}
