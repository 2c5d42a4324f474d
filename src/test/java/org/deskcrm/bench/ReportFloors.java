package org.deskcrm.bench;

import java.util.List;
import java.util.Map;

/**
 * The raw-SQL floor of each report: the aggregates the report's figures come from, written as plain
 * SQL and run over JDBC with nothing around them. A report's time divided by its floor is the price of
 * everything the app adds (jOOQ, the scope filters, assembling rows, totals, labels). Parameters:
 * ?1 period start, ?2 period end (instants, UTC). Reports without an entry are timed without a floor.
 */
final class ReportFloors {
    private ReportFloors() {
    }

    private static final String CREATED = "d.created_at >= ? and d.created_at < ?";
    private static final String CLOSED = "d.closed_at >= ? and d.closed_at < ?";

    /** Report name → the floor's queries, each with how many (start, end) pairs it takes. */
    static final Map<String, List<Floor>> FLOORS = Map.ofEntries(
            Map.entry("funnel", List.of(
                    new Floor("select d.reached_order, d.stage_id, count(*), sum(d.amount) from deal d where " + CREATED
                            + " group by d.reached_order, d.stage_id", 1),
                    new Floor("select h.from_stage_id, count(*), sum(d.amount) from deal d join deal_stage_history h"
                            + " on h.deal_id = d.id and h.left_at is null where " + CREATED
                            + " and d.stage_id in (select id from stage where kind_code = 'lost') group by h.from_stage_id", 1))),
            Map.entry("funnel-snapshot", List.of(
                    new Floor("select h.to_stage_id, count(*), sum(h.amount) from deal_stage_history h"
                            + " where h.changed_at < ? and (h.left_at is null or h.left_at >= ?) group by h.to_stage_id", -1))),
            Map.entry("lost-by-reason", List.of(lost("d.lost_reason_id"))),
            Map.entry("lost-by-manager", List.of(lost("d.owner_id"))),
            Map.entry("lost-by-stage", List.of(
                    new Floor("select h.from_stage_id, count(*), sum(d.amount) from deal d join deal_stage_history h"
                            + " on h.deal_id = d.id and h.left_at is null where " + CLOSED
                            + " and d.stage_id in (select id from stage where kind_code = 'lost') group by h.from_stage_id", 1))),
            Map.entry("manager-load", List.of(
                    new Floor("select owner_id, count(*) from client group by owner_id", 0),
                    new Floor("select d.owner_id, count(*), sum(d.amount) from deal d"
                            + " where d.stage_id in (select id from stage where kind_code = 'open') group by d.owner_id", 0),
                    new Floor("select assignee_id, count(*) from task where status_code = 'open' group by assignee_id", 0))),
            Map.entry("calls", List.of(
                    new Floor("select c.user_id, cast(c.started_at as date), c.direction, c.status_code, count(*),"
                            + " sum(c.duration_sec) from phone_call c where c.started_at >= ? and c.started_at < ?"
                            + " group by c.user_id, cast(c.started_at as date), c.direction, c.status_code", 1))),
            Map.entry("manager-rating", List.of(
                    new Floor("select d.owner_id, count(*), sum(d.amount) from deal d where " + CLOSED
                            + " and d.stage_id in (select id from stage where kind_code = 'won') group by d.owner_id", 1),
                    new Floor("select d.owner_id, count(*) from deal d where " + CREATED + " group by d.owner_id", 1),
                    new Floor("select c.user_id, count(*) from phone_call c where c.started_at >= ? and c.started_at < ?"
                            + " group by c.user_id", 1))),
            Map.entry("lead-sources", List.of(
                    new Floor("select d.source_id, count(*), sum(d.amount) from deal d where " + CREATED
                            + " group by d.source_id", 1),
                    new Floor("select d.source_id, count(*), sum(d.amount) from deal d where " + CLOSED
                            + " and d.stage_id in (select id from stage where kind_code = 'won') group by d.source_id", 1))),
            Map.entry("receivables", List.of(
                    new Floor("select s.client_id, sum(s.amount - s.paid_amount) from sale s where s.amount > s.paid_amount"
                            + " group by s.client_id", 0))),
            Map.entry("clients", List.of(
                    new Floor("select s.client_id, extract(year from s.sale_date), extract(month from s.sale_date), count(*),"
                            + " sum(s.amount) from sale s group by s.client_id, extract(year from s.sale_date),"
                            + " extract(month from s.sale_date)", 0))));

    private static Floor lost(String by) {
        return new Floor("select " + by + ", count(*), sum(d.amount) from deal d where " + CLOSED
                + " and d.stage_id in (select id from stage where kind_code = 'lost') group by " + by, 1);
    }

    /**
     * One floor query; {@code periods} is how many (start, end) parameter pairs it takes, or -1 for the
     * snapshot form (the period end twice: where deals stood at that instant).
     */
    record Floor(String sql, int periods) {
    }
}
