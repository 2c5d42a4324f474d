package org.deskcrm.persistence;

import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.StageTotal;
import org.deskcrm.model.user.AccessScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;

/** The deal list and the board: filtered rows with client and owner names, and per-stage totals. */
public class DealQueryRepository {
    private final DSLContext dsl;

    public DealQueryRepository(Database db) {
        this.dsl = db.dsl();
    }

    /** Deals matching the filter, most recently moved first. */
    public List<DealRow> rows(DealFilter f, int limit) {
        return rows(f, limit, AccessScope.all());
    }

    /** The deals {@code scope} sees matching the filter, most recently moved first. */
    public List<DealRow> rows(DealFilter f, int limit, AccessScope scope) {
        return rows(conditions(f).and(Visibility.owned(DEAL.OWNER_ID, scope)), limit);
    }

    /** The deals of one client that {@code scope} sees, most recently moved first (the client card). */
    public List<DealRow> byClient(long clientId, int limit, AccessScope scope) {
        return rows(DEAL.CLIENT_ID.eq(clientId).and(Visibility.owned(DEAL.OWNER_ID, scope)), limit);
    }

    /** One deal as a row (with client and owner names). */
    public java.util.Optional<DealRow> row(long dealId) {
        return row(dealId, AccessScope.all());
    }

    /** One deal as a row if {@code scope} sees it. */
    public java.util.Optional<DealRow> row(long dealId, AccessScope scope) {
        return rows(DEAL.ID.eq(dealId).and(Visibility.owned(DEAL.OWNER_ID, scope)), 1).stream().findFirst();
    }

    private List<DealRow> rows(Condition where, int limit) {
        return select(dsl, where).limit(limit).fetch(DealQueryRepository::map);
    }

    /**
     * Every deal matching the filter, in the list's order, handed to {@code sink} one at a time through a
     * cursor (the export of a long list); returns the number of rows.
     */
    public long stream(DealFilter f, AccessScope scope, java.util.function.Consumer<? super DealRow> sink) {
        Condition where = conditions(f).and(Visibility.owned(DEAL.OWNER_ID, scope));
        return CursorReader.read(dsl, d -> select(d, where), DealQueryRepository::map, sink);
    }

    private static org.jooq.SelectLimitStep<org.jooq.Record> select(DSLContext d, Condition where) {
        return d.select(List.of(DEAL.ID, DEAL.TITLE, DEAL.CLIENT_ID, CLIENT.NAME, DEAL.OWNER_ID, APP_USER.FULL_NAME,
                        DEAL.PIPELINE_ID, DEAL.STAGE_ID, DEAL.AMOUNT, DEAL.EXPECTED_CLOSE, DEAL.SCORE, DEAL.SCORE_BAND,
                        DEAL.CREATED_AT, DEAL.VERSION))
                .from(DEAL)
                .leftJoin(CLIENT).on(CLIENT.ID.eq(DEAL.CLIENT_ID))
                .join(APP_USER).on(APP_USER.ID.eq(DEAL.OWNER_ID))
                .where(where)
                .orderBy(DEAL.STAGE_CHANGED_AT.desc(), DEAL.ID.desc());
    }

    private static DealRow map(org.jooq.Record r) {
        return new DealRow(r.get(DEAL.ID), r.get(DEAL.TITLE), r.get(DEAL.CLIENT_ID), r.get(CLIENT.NAME),
                r.get(DEAL.OWNER_ID), r.get(APP_USER.FULL_NAME), r.get(DEAL.PIPELINE_ID), r.get(DEAL.STAGE_ID),
                r.get(DEAL.AMOUNT), r.get(DEAL.EXPECTED_CLOSE), r.get(DEAL.SCORE), ScoreBand.ofCode(r.get(DEAL.SCORE_BAND)),
                instant(r.get(DEAL.CREATED_AT)), r.get(DEAL.VERSION));
    }

    /** Count and amount of the filtered deals per stage id (all of them, not only the rows shown). */
    public Map<Long, StageTotal> stageTotals(DealFilter f) {
        return stageTotals(f, AccessScope.all());
    }

    /** Per-stage totals of the deals {@code scope} sees. */
    public Map<Long, StageTotal> stageTotals(DealFilter f, AccessScope scope) {
        Map<Long, StageTotal> m = new LinkedHashMap<>();
        dsl.select(DEAL.STAGE_ID, DSL.count(), DSL.coalesce(DSL.sum(DEAL.AMOUNT), BigDecimal.ZERO))
                .from(DEAL).where(conditions(f)).and(Visibility.owned(DEAL.OWNER_ID, scope)).groupBy(DEAL.STAGE_ID)
                .forEach(r -> m.put(r.value1(), new StageTotal(r.value2(), r.value3())));
        return m;
    }

    static Condition conditions(DealFilter f) {
        Condition c = DSL.noCondition();
        if (f.ownerId() != null) {
            c = c.and(DEAL.OWNER_ID.eq(f.ownerId()));
        }
        if (f.pipelineId() != null) {
            c = c.and(DEAL.PIPELINE_ID.eq(f.pipelineId()));
        }
        if (f.createdFrom() != null) {
            c = c.and(DEAL.CREATED_AT.ge(odt(f.createdFrom())));
        }
        if (f.createdTo() != null) {
            c = c.and(DEAL.CREATED_AT.lt(odt(f.createdTo())));
        }
        if (f.band() != null) {
            c = c.and(DEAL.SCORE_BAND.eq(f.band().code()));
        }
        return c;
    }
}
