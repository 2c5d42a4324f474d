package org.deskcrm.ui.deal;

/** A labelled value for combo boxes; a null value means "all". */
public record Choice<T>(T value, String label) {
    @Override
    public String toString() {
        return label;
    }
}
