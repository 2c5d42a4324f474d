package org.deskcrm.service.imports;

import org.deskcrm.model.common.Texts;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportedDeal;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.imports.ImportLookupRepository.StageStep;
import org.deskcrm.persistence.imports.ImportWriteRepository;
import org.deskcrm.service.common.Progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deals with their history (ADR 0005). The stage is looked up in the row's pipeline (or, without a
 * pipeline column, in every pipeline: it must then be unique); the client is optional. A row with an
 * {@code externalId} is the source system's deal: a re-import rewrites the deal of that key (stage,
 * amount, dates, owner, history) and adds none. Without one, a duplicate is a deal of the same client
 * with the same title; merging updates its amount, expected close and source. Each new or rewritten
 * deal gets the synthetic stage history of {@link SyntheticHistory}; dates missing from the file are
 * filled by the rules of the ADR, each counted in a preview warning.
 */
final class DealPlanner extends Planner {
    /** A row read, before the file-wide dates are known. */
    private record Draft(int row, String title, Long clientId, String contact, long ownerId, long pipelineId,
                         StageStep stage, BigDecimal amount, LocalDate expected, Long sourceId, Long productId,
                         Instant created, Instant closed, Long lostReasonId, String newLostReason, StageStep lostAt,
                         String externalId) {
    }

    private final ImportLookupRepository lookup;
    private final ImportWriteRepository writes;
    private final References refs;
    private final java.util.function.Consumer<java.util.Collection<Long>> rescore;
    private final List<StageStep> stages;
    private final List<Draft> drafts = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final List<ImportedDeal> rows = new ArrayList<>();
    private final Map<Integer, Long> existingId = new HashMap<>();
    private final Map<Integer, Long> sameKeyId = new HashMap<>();
    private final Warnings warnings = new Warnings();
    private Instant latest;

    DealPlanner(RowCells cells, DuplicateMode mode, ImportLookupRepository lookup, ImportWriteRepository writes,
                References refs, java.util.function.Consumer<java.util.Collection<Long>> rescore) {
        super(cells, mode);
        this.lookup = lookup;
        this.writes = writes;
        this.refs = refs;
        this.rescore = rescore;
        this.stages = lookup.stageSteps();
    }

    @Override
    void read(ImportRow row) {
        cells.start(row);
        String title = cells.text("title");
        Long client = cells.ref("client", null);
        String contact = cells.text("contact");
        Long owner = cells.ref("owner", null);
        Long pipeline = cells.ref("pipeline", null);
        boolean pipelineFailed = pipeline == null && cells.hasText("pipeline");
        Long stageId = pipelineFailed ? null : cells.ref("stage", pipeline);
        BigDecimal amount = cells.amount("amount");
        LocalDate expected = cells.date("expectedClose");
        Long source = cells.ref("source", null);
        Long product = cells.ref("product", null);
        Instant created = cells.instant("createdOn");
        Instant closed = cells.instant("closedOn");
        String externalId = cells.text("externalId");
        remember(created);
        remember(closed);
        if (!cells.ok() || stageId == null) {
            return;
        }
        StageStep stage = step(stageId);
        long pipelineId = stage.pipelineId();
        StageStep lostAt = lostAt(pipelineId);
        String lostName = cells.text("lostReason");
        Long lostReason = null;
        String newLostReason = null;
        if (lostName != null && stage.kind() != StageKind.LOST) {
            warnings.add("imports.warning.lostReasonNotLost", "lostReason", row.number());
        } else if (lostName != null && refs.createRequested(RefKind.LOST_REASON, lostName)
                && !refs.peek(RefKind.LOST_REASON, lostName, null).ok()) {
            newLostReason = refs.effective(RefKind.LOST_REASON, lostName);
            refs.willCreate(RefKind.LOST_REASON, newLostReason);
        } else if (lostName != null) {
            lostReason = cells.ref("lostReason", null);
        }
        if (lostAt != null && stage.kind() != StageKind.LOST) {
            cells.issue("lostAtStage", "imports.issue.lostAtStageNotLost", cells.text("lostAtStage"));
        }
        if (stage.kind() == StageKind.WON && amount == null) {
            cells.issue("amount", "imports.issue.wonWithoutAmount");
        }
        if (created != null && closed != null && closed.isBefore(created) && stage.kind() != StageKind.OPEN) {
            cells.issue("closedOn", "imports.issue.closedBeforeCreated", cells.text("closedOn"), cells.text("createdOn"));
        }
        if (!cells.ok()) {
            return;
        }
        if (stage.kind() == StageKind.OPEN && closed != null) {
            warnings.add("imports.warning.closedOnOpen", "closedOn", row.number());
            closed = null;
        }
        if (stage.kind() == StageKind.LOST && lostAt == null) {
            warnings.add("imports.warning.lostWithoutStage", "lostAtStage", row.number());
        }
        Draft d = new Draft(row.number(), title, client, contact, owner, pipelineId, stage,
                amount, expected, source, product, created, closed, lostReason, newLostReason, lostAt, externalId);
        String key = externalId != null ? "x|" + externalId : client == null ? null : client + "|" + Texts.lower(title);
        Integer first = key == null ? null : byKey.get(key);
        if (first != null) {
            inFile++;
            if (mode == DuplicateMode.MERGE) {
                drafts.set(first, d); // the later row of the file wins, like a later edit
            }
            return;
        }
        if (key != null) {
            byKey.put(key, drafts.size());
        }
        drafts.add(d);
    }

    /** The open stage of the deal's pipeline a lost deal was lost at (null when empty or invalid: an issue then). */
    private StageStep lostAt(long pipelineId) {
        String raw = cells.text("lostAtStage");
        if (raw == null) {
            return null;
        }
        String key = RefKind.key(refs.effective(RefKind.STAGE, raw));
        StageStep other = null;
        for (StageStep s : stages) {
            if (RefKind.key(s.name()).equals(key)) {
                if (s.pipelineId() != pipelineId) {
                    other = s;
                } else if (s.kind() != StageKind.OPEN) {
                    cells.issue("lostAtStage", "imports.issue.lostAtStageNotOpen", raw);
                    return null;
                } else {
                    return s;
                }
            }
        }
        if (other != null) {
            cells.issue("lostAtStage", "imports.issue.lostAtStageOtherPipeline", raw);
        } else {
            cells.ref("lostAtStage", pipelineId); // reports the unknown stage for value mapping
        }
        return null;
    }

    private StageStep step(long stageId) {
        return stages.stream().filter(s -> s.id() == stageId).findFirst().orElseThrow();
    }

    private void remember(Instant at) {
        if (at != null && (latest == null || at.isAfter(latest))) {
            latest = at;
        }
    }

    @Override
    void matchExisting() {
        Instant asOf = latest == null ? null : latest.atZone(cells.zone()).toLocalDate().atStartOfDay(cells.zone())
                .toInstant();
        Set<Long> clients = new HashSet<>();
        Set<String> keys = new HashSet<>();
        drafts.forEach(d -> {
            if (d.clientId() != null) {
                clients.add(d.clientId());
            }
            if (d.externalId() != null) {
                keys.add(d.externalId());
            }
        });
        Map<Long, Map<String, Long>> contacts = clients.isEmpty() ? Map.of() : lookup.contactsOf(clients);
        Map<Long, Map<String, Long>> known = clients.isEmpty() ? Map.of() : lookup.dealsOf(clients);
        Map<String, Long> byExternal = keys.isEmpty() ? Map.of() : lookup.dealsByExternalId(keys);
        for (Draft d : drafts) {
            Long contact = contact(d, contacts);
            ImportedDeal deal = deal(d, contact, asOf);
            int i = rows.size();
            rows.add(deal);
            if (d.externalId() != null) {
                Long id = byExternal.get(d.externalId());
                if (id != null) {
                    sameKeyId.put(i, id);
                }
            } else if (d.clientId() != null) {
                Long id = known.getOrDefault(d.clientId(), Map.of()).get(Texts.lower(d.title()));
                if (id != null) {
                    existingId.put(i, id);
                }
            }
        }
        existing = existingId.size() + sameKeyId.size();
    }

    private Long contact(Draft d, Map<Long, Map<String, Long>> contacts) {
        if (d.contact() == null) {
            return null;
        }
        Long id = d.clientId() == null ? null
                : contacts.getOrDefault(d.clientId(), Map.of()).get(RefKind.key(d.contact()));
        if (id == null) {
            cells.issueAt(d.row(), "contact", d.clientId() == null ? "imports.issue.contactWithoutClient"
                    : "imports.issue.unknownContact", d.contact());
        }
        return id;
    }

    /** The deal of a draft with its dates filled by the ADR's rules and its synthetic history. */
    private ImportedDeal deal(Draft d, Long contact, Instant asOf) {
        Instant created = d.created();
        Instant closed = d.closed();
        StageKind kind = d.stage().kind();
        Instant fallback = asOf != null ? asOf : Instant.now();
        if (kind == StageKind.OPEN) {
            if (created == null) {
                warnings.add("imports.warning.createdAsOf", "createdOn", d.row(),
                        asOf == null ? "" : asOf.atZone(cells.zone()).toLocalDate().toString());
                created = fallback;
            }
        } else {
            if (closed == null) {
                warnings.add("imports.warning.closedFromCreated", "closedOn", d.row());
                closed = created != null ? created : fallback;
            }
            if (created == null) {
                warnings.add("imports.warning.createdFromClosed", "createdOn", d.row());
                created = closed;
            }
        }
        List<StageStep> pipeline = stages.stream().filter(s -> s.pipelineId() == d.pipelineId()).toList();
        return new ImportedDeal(d.title(), d.clientId(), contact, d.ownerId(), d.pipelineId(), d.stage().id(),
                d.amount() == null ? BigDecimal.ZERO : d.amount(), d.expected(), d.sourceId(), d.productId(),
                created, kind == StageKind.OPEN ? null : closed, d.lostReasonId(), d.newLostReason(), d.externalId(),
                SyntheticHistory.of(pipeline, d.stage(), d.lostAt(), created, closed));
    }

    @Override
    int newCount() {
        return rows.size() - existingId.size() - sameKeyId.size();
    }

    @Override
    List<CellIssue> warnings() {
        return warnings.list(cells);
    }

    @Override
    Written write(Long userId, Instant now, Progress progress) {
        Map<String, Long> created = new HashMap<>();
        List<ImportedDeal> fresh = new ArrayList<>();
        List<Long> touched = new ArrayList<>();
        List<Long> sameIds = new ArrayList<>();
        List<ImportedDeal> sameRows = new ArrayList<>();
        int merged = 0;
        for (int i = 0; i < rows.size(); i++) {
            ImportedDeal d = rows.get(i);
            String name = d.newLostReason();
            if (name != null) {
                d = d.withLostReason(created.computeIfAbsent(RefKind.key(name), k -> writes.deals().insertLostReason(name)));
            }
            Long id = existingId.get(i);
            Long same = sameKeyId.get(i);
            if (same != null) {
                sameIds.add(same);
                sameRows.add(d);
                merged++;
            } else if (id == null) {
                fresh.add(d);
            } else if (mode == DuplicateMode.MERGE) {
                writes.deals().mergeDeal(id, d, now);
                touched.add(id);
                merged++;
            }
        }
        writes.deals().updateDeals(sameIds, sameRows, userId, now);
        touched.addAll(sameIds);
        checkCancel(progress);
        for (long id : writes.deals().insertDeals(fresh, userId, now, written -> {
            progress.update("imports.progress.writing", written, fresh.size());
            checkCancel(progress);
        })) {
            touched.add(id);
        }
        rescore.accept(touched); // set-based, once for the whole file
        boolean merge = mode == DuplicateMode.MERGE;
        return new Written(fresh.size(), merged + (merge ? inFile : 0),
                merge ? 0 : inFile + existingId.size());
    }
}
