package org.deskcrm.model.client;

/** Computed from sales, never typed: see PRODUCT.md "Lifecycle status". */
public enum LifecycleStatus {
    POTENTIAL, NEW_ONE_TIME, OLD_ONE_TIME, REGULAR, CHURNED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LifecycleStatus ofCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
