package org.deskcrm.persistence;

import org.deskcrm.model.deal.ScoringOperator;
import org.deskcrm.model.deal.ScoringRule;
import org.jooq.Condition;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.ACTIVITY;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;

/**
 * A scoring rule as a SQL condition over the row of {@code deal} being scored. Rules about the client
 * (channels, status, recent activity) have two equivalent forms: correlated EXISTS probes through the
 * client_id indexes, cheapest for one deal or one client; and, for bulk rescoring, uncorrelated
 * {@code client_id IN (SELECT ...)} semi-joins that the database evaluates once per statement (H2
 * caches the subquery result and probes it by hash; PostgreSQL plans a hashed semi-join) instead of
 * once per deal. The subqueries never return NULL, so NOT IN stays exact.
 */
final class ScoringSql {
    private ScoringSql() {
    }

    /** @param bulk true when scoring a large range of deals (semi-joins), false for one deal or client */
    static Condition condition(ScoringRule r, Instant now, LocalDate today, boolean bulk) {
        ScoringOperator op = r.operator();
        return switch (r.attribute()) {
            case SOURCE -> switch (op) {
                case PRESENT -> DEAL.SOURCE_ID.isNotNull();
                case ABSENT -> DEAL.SOURCE_ID.isNull();
                case NE -> DEAL.SOURCE_ID.isNull().or(DEAL.SOURCE_ID.notIn(ids(r.operand())));
                default -> DEAL.SOURCE_ID.in(ids(r.operand()));
            };
            case AMOUNT -> {
                BigDecimal v = new BigDecimal(r.operand().strip());
                yield switch (op) {
                    case EQ -> DEAL.AMOUNT.eq(v);
                    case NE -> DEAL.AMOUNT.ne(v);
                    case GT -> DEAL.AMOUNT.gt(v);
                    case GE -> DEAL.AMOUNT.ge(v);
                    case LT -> DEAL.AMOUNT.lt(v);
                    default -> DEAL.AMOUNT.le(v);
                };
            }
            case CHANNEL -> {
                Condition c = CHANNEL.CLIENT_ID.isNotNull();
                if (r.operand() != null && !r.operand().isBlank()) {
                    c = c.and(CHANNEL.KIND_CODE.eq(r.operand().strip()));
                }
                Condition has = bulk ? DEAL.CLIENT_ID.in(DSL.select(CHANNEL.CLIENT_ID).from(CHANNEL).where(c))
                        : DSL.exists(DSL.selectOne().from(CHANNEL).where(c.and(CHANNEL.CLIENT_ID.eq(DEAL.CLIENT_ID))));
                yield op == ScoringOperator.ABSENT || op == ScoringOperator.NE ? DSL.not(has) : has;
            }
            case CLIENT_STATUS -> {
                Condition status = CLIENT.LIFECYCLE_CODE.in(codes(r.operand()));
                Condition in = bulk ? DEAL.CLIENT_ID.in(DSL.select(CLIENT.ID).from(CLIENT).where(status))
                        : DSL.exists(DSL.selectOne().from(CLIENT).where(CLIENT.ID.eq(DEAL.CLIENT_ID).and(status)));
                yield op == ScoringOperator.NE ? DSL.not(in) : in;
            }
            case RECENT_ACTIVITY -> {
                var cutoff = odt(now.minus(Duration.ofDays(Long.parseLong(r.operand().strip()))));
                Condition call = PHONE_CALL.CLIENT_ID.isNotNull().and(PHONE_CALL.STARTED_AT.ge(cutoff));
                Condition act = ACTIVITY.CLIENT_ID.isNotNull().and(ACTIVITY.OCCURRED_AT.ge(cutoff));
                Condition contact = CLIENT.LAST_CONTACT_AT.ge(cutoff);
                Condition recent = bulk
                        ? DEAL.CLIENT_ID.in(DSL.select(PHONE_CALL.CLIENT_ID).from(PHONE_CALL).where(call))
                        .or(DEAL.CLIENT_ID.in(DSL.select(ACTIVITY.CLIENT_ID).from(ACTIVITY).where(act)))
                        .or(DEAL.CLIENT_ID.in(DSL.select(CLIENT.ID).from(CLIENT).where(contact)))
                        : DSL.exists(DSL.selectOne().from(PHONE_CALL)
                                .where(PHONE_CALL.CLIENT_ID.eq(DEAL.CLIENT_ID).and(call)))
                        .or(DSL.exists(DSL.selectOne().from(ACTIVITY)
                                .where(ACTIVITY.CLIENT_ID.eq(DEAL.CLIENT_ID).and(act))))
                        .or(DSL.exists(DSL.selectOne().from(CLIENT)
                                .where(CLIENT.ID.eq(DEAL.CLIENT_ID).and(contact))));
                yield op == ScoringOperator.ABSENT ? DSL.not(recent) : recent;
            }
            case EXPECTED_CLOSE -> switch (op) {
                case PRESENT -> DEAL.EXPECTED_CLOSE.isNotNull();
                case ABSENT -> DEAL.EXPECTED_CLOSE.isNull();
                default -> DEAL.EXPECTED_CLOSE.between(today, today.plusDays(Long.parseLong(r.operand().strip())));
            };
            case CONTACT -> op == ScoringOperator.ABSENT ? DEAL.CONTACT_ID.isNull() : DEAL.CONTACT_ID.isNotNull();
        };
    }

    static List<Long> ids(String operand) {
        return Arrays.stream(operand == null ? new String[0] : operand.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }

    static List<String> codes(String operand) {
        return Arrays.stream(operand == null ? new String[0] : operand.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
