package org.deskcrm.persistence.report;

import org.deskcrm.model.report.DrillItem;
import org.deskcrm.model.report.Pick;
import org.deskcrm.model.report.ReportScope;
import org.deskcrm.persistence.CursorReader;
import org.deskcrm.persistence.Database;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.deskcrm.persistence.jooq.Tables.SALE;

/** Sales (shipments, invoices): receivables by age and the per-client totals behind ABC/XYZ/RFM. */
public class SalesQueries {
    /** Age buckets of an unpaid amount as of a date, by days past the due date. */
    public enum Age { NOT_DUE, D1_30, D31_60, D61_90, D90_PLUS }

    /** One client's unpaid amounts by age. */
    public record Receivable(long clientId, BigDecimal notDue, BigDecimal d1to30, BigDecimal d31to60,
                             BigDecimal d61to90, BigDecimal d90plus) {
    }

    /** One client's sales in a period; {@code monthSquares} = Σ over months of (the month's amount)². */
    public record ClientTotals(long clientId, long count, BigDecimal amount, BigDecimal monthSquares, LocalDate lastSale) {
    }

    private final DSLContext dsl;

    public SalesQueries(Database db) {
        this.dsl = db.dsl();
    }

    private static Field<BigDecimal> outstanding() {
        return SALE.AMOUNT.minus(SALE.PAID_AMOUNT);
    }

    /** The due date, or the sale date when there is none. */
    private static Field<LocalDate> due() {
        return DSL.coalesce(SALE.DUE_DATE, SALE.SALE_DATE);
    }

    static Condition age(Age a, LocalDate asOf) {
        Field<LocalDate> due = due();
        return switch (a) {
            case NOT_DUE -> due.ge(asOf);
            case D1_30 -> due.lt(asOf).and(due.ge(asOf.minusDays(30)));
            case D31_60 -> due.lt(asOf.minusDays(30)).and(due.ge(asOf.minusDays(60)));
            case D61_90 -> due.lt(asOf.minusDays(60)).and(due.ge(asOf.minusDays(90)));
            case D90_PLUS -> due.lt(asOf.minusDays(90));
        };
    }

    /**
     * Whether a sale is not fully paid: {@code amount > paid_amount}, which the database keeps in the computed
     * column {@code unpaid} (V48, ADR 0028) that leads the covering index {@code ix_sale_unpaid}.
     */
    private static final Field<Boolean> UNPAID = DSL.field(DSL.name(SALE.getName(), "unpaid"), Boolean.class);

    private static Condition unpaid(ReportScope s) {
        return UNPAID.isTrue().and(SALE.SALE_DATE.le(s.filter().to())).and(SALE.AMOUNT.gt(SALE.PAID_AMOUNT))
                .and(Scopes.people(SALE.OWNER_ID, s.filter()));
    }

    private static Field<BigDecimal> sumIf(Condition c) {
        return DSL.coalesce(DSL.sum(DSL.when(c, outstanding()).otherwise(BigDecimal.ZERO)), BigDecimal.ZERO);
    }

    /** Unpaid sales made up to the filter's last day, by client and age as of that day. */
    public List<Receivable> receivables(ReportScope s) {
        LocalDate asOf = s.filter().to();
        return dsl.select(SALE.CLIENT_ID, sumIf(age(Age.NOT_DUE, asOf)), sumIf(age(Age.D1_30, asOf)),
                        sumIf(age(Age.D31_60, asOf)), sumIf(age(Age.D61_90, asOf)), sumIf(age(Age.D90_PLUS, asOf)))
                .from(SALE).where(unpaid(s)).groupBy(SALE.CLIENT_ID)
                .fetch(r -> new Receivable(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Unpaid sales of a client (or all) in the given ages, with their unpaid amounts. */
    public List<DrillItem> receivableDrill(ReportScope s, Pick client, List<Age> ages) {
        LocalDate asOf = s.filter().to();
        Condition any = DSL.falseCondition();
        for (Age a : ages) {
            any = any.or(age(a, asOf));
        }
        return dsl.select(SALE.ID, SALE.DOC_NO, outstanding()).from(SALE).where(unpaid(s)).and(any)
                .and(Scopes.pick(SALE.CLIENT_ID, client, Long.class)).orderBy(SALE.ID)
                .fetch(r -> new DrillItem("sale", r.value1(), r.value2(), r.value3()));
    }

    /**
     * Each client's sales within the period: count, amount, the sum of the squares of its monthly amounts
     * (the raw material of the variation of monthly sales) and the last sale's date. Months with no sale
     * add nothing to the squares; the caller adds them in. The period's sales are read as a stream and added up
     * here: H2 grouped them by client and month, then by client, in 1.6 s at 1 000 000 deals (338 000 sales of
     * 64 000 clients a year; the groups barely fewer than the sales).
     */
    public List<ClientTotals> clientTotals(ReportScope s) {
        final class Sums {
            long count;
            BigDecimal amount = BigDecimal.ZERO;
            final Map<Integer, BigDecimal> months = new HashMap<>();
            LocalDate last;
        }
        Map<Long, Sums> clients = new HashMap<>();
        CursorReader.eachRow(dsl, d -> d.select(SALE.CLIENT_ID, SALE.SALE_DATE, SALE.AMOUNT).from(SALE).where(inPeriod(s)),
                r -> {
                    Sums x = clients.computeIfAbsent(r.getLong(1), k -> new Sums());
                    LocalDate day = r.getObject(2, LocalDate.class);
                    BigDecimal amount = r.getBigDecimal(3);
                    x.count++;
                    x.amount = x.amount.add(amount);
                    x.months.merge(day.getYear() * 100 + day.getMonthValue(), amount, BigDecimal::add);
                    if (x.last == null || day.isAfter(x.last)) {
                        x.last = day;
                    }
                });
        List<ClientTotals> list = new ArrayList<>(clients.size());
        clients.forEach((id, x) -> {
            BigDecimal squares = BigDecimal.ZERO;
            for (BigDecimal m : x.months.values()) {
                squares = squares.add(m.multiply(m));
            }
            list.add(new ClientTotals(id, x.count, x.amount, squares, x.last));
        });
        return list;
    }

    public List<DrillItem> salesDrill(ReportScope s, Pick client) {
        return dsl.select(SALE.ID, SALE.DOC_NO, SALE.AMOUNT).from(SALE).where(inPeriod(s))
                .and(Scopes.pick(SALE.CLIENT_ID, client, Long.class)).orderBy(SALE.ID)
                .fetch(r -> new DrillItem("sale", r.value1(), r.value2(), r.value3()));
    }

    private static Condition inPeriod(ReportScope s) {
        return SALE.SALE_DATE.between(s.filter().from(), s.filter().to()).and(Scopes.people(SALE.OWNER_ID, s.filter()));
    }
}
