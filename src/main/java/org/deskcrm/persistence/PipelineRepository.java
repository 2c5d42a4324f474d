package org.deskcrm.persistence;

import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.LEAD_SOURCE;
import static org.deskcrm.persistence.jooq.Tables.LOST_REASON;
import static org.deskcrm.persistence.jooq.Tables.PIPELINE;
import static org.deskcrm.persistence.jooq.Tables.PRODUCT;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/** Pipelines with their stages, and the small dictionaries around deals: lost reasons, lead sources, products. */
public class PipelineRepository {
    private final DSLContext dsl;

    public PipelineRepository(Database db) {
        this.dsl = db.dsl();
    }

    public List<Pipeline> findAll() {
        Map<Long, List<Stage>> stages = new LinkedHashMap<>();
        dsl.selectFrom(STAGE).orderBy(STAGE.PIPELINE_ID, STAGE.SORT_ORDER).fetch().forEach(r ->
                stages.computeIfAbsent(r.getPipelineId(), k -> new ArrayList<>()).add(new Stage(r.getId(),
                        r.getPipelineId(), r.getName(), r.getSortOrder(), StageKind.ofCode(r.getKindCode()),
                        r.getProbability(), r.getMaxDays())));
        return dsl.selectFrom(PIPELINE).orderBy(PIPELINE.SORT_ORDER, PIPELINE.ID).fetch(r -> new Pipeline(r.getId(),
                r.getCode(), r.getName(), r.getSortOrder(), r.getActive(), stages.getOrDefault(r.getId(), List.of())));
    }

    public Optional<Pipeline> findByCode(String code) {
        return findAll().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public int count() {
        return dsl.fetchCount(PIPELINE);
    }

    /** Creates a pipeline with its stages in one transaction and returns it with ids. */
    public Pipeline create(String code, String name, int order, List<Stage> stages) {
        long id = dsl.transactionResult(() -> {
            DSLContext tx = dsl;
            long pid = tx.insertInto(PIPELINE, PIPELINE.CODE, PIPELINE.NAME, PIPELINE.SORT_ORDER)
                    .values(code, name, order).returning(PIPELINE.ID).fetchOne(PIPELINE.ID);
            for (Stage s : stages) {
                tx.insertInto(STAGE, STAGE.PIPELINE_ID, STAGE.NAME, STAGE.SORT_ORDER, STAGE.KIND_CODE,
                                STAGE.PROBABILITY, STAGE.MAX_DAYS)
                        .values(pid, s.name(), s.order(), s.kind().code(), s.probability(), s.maxDays()).execute();
            }
            return pid;
        });
        return findAll().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    public Map<Long, String> lostReasons() {
        Map<Long, String> m = new LinkedHashMap<>();
        dsl.selectFrom(LOST_REASON).where(LOST_REASON.ACTIVE.isTrue()).orderBy(LOST_REASON.SORT_ORDER, LOST_REASON.ID)
                .forEach(r -> m.put(r.getId(), r.getName()));
        return m;
    }

    public long addLostReason(String name, int order) {
        return dsl.insertInto(LOST_REASON, LOST_REASON.NAME, LOST_REASON.SORT_ORDER).values(name, order)
                .returning(LOST_REASON.ID).fetchOne(LOST_REASON.ID);
    }

    public Map<Long, String> leadSources() {
        Map<Long, String> m = new LinkedHashMap<>();
        dsl.selectFrom(LEAD_SOURCE).where(LEAD_SOURCE.ACTIVE.isTrue()).orderBy(LEAD_SOURCE.NAME)
                .forEach(r -> m.put(r.getId(), r.getName()));
        return m;
    }

    public long addLeadSource(String name) {
        return dsl.insertInto(LEAD_SOURCE, LEAD_SOURCE.NAME).values(name)
                .returning(LEAD_SOURCE.ID).fetchOne(LEAD_SOURCE.ID);
    }

    public long addProduct(String sku, String name, String unit, java.math.BigDecimal price) {
        return dsl.insertInto(PRODUCT, PRODUCT.SKU, PRODUCT.NAME, PRODUCT.UNIT, PRODUCT.PRICE)
                .values(sku, name, unit, price).returning(PRODUCT.ID).fetchOne(PRODUCT.ID);
    }

    public Map<Long, String> products() {
        Map<Long, String> m = new LinkedHashMap<>();
        dsl.selectFrom(PRODUCT).where(PRODUCT.ACTIVE.isTrue()).orderBy(PRODUCT.NAME)
                .forEach(r -> m.put(r.getId(), r.getName()));
        return m;
    }
}
