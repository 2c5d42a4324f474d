package org.deskcrm.service.imports;

import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportedDeal.Entry;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.imports.ImportLookupRepository.KeyedDeal;
import org.deskcrm.persistence.imports.ImportLookupRepository.StageStep;
import org.deskcrm.persistence.imports.ImportWriteRepository;
import org.deskcrm.service.common.Progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stage history file (ADR 0005): rows of deal key (the deal's external id), stage, entered at and
 * by whom. It replaces the history of each deal it names in the import's one transaction. Each deal's
 * rows must be in time order, in stages of the deal's pipeline, end in the deal's current stage and,
 * for a won or lost deal, enter that stage at the deal's close.
 */
final class HistoryPlanner extends Planner {
    private record Line(int row, String key, String stageName, Instant at, Long by) {
    }

    private final ImportLookupRepository lookup;
    private final ImportWriteRepository writes;
    private final References refs;
    private final List<Line> lines = new ArrayList<>();
    private final Map<Long, List<Entry>> histories = new LinkedHashMap<>();
    private final Map<Long, BigDecimal> amounts = new HashMap<>();

    HistoryPlanner(RowCells cells, ImportLookupRepository lookup, ImportWriteRepository writes, References refs) {
        super(cells, DuplicateMode.MERGE);
        this.lookup = lookup;
        this.writes = writes;
        this.refs = refs;
    }

    @Override
    void read(ImportRow row) {
        cells.start(row);
        String key = cells.text("deal");
        String stage = cells.text("stage");
        Instant at = cells.instant("enteredAt");
        Long by = cells.ref("by", null);
        if (cells.ok()) {
            lines.add(new Line(row.number(), key, stage, at, by));
        }
    }

    @Override
    void matchExisting() {
        Map<String, KeyedDeal> deals = lookup.keyedDeals(lines.stream().map(Line::key).toList());
        List<StageStep> stages = lookup.stageSteps();
        Map<Long, Line> lastLine = new HashMap<>();
        for (Line l : lines) {
            KeyedDeal d = deals.get(l.key());
            if (d == null) {
                cells.issueAt(l.row(), "deal", "imports.issue.unknownDealKey", l.key());
                continue;
            }
            String name = RefKind.key(refs.effective(RefKind.STAGE, l.stageName()));
            StageStep s = stages.stream().filter(x -> x.pipelineId() == d.pipelineId()
                    && RefKind.key(x.name()).equals(name)).findFirst().orElse(null);
            if (s == null) {
                cells.issueAt(l.row(), "stage", "imports.issue.historyStage", l.stageName());
                continue;
            }
            List<Entry> h = histories.computeIfAbsent(d.id(), k -> new ArrayList<>());
            if (!h.isEmpty() && l.at().isBefore(h.get(h.size() - 1).at())) {
                cells.issueAt(l.row(), "enteredAt", "imports.issue.historyOrder", cells.formatted(l.at()));
            }
            h.add(new Entry(s.id(), l.at(), l.by()));
            lastLine.put(d.id(), l);
            amounts.put(d.id(), d.amount());
        }
        for (KeyedDeal d : deals.values()) {
            List<Entry> h = histories.get(d.id());
            if (h == null) {
                continue;
            }
            Line last = lastLine.get(d.id());
            Entry end = h.get(h.size() - 1);
            if (end.stageId() != d.stageId()) {
                cells.issueAt(last.row(), "stage", "imports.issue.historyLastStage", last.stageName());
            } else if (d.closedAt() != null && !end.at().equals(d.closedAt())) {
                cells.issueAt(last.row(), "enteredAt", "imports.issue.historyClosedAt", cells.formatted(end.at()),
                        cells.formatted(d.closedAt()));
            }
        }
        existing = histories.size();
    }

    @Override
    int newCount() {
        return 0;
    }

    @Override
    Written write(Long userId, Instant now, Progress progress) {
        checkCancel(progress);
        writes.deals().replaceHistory(histories, amounts, userId);
        return new Written(0, histories.size(), 0);
    }
}
