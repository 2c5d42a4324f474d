package org.deskcrm.service.imports;

import org.deskcrm.model.deal.Sale;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.imports.ImportWriteRepository;
import org.deskcrm.service.common.Progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Sales (shipments, invoices) of existing clients. A duplicate is a sale of the same client with the
 * same document number (a sale without a number is always new); merging replaces its date and
 * amounts. Every client touched gets its lifecycle status recomputed in the same transaction.
 */
final class SalePlanner extends Planner {
    private final ImportLookupRepository lookup;
    private final ImportWriteRepository writes;
    private final LongConsumer recompute;
    private final List<Sale> rows = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<Integer, Long> existingId = new HashMap<>();

    SalePlanner(RowCells cells, DuplicateMode mode, ImportLookupRepository lookup, ImportWriteRepository writes,
                LongConsumer recompute) {
        super(cells, mode);
        this.lookup = lookup;
        this.writes = writes;
        this.recompute = recompute;
    }

    @Override
    void read(ImportRow row) {
        cells.start(row);
        Long client = cells.ref("client", null);
        LocalDate date = cells.date("saleDate");
        BigDecimal amount = cells.amount("amount");
        String docNo = cells.text("docNo");
        LocalDate due = cells.date("dueDate");
        BigDecimal paid = cells.amount("paidAmount");
        Long owner = cells.ref("owner", null);
        if (due != null && date != null && due.isBefore(date)) {
            cells.issue("dueDate", "imports.issue.dueBeforeSale");
        }
        if (paid != null && amount != null && paid.compareTo(amount) > 0) {
            cells.issue("paidAmount", "imports.issue.paidOverAmount");
        }
        if (!cells.ok()) {
            return;
        }
        Sale s = new Sale(null, client, null, owner, docNo, date, amount, due, paid == null ? BigDecimal.ZERO : paid, 0);
        if (docNo != null) {
            String key = client + "|" + RefKind.key(docNo);
            Integer first = byKey.get(key);
            if (first != null) {
                inFile++;
                if (mode == DuplicateMode.MERGE) {
                    rows.set(first, s);
                }
                return;
            }
            byKey.put(key, rows.size());
        }
        rows.add(s);
    }

    @Override
    void matchExisting() {
        Set<Long> clients = new LinkedHashSet<>();
        rows.stream().filter(s -> s.docNo() != null).forEach(s -> clients.add(s.clientId()));
        Map<Long, Map<String, Long>> known = clients.isEmpty() ? Map.of() : lookup.salesOf(clients);
        for (int i = 0; i < rows.size(); i++) {
            Sale s = rows.get(i);
            if (s.docNo() != null) {
                Long id = known.getOrDefault(s.clientId(), Map.of()).get(RefKind.key(s.docNo()));
                if (id != null) {
                    existingId.put(i, id);
                }
            }
        }
        existing = existingId.size();
    }

    @Override
    int newCount() {
        return rows.size() - existingId.size();
    }

    @Override
    Written write(Long userId, Instant now, Progress progress) {
        List<Sale> fresh = new ArrayList<>();
        Set<Long> touched = new LinkedHashSet<>();
        int merged = 0;
        for (int i = 0; i < rows.size(); i++) {
            Long id = existingId.get(i);
            if (id == null) {
                fresh.add(rows.get(i));
                touched.add(rows.get(i).clientId());
            } else if (mode == DuplicateMode.MERGE) {
                writes.mergeSale(id, rows.get(i));
                touched.add(rows.get(i).clientId());
                merged++;
            }
        }
        checkCancel(progress);
        writes.insertSales(fresh, now);
        int done = 0;
        for (long client : touched) {
            if (++done % 200 == 0) {
                checkCancel(progress);
                progress.update("imports.progress.status", done, touched.size());
            }
            recompute.accept(client);
        }
        boolean merge = mode == DuplicateMode.MERGE;
        return new Written(fresh.size(), merged + (merge ? inFile : 0), merge ? 0 : inFile + existingId.size());
    }
}
