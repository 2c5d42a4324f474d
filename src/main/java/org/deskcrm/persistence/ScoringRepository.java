package org.deskcrm.persistence;

import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.deal.ScoreThresholds;
import org.deskcrm.model.deal.ScoringAttribute;
import org.deskcrm.model.deal.ScoringOperator;
import org.deskcrm.model.deal.ScoringRule;
import org.jooq.Condition;
import org.deskcrm.persistence.totals.DealReach;
import org.deskcrm.persistence.totals.DealTotals;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.SCORING_RULE;

/**
 * Lead-scoring rules, and the set-based rescoring: one UPDATE computes the score of every deal in a
 * scope as the clamped sum of the weights of the rules it matches, a second sets the band.
 */
public class ScoringRepository {
    private final DSLContext dsl;
    private final DealTotals totals;

    public ScoringRepository(Database db) {
        this.dsl = db.dsl();
        this.totals = new DealTotals(db.dsl());
    }

    public List<ScoringRule> rules() {
        return dsl.selectFrom(SCORING_RULE).orderBy(SCORING_RULE.SORT_ORDER, SCORING_RULE.ID)
                .fetch(r -> new ScoringRule(r.getId(), r.getName(), ScoringAttribute.ofCode(r.getAttribute()),
                        ScoringOperator.ofCode(r.getOperator()), r.getOperand(), r.getWeight(), r.getActive(),
                        r.getSortOrder(), r.getVersion()));
    }

    public int count() {
        return dsl.fetchCount(SCORING_RULE);
    }

    public long insert(ScoringRule r) {
        return dsl.insertInto(SCORING_RULE)
                .set(SCORING_RULE.NAME, r.name().strip())
                .set(SCORING_RULE.ATTRIBUTE, r.attribute().code())
                .set(SCORING_RULE.OPERATOR, r.operator().code())
                .set(SCORING_RULE.OPERAND, r.operand())
                .set(SCORING_RULE.WEIGHT, r.weight())
                .set(SCORING_RULE.ACTIVE, r.active())
                .set(SCORING_RULE.SORT_ORDER, r.order())
                .returning(SCORING_RULE.ID).fetchOne(SCORING_RULE.ID);
    }

    /** Updates a rule if its version still matches; returns the new version. */
    public long update(ScoringRule r) {
        int n = dsl.update(SCORING_RULE)
                .set(SCORING_RULE.NAME, r.name().strip())
                .set(SCORING_RULE.ATTRIBUTE, r.attribute().code())
                .set(SCORING_RULE.OPERATOR, r.operator().code())
                .set(SCORING_RULE.OPERAND, r.operand())
                .set(SCORING_RULE.WEIGHT, r.weight())
                .set(SCORING_RULE.ACTIVE, r.active())
                .set(SCORING_RULE.SORT_ORDER, r.order())
                .set(SCORING_RULE.VERSION, r.version() + 1)
                .where(SCORING_RULE.ID.eq(r.id()).and(SCORING_RULE.VERSION.eq(r.version())))
                .execute();
        if (n == 0) {
            throw new ConcurrentEditException("scoring_rule", r.id());
        }
        return r.version() + 1;
    }

    public void delete(long id) {
        dsl.deleteFrom(SCORING_RULE).where(SCORING_RULE.ID.eq(id)).execute();
    }

    /** Rescores one deal. */
    public void rescore(long dealId, List<ScoringRule> rules, ScoreThresholds t, Instant now, LocalDate today) {
        Condition scope = DEAL.ID.eq(dealId);
        totals.aroundDeal(dealId, DealReach.RANKING, () -> write(scope, false, rules, t, now, today));
    }

    /** Rescores every deal of one client (its status or channels changed). */
    public int rescoreClient(long clientId, List<ScoringRule> rules, ScoreThresholds t, Instant now, LocalDate today) {
        return rescore(DEAL.CLIENT_ID.eq(clientId), false, rules, t, now, today);
    }

    /** Rescores the deals with ids in [fromId, toId); returns how many changed score or band. */
    public int rescoreRange(long fromId, long toId, List<ScoringRule> rules, ScoreThresholds t, Instant now,
                            LocalDate today) {
        return rescore(DEAL.ID.ge(fromId).and(DEAL.ID.lt(toId)), true, rules, t, now, today);
    }

    /** Rescores the deals with these ids (an import's new and changed deals) in a few set-based passes. */
    public int rescoreIds(java.util.Collection<Long> ids, List<ScoringRule> rules, ScoreThresholds t, Instant now,
                          LocalDate today) {
        int changed = 0;
        for (Condition scope : IdScopes.of(DEAL.ID, ids)) { // an import's new deals: one pass over their range
            changed += rescore(scope, true, rules, t, now, today);
        }
        return changed;
    }

    /** The smallest and largest deal id, or null when there are no deals. */
    public long[] idRange() {
        var r = dsl.select(DSL.min(DEAL.ID), DSL.max(DEAL.ID)).from(DEAL).fetchOne();
        return r == null || r.value1() == null ? null : new long[]{r.value1(), r.value2()};
    }

    /**
     * One pass: a derived table computes each deal's new score once; only deals whose score or band
     * changes are written (UPDATE … FROM on PostgreSQL, MERGE on H2).
     */
    private int rescore(Condition scope, boolean bulk, List<ScoringRule> rules, ScoreThresholds t, Instant now, LocalDate today) {
        Supplier<Integer> change = () -> write(scope, bulk, rules, t, now, today);
        return bulk ? totals.aroundMany(scope, DealReach.RANKING, change) // bulk: an id range
                : totals.around(scope, DealReach.RANKING, change);
    }

    private int write(Condition scope, boolean bulk, List<ScoringRule> rules, ScoreThresholds t, Instant now, LocalDate today) {
        Field<Integer> sum = DSL.inline(0);
        for (ScoringRule rule : rules) {
            if (rule.active()) {
                sum = sum.plus(DSL.when(ScoringSql.condition(rule, now, today, bulk), DSL.inline(rule.weight()))
                        .otherwise(DSL.inline(0)));
            }
        }
        Field<Integer> clamped = DSL.greatest(DSL.inline(0), DSL.least(DSL.inline(100), sum));
        Table<?> x = DSL.select(DEAL.ID.as("sid"), clamped.as("s")).from(DEAL).where(scope).asTable("x");
        Field<Long> sid = x.field("sid", Long.class);
        Field<Integer> score = x.field("s", Integer.class);
        Field<String> band = DSL.when(score.ge(t.hotMin()), DSL.inline("hot"))
                .when(score.ge(t.warmMin()), DSL.inline("warm"))
                .otherwise(DSL.inline("cold"));
        Condition changed = DEAL.SCORE.ne(score).or(DEAL.SCORE_BAND.ne(band));
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            return dsl.update(DEAL).set(DEAL.SCORE, score).set(DEAL.SCORE_BAND, band).from(x)
                    .where(DEAL.ID.eq(sid)).and(changed).execute();
        }
        return dsl.mergeInto(DEAL).using(x).on(DEAL.ID.eq(sid))
                .whenMatchedAnd(changed).thenUpdate().set(DEAL.SCORE, score).set(DEAL.SCORE_BAND, band)
                .execute();
    }
}
