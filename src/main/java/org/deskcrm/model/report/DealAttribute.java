package org.deskcrm.model.report;

import java.util.Locale;

/**
 * A deal attribute a report may group deals by (sales analysis): the deal's main product and that
 * product's group, its client and the client's industry and region, its lead source, and its owner with
 * the owner's team and office.
 */
public enum DealAttribute {
    PRODUCT, PRODUCT_GROUP, CLIENT, INDUSTRY, REGION, SOURCE, MANAGER, TEAM, OFFICE;

    /** The command-line and resource code, e.g. {@code product_group}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By code, case and dashes ignored ({@code product-group} is {@code product_group}). */
    public static DealAttribute ofCode(String code) {
        return valueOf(code.strip().replace('-', '_').toUpperCase(Locale.ROOT));
    }
}
