package org.deskcrm.model.io;

import java.math.BigDecimal;

/**
 * A product read from a file: name, code (the SKU), group, price and active flag; a null price or
 * flag keeps an existing product's value (a new product gets 0 and active).
 */
public record ImportedProduct(String name, String code, String group, BigDecimal price, Boolean active) {
}
