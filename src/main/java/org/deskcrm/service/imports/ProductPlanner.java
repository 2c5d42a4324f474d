package org.deskcrm.service.imports;

import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportedProduct;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.persistence.imports.ReferenceWriteRepository;
import org.deskcrm.persistence.imports.ReferenceWriteRepository.ProductRow;
import org.deskcrm.service.common.Progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Products. A row is the stored product with its code (SKU), else the one product of its name that
 * has no other code; a repeat of the file (same code, else same name) is folded into the first row.
 * Matches update the product (merge) or are left alone (skip).
 */
final class ProductPlanner extends Planner {
    private final ReferenceWriteRepository catalogue;
    private final List<ImportedProduct> rows = new ArrayList<>();
    private final Map<Integer, Long> existingId = new HashMap<>();
    private final Map<String, Integer> firstOf = new HashMap<>();
    private Map<String, ProductRow> byCode;
    private Map<String, List<ProductRow>> byName;

    ProductPlanner(RowCells cells, DuplicateMode mode, ReferenceWriteRepository catalogue) {
        super(cells, mode);
        this.catalogue = catalogue;
    }

    @Override
    void read(ImportRow row) {
        if (byCode == null) {
            byCode = new HashMap<>();
            byName = new HashMap<>();
            for (ProductRow p : catalogue.products()) {
                if (p.code() != null) {
                    byCode.put(RefKind.key(p.code()), p);
                }
                byName.computeIfAbsent(RefKind.key(p.name()), k -> new ArrayList<>()).add(p);
            }
        }
        cells.start(row);
        String name = cells.text("name");
        String code = cells.text("code");
        String group = cells.text("group");
        BigDecimal price = cells.amount("price");
        Boolean active = cells.bool("active");
        if (!cells.ok()) {
            return;
        }
        ProductRow stored = code == null ? null : byCode.get(RefKind.key(code));
        if (stored == null) {
            List<ProductRow> named = byName.getOrDefault(RefKind.key(name), List.of()).stream()
                    .filter(p -> p.code() == null || code == null).toList();
            if (named.size() > 1) {
                cells.issue("name", "imports.issue.ambiguous.product", name, "");
                return;
            }
            stored = named.isEmpty() ? null : named.get(0);
        }
        ImportedProduct p = new ImportedProduct(name, code, group, price, active);
        String fileKey = code != null ? "code:" + RefKind.key(code) : "name:" + RefKind.key(name);
        Integer first = firstOf.get(fileKey);
        if (first != null) {
            inFile++;
            if (mode == DuplicateMode.MERGE) {
                rows.set(first, p);
            }
            return;
        }
        firstOf.put(fileKey, rows.size());
        if (stored != null) {
            existingId.put(rows.size(), stored.id());
        }
        rows.add(p);
    }

    @Override
    void matchExisting() {
        existing = existingId.size();
    }

    @Override
    int newCount() {
        return rows.size() - existingId.size();
    }

    @Override
    Written write(Long userId, Instant now, Progress progress) {
        int created = 0;
        int merged = 0;
        for (int i = 0; i < rows.size(); i++) {
            checkCancel(progress);
            Long id = existingId.get(i);
            if (id == null) {
                catalogue.insertProduct(rows.get(i));
                created++;
            } else if (mode == DuplicateMode.MERGE) {
                catalogue.updateProduct(id, rows.get(i));
                merged++;
            }
        }
        progress.update("imports.progress.writing", rows.size(), rows.size());
        boolean merge = mode == DuplicateMode.MERGE;
        return new Written(created, merged + (merge ? inFile : 0), merge ? 0 : inFile + existingId.size());
    }
}
