package org.deskcrm.ui.task;

/** A choice in a combo box: an id (null = none) and what is shown. */
public record Named(Long id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
