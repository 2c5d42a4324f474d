package org.deskcrm.service.demo;

import org.deskcrm.persistence.BulkWriter;
import org.deskcrm.persistence.DemoRepository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables the generator fills, declared in foreign-key order on one {@link BulkWriter}, and the
 * next free id of each (ids are assigned here, so that rows can reference each other before they are
 * written). Remembers where this run's ids start, to undo a cancelled run.
 */
final class DemoTables {
    final BulkWriter.Table supervisors;
    final BulkWriter.Table team;
    final BulkWriter.Table managers;
    final BulkWriter.Table tag;
    final BulkWriter.Table product;
    final BulkWriter.Table taskTemplate;
    final BulkWriter.Table taskTemplateStage;
    final BulkWriter.Table client;
    final BulkWriter.Table clientTag;
    final BulkWriter.Table contact;
    final BulkWriter.Table channel;
    final BulkWriter.Table deal;
    final BulkWriter.Table dealLine;
    final BulkWriter.Table history;
    final BulkWriter.Table sale;
    final BulkWriter.Table need;
    final BulkWriter.Table call;
    final BulkWriter.Table missedCall;
    final BulkWriter.Table task;
    final BulkWriter.Table activity;
    final BulkWriter.Table phoneList;
    final BulkWriter.Table goal;
    final BulkWriter.Table sourceCost;

    private final Map<String, Long> next = new LinkedHashMap<>();
    private final Map<String, Long> first = new LinkedHashMap<>();

    DemoTables(BulkWriter w, DemoRepository repo) {
        supervisors = w.table("app_user", "id", "login", "full_name", "email", "phone", "password_hash", "role_code",
                "team_id", "can_export", "active", "created_at");
        team = w.table("team", "id", "name", "supervisor_id", "created_at");
        managers = w.table("app_user", "id", "login", "full_name", "email", "phone", "password_hash", "role_code",
                "team_id", "can_export", "active", "created_at");
        tag = w.table("tag", "id", "name");
        product = w.table("product", "id", "sku", "name", "unit", "price");
        taskTemplate = w.table("task_template", "id", "title", "kind_code", "recurrence", "anchor_date",
                "assignee_id", "client_id", "active");
        taskTemplateStage = w.table("task_template_stage", "id", "template_id", "sort_order", "title",
                "offset_days", "kind_code");
        sourceCost = w.table("lead_source_cost", "id", "source_id", "period_start", "period_end", "amount", "note");
        client = w.table("client", "id", "kind", "name", "name_norm", "legal_name", "inn", "kpp", "address", "region",
                "industry", "website", "source_id", "owner_id", "notes", "archived", "lifecycle_code", "purchase_count",
                "first_purchase_on", "last_purchase_on", "status_computed_at", "last_contact_at", "created_at",
                "created_by", "updated_at");
        clientTag = w.table("client_tag", "client_id", "tag_id");
        contact = w.table("contact", "id", "client_id", "full_name", "job_title", "notes", "is_primary", "created_at");
        channel = w.table("channel", "id", "client_id", "contact_id", "kind_code", "value_raw", "value_norm",
                "is_primary", "note", "digits_rev");
        deal = w.table("deal", "id", "title", "title_norm", "client_id", "contact_id", "owner_id", "pipeline_id",
                "stage_id", "amount", "expected_close", "source_id", "score", "score_band", "lost_reason_id",
                "lost_note", "reached_order", "created_at", "created_by", "stage_changed_at", "closed_at", "updated_at",
                "main_product_id");
        dealLine = w.table("deal_line", "id", "deal_id", "product_id", "quantity", "price", "discount_pct", "amount");
        history = w.table("deal_stage_history", "id", "deal_id", "from_stage_id", "to_stage_id", "changed_at",
                "left_at", "changed_by", "amount");
        sale = w.table("sale", "id", "client_id", "deal_id", "owner_id", "doc_no", "sale_date", "amount", "due_date",
                "paid_amount", "paid_date", "note", "created_at");
        need = w.table("client_need", "id", "client_id", "product_id", "quantity", "period_start", "period_end",
                "probability", "probability_basis", "status", "deal_id", "note", "created_at");
        call = w.table("phone_call", "id", "direction", "status_code", "started_at", "duration_sec", "phone_raw",
                "phone_norm", "client_id", "contact_id", "user_id", "result_note", "recording_url", "created_at");
        missedCall = w.table("missed_call", "call_id", "manager_id", "due_at", "notified_at", "escalated_at",
                "resolved_at", "resolved_by_call_id");
        task = w.table("task", "id", "title", "description", "kind_code", "status_code", "due_at", "remind_at",
                "reminded_at", "assignee_id", "team_id", "client_id", "deal_id", "call_id", "result", "time_spent_min",
                "done_at", "created_at", "created_by", "updated_at");
        activity = w.table("activity", "id", "kind_code", "client_id", "contact_id", "deal_id", "user_id",
                "occurred_at", "subject", "body", "created_at");
        phoneList = w.table("phone_list_entry", "id", "list_code", "phone_norm", "phone_raw", "note", "added_by",
                "added_at");
        goal = w.table("goal", "id", "user_id", "team_id", "metric_code", "period_kind", "period_start", "target");
        for (String t : List.of("app_user", "team", "tag", "product", "task_template", "task_template_stage",
                "lead_source_cost", "client", "contact", "channel", "deal", "deal_line", "deal_stage_history", "sale",
                "client_need", "phone_call", "task", "activity", "phone_list_entry", "goal")) {
            long id = repo.firstFreeId(t);
            next.put(t, id);
            first.put(t, id);
        }
    }

    /** The next id of a table. */
    long id(String table) {
        Long id = next.get(table);
        if (id == null) {
            throw new IllegalArgumentException("no ids for " + table);
        }
        next.put(table, id + 1);
        return id;
    }

    /** Where each table's identity must continue after this run. */
    Map<String, Long> nextIds() {
        return Map.copyOf(next);
    }

    /**
     * How to undo this run, in delete order: (table, key column, first id of this run). Users go in two
     * steps because teams reference their supervisor and managers reference their team.
     */
    List<String[]> undoSteps(long firstManagerId) {
        List<String[]> steps = new ArrayList<>();
        for (String t : List.of("goal", "phone_list_entry", "activity", "task")) {
            steps.add(new String[]{t, "id", String.valueOf(first.get(t))});
        }
        steps.add(new String[]{"missed_call", "call_id", String.valueOf(first.get("phone_call"))});
        for (String t : List.of("phone_call", "client_need", "sale", "deal_stage_history", "deal_line", "deal",
                "channel", "contact")) {
            steps.add(new String[]{t, "id", String.valueOf(first.get(t))});
        }
        steps.add(new String[]{"client_tag", "client_id", String.valueOf(first.get("client"))});
        for (String t : List.of("client", "lead_source_cost", "task_template_stage", "task_template", "product",
                "tag")) {
            steps.add(new String[]{t, "id", String.valueOf(first.get(t))});
        }
        steps.add(new String[]{"app_user", "id", String.valueOf(firstManagerId)});
        steps.add(new String[]{"team", "id", String.valueOf(first.get("team"))});
        steps.add(new String[]{"app_user", "id", String.valueOf(first.get("app_user"))});
        return steps;
    }
}
