package org.deskcrm.service.imports;

import org.deskcrm.model.common.Texts;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportedDeal;
import org.deskcrm.persistence.ImportLookupRepository;
import org.deskcrm.persistence.ImportWriteRepository;
import org.deskcrm.service.common.Progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Deals of existing clients: the stage is looked up in the row's pipeline (or, without a pipeline
 * column, in every pipeline: it must then be unique). A duplicate is a deal of the same client with
 * the same title; merging updates its amount, expected close and source (its stage is not moved: a
 * stage change belongs to the stage history, made in the window).
 */
final class DealPlanner extends Planner {
    private final ImportLookupRepository lookup;
    private final ImportWriteRepository writes;
    private final References refs;
    private final ZoneId zone;
    private final LongConsumer rescore;
    private final List<ImportedDeal> rows = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<Integer, Long> existingId = new HashMap<>();

    DealPlanner(RowCells cells, DuplicateMode mode, ImportLookupRepository lookup, ImportWriteRepository writes,
                References refs, ZoneId zone, LongConsumer rescore) {
        super(cells, mode);
        this.lookup = lookup;
        this.writes = writes;
        this.refs = refs;
        this.zone = zone;
        this.rescore = rescore;
    }

    @Override
    void read(ImportRow row) {
        cells.start(row);
        String title = cells.text("title");
        Long client = cells.ref("client", null);
        Long owner = cells.ref("owner", null);
        Long pipeline = cells.ref("pipeline", null);
        boolean pipelineFailed = pipeline == null && cells.hasText("pipeline");
        Long stage = pipelineFailed ? null : cells.ref("stage", pipeline);
        BigDecimal amount = cells.amount("amount");
        LocalDate expected = cells.date("expectedClose");
        Long source = cells.ref("source", null);
        Long product = cells.ref("product", null);
        LocalDate created = cells.date("createdOn");
        if (!cells.ok() || stage == null) {
            return;
        }
        long pipelineId = pipeline != null ? pipeline : refs.pipelineOf(stage);
        ImportedDeal d = new ImportedDeal(title, client, owner, pipelineId, stage,
                amount == null ? BigDecimal.ZERO : amount, expected, source, product,
                created == null ? null : created.atStartOfDay(zone).toInstant());
        String key = client + "|" + Texts.lower(title);
        Integer first = byKey.get(key);
        if (first != null) {
            inFile++;
            if (mode == DuplicateMode.MERGE) {
                rows.set(first, d); // the later row of the file wins, like a later edit
            }
            return;
        }
        byKey.put(key, rows.size());
        rows.add(d);
    }

    @Override
    void matchExisting() {
        HashSet<Long> clients = new HashSet<>();
        rows.forEach(d -> clients.add(d.clientId()));
        Map<Long, Map<String, Long>> known = clients.isEmpty() ? Map.of() : lookup.dealsOf(clients);
        for (int i = 0; i < rows.size(); i++) {
            ImportedDeal d = rows.get(i);
            Long id = known.getOrDefault(d.clientId(), Map.of()).get(Texts.lower(d.title()));
            if (id != null) {
                existingId.put(i, id);
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
        List<ImportedDeal> fresh = new ArrayList<>();
        int merged = 0;
        for (int i = 0; i < rows.size(); i++) {
            Long id = existingId.get(i);
            if (id == null) {
                fresh.add(rows.get(i));
            } else if (mode == DuplicateMode.MERGE) {
                writes.mergeDeal(id, rows.get(i), now);
                rescore.accept(id);
                merged++;
            }
        }
        int step = 500;
        for (int from = 0; from < fresh.size(); from += step) {
            checkCancel(progress);
            for (long id : writes.insertDeals(fresh.subList(from, Math.min(fresh.size(), from + step)), userId, now)) {
                rescore.accept(id);
            }
            progress.update("imports.progress.writing", Math.min(fresh.size(), from + step), fresh.size());
        }
        boolean merge = mode == DuplicateMode.MERGE;
        return new Written(fresh.size(), merged + (merge ? inFile : 0), merge ? 0 : inFile + existingId.size());
    }
}
