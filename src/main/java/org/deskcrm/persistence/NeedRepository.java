package org.deskcrm.persistence;

import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.deal.ClientNeed;
import org.deskcrm.model.deal.NeedProbability;
import org.deskcrm.model.deal.StageKind;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.CLIENT_NEED;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_LINE;
import static org.deskcrm.persistence.jooq.Tables.PRODUCT;
import static org.deskcrm.persistence.jooq.Tables.STAGE;

/** Client needs, and the win/loss counts of closed deals their purchase probability is computed from. */
public class NeedRepository {
    /** Wins and closed deals (won + lost) of one group. */
    public record WinCount(long wins, long total) {
    }

    /** Counts for a product at the three product levels: manager+region, region, any. */
    public record ProductCounts(WinCount managerRegion, WinCount region, WinCount product) {
    }

    private final DSLContext dsl;

    public NeedRepository(Database db) {
        this.dsl = db.dsl();
    }

    /** A client's manager and region (either may be null). */
    public record ClientPlace(Long ownerId, String region) {
    }

    public Optional<ClientPlace> place(long clientId) {
        return dsl.select(CLIENT.OWNER_ID, CLIENT.REGION).from(CLIENT).where(CLIENT.ID.eq(clientId))
                .fetchOptional(r -> new ClientPlace(r.value1(), r.value2()));
    }

    /**
     * Closed deals that contain the product: all of them, those of clients in the region, and those of
     * the manager with clients in the region. A null manager or region counts nothing at that level.
     */
    public ProductCounts productCounts(long productId, Long managerId, String region) {
        Field<Boolean> won = DSL.field(STAGE.KIND_CODE.eq(StageKind.WON.code()));
        Condition inRegion = region == null ? DSL.falseCondition() : CLIENT.REGION.eq(region);
        Condition mine = managerId == null ? DSL.falseCondition() : DEAL.OWNER_ID.eq(managerId).and(inRegion);
        var r = dsl.select(
                        count(DSL.trueCondition(), won), DSL.count(),
                        count(inRegion, won), DSL.count().filterWhere(inRegion),
                        count(mine, won), DSL.count().filterWhere(mine))
                .from(DEAL)
                .join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID))
                .leftJoin(CLIENT).on(CLIENT.ID.eq(DEAL.CLIENT_ID))
                .where(STAGE.KIND_CODE.in(StageKind.WON.code(), StageKind.LOST.code()))
                .and(DSL.exists(DSL.selectOne().from(DEAL_LINE)
                        .where(DEAL_LINE.DEAL_ID.eq(DEAL.ID).and(DEAL_LINE.PRODUCT_ID.eq(productId)))))
                .fetchOne();
        return new ProductCounts(new WinCount(r.value5(), r.value6()), new WinCount(r.value3(), r.value4()),
                new WinCount(r.value1(), r.value2()));
    }

    private static Field<Integer> count(Condition scope, Field<Boolean> won) {
        return DSL.count().filterWhere(scope.and(DSL.condition(won)));
    }

    /** Wins and closed deals over all deals (the broadest group). */
    public WinCount globalCounts() {
        var r = dsl.select(DSL.count().filterWhere(STAGE.KIND_CODE.eq(StageKind.WON.code())), DSL.count())
                .from(DEAL).join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID))
                .where(STAGE.KIND_CODE.in(StageKind.WON.code(), StageKind.LOST.code()))
                .fetchOne();
        return new WinCount(r.value1(), r.value2());
    }

    public long insert(ClientNeed n) {
        return dsl.insertInto(CLIENT_NEED)
                .set(CLIENT_NEED.CLIENT_ID, n.clientId())
                .set(CLIENT_NEED.PRODUCT_ID, n.productId())
                .set(CLIENT_NEED.QUANTITY, n.quantity())
                .set(CLIENT_NEED.PERIOD_START, n.periodStart())
                .set(CLIENT_NEED.PERIOD_END, n.periodEnd())
                .set(CLIENT_NEED.PROBABILITY, probability(n.probability()))
                .set(CLIENT_NEED.PROBABILITY_BASIS, n.probability() == null ? null : n.probability().basis())
                .set(CLIENT_NEED.STATUS, n.status())
                .set(CLIENT_NEED.NOTE, n.note())
                .returning(CLIENT_NEED.ID).fetchOne(CLIENT_NEED.ID);
    }

    public long update(ClientNeed n) {
        int c = dsl.update(CLIENT_NEED)
                .set(CLIENT_NEED.PRODUCT_ID, n.productId())
                .set(CLIENT_NEED.QUANTITY, n.quantity())
                .set(CLIENT_NEED.PERIOD_START, n.periodStart())
                .set(CLIENT_NEED.PERIOD_END, n.periodEnd())
                .set(CLIENT_NEED.PROBABILITY, probability(n.probability()))
                .set(CLIENT_NEED.PROBABILITY_BASIS, n.probability() == null ? null : n.probability().basis())
                .set(CLIENT_NEED.STATUS, n.status())
                .set(CLIENT_NEED.NOTE, n.note())
                .set(CLIENT_NEED.VERSION, n.version() + 1)
                .where(CLIENT_NEED.ID.eq(n.id()).and(CLIENT_NEED.VERSION.eq(n.version()))).execute();
        if (c == 0) {
            throw new ConcurrentEditException("client_need", n.id());
        }
        return n.version() + 1;
    }

    public void delete(long id) {
        dsl.deleteFrom(CLIENT_NEED).where(CLIENT_NEED.ID.eq(id)).execute();
    }

    public List<ClientNeed> byClient(long clientId) {
        return dsl.select(CLIENT_NEED.fields()).select(PRODUCT.NAME)
                .from(CLIENT_NEED).join(PRODUCT).on(PRODUCT.ID.eq(CLIENT_NEED.PRODUCT_ID))
                .where(CLIENT_NEED.CLIENT_ID.eq(clientId)).orderBy(CLIENT_NEED.ID)
                .fetch(r -> {
                    BigDecimal p = r.get(CLIENT_NEED.PROBABILITY);
                    return new ClientNeed(r.get(CLIENT_NEED.ID), r.get(CLIENT_NEED.CLIENT_ID),
                            r.get(CLIENT_NEED.PRODUCT_ID), r.get(PRODUCT.NAME), r.get(CLIENT_NEED.QUANTITY),
                            r.get(CLIENT_NEED.PERIOD_START), r.get(CLIENT_NEED.PERIOD_END),
                            p == null ? null : NeedProbability.parse(p.doubleValue(), r.get(CLIENT_NEED.PROBABILITY_BASIS)),
                            r.get(CLIENT_NEED.STATUS), r.get(CLIENT_NEED.NOTE), r.get(CLIENT_NEED.VERSION));
                });
    }

    private static BigDecimal probability(NeedProbability p) {
        return p == null ? null : BigDecimal.valueOf(p.probability()).setScale(4, RoundingMode.HALF_UP);
    }
}
