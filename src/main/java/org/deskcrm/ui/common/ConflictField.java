package org.deskcrm.ui.common;

import java.util.Objects;

/**
 * One field of a record two people saved: its key, localized label, the value being saved ("mine")
 * and the value someone else saved meanwhile ("theirs"), both as display text. An editable field can
 * be merged by hand (its text typed); the others are taken from one side.
 */
public record ConflictField(String key, String label, String mine, String theirs, boolean editable) {
    public ConflictField {
        mine = mine == null ? "" : mine;
        theirs = theirs == null ? "" : theirs;
    }

    public boolean differs() {
        return !Objects.equals(mine, theirs);
    }
}
