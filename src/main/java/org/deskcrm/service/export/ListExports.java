package org.deskcrm.service.export;

import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.call.CallFilter;
import org.deskcrm.model.call.CallRow;
import org.deskcrm.model.client.ClientCursor;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientListPage;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageTotal;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.persistence.CallLogRepository;
import org.deskcrm.persistence.DealQueryRepository;
import org.deskcrm.persistence.PipelineRepository;
import org.deskcrm.persistence.TaskListRepository;
import org.deskcrm.persistence.UserRepository;
import org.deskcrm.service.client.ClientListService;
import org.deskcrm.service.task.TaskService;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link ExportTarget} into a {@link ListExport}: the columns of each list in the user's
 * language, its filters as readable lines, and a row source that reads the database in keyset pages
 * (clients, the same pages the list shows) or through a cursor (deals, calls, all tasks). Times are
 * written in the business time zone.
 */
/** The exportable lists; every read is limited to what the exporting user may see ({@link AccessScope}). */
public class ListExports {
    /** Clients per keyset page while exporting. */
    static final int CLIENT_PAGE = 1_000;

    private final ClientListService clients;
    private final DealQueryRepository deals;
    private final CallLogRepository calls;
    private final TaskListRepository taskLists;
    private final TaskService tasks;
    private final UserRepository users;
    private final PipelineRepository pipelines;
    private final ZoneId zone;

    public ListExports(ClientListService clients, DealQueryRepository deals, CallLogRepository calls,
                       TaskListRepository taskLists, TaskService tasks, UserRepository users,
                       PipelineRepository pipelines, ZoneId zone) {
        this.clients = clients;
        this.deals = deals;
        this.calls = calls;
        this.taskLists = taskLists;
        this.tasks = tasks;
        this.users = users;
        this.pipelines = pipelines;
        this.zone = zone;
    }

    /** The list export of a target (not for reports, which have their own writer). */
    public ListExport<?> of(ExportTarget target, ExportTexts t, AccessScope scope) {
        if (target instanceof ExportTarget.Clients c) {
            return clients(c.query(), t, scope);
        }
        if (target instanceof ExportTarget.Deals d) {
            return deals(d.filter(), t, scope);
        }
        if (target instanceof ExportTarget.Calls c) {
            return calls(c.filter(), t, scope);
        }
        if (target instanceof ExportTarget.Tasks k) {
            return tasks(k, t, scope);
        }
        if (target instanceof ExportTarget.Table table) {
            RowSource<List<Object>> rows = sink -> table.rows().forEach(sink);
            return new ListExport<>(table.entity(), table.title(), table.filters(), table.columns(), rows,
                    table.rows().size(), t.locale());
        }
        throw new IllegalArgumentException("not a list: " + target.entity());
    }

    public ListExport<ClientRow> clients(ClientQuery q, ExportTexts t, AccessScope scope) {
        List<ExportColumn<ClientRow>> cols = List.of(
                ExportColumn.of(t.get("export.col.id"), ColumnKind.INTEGER, ClientRow::id),
                ExportColumn.text(t.get("export.col.name"), ClientRow::name),
                ExportColumn.text(t.get("export.col.kind"), r -> t.label(r.kind())),
                ExportColumn.text(t.get("export.col.inn"), ClientRow::inn),
                ExportColumn.text(t.get("export.col.owner"), ClientRow::ownerName),
                ExportColumn.text(t.get("export.col.lifecycle"), r -> t.label(r.lifecycle())),
                ExportColumn.text(t.get("export.col.source"), ClientRow::sourceName),
                ExportColumn.text(t.get("export.col.phone"), ClientRow::primaryPhone),
                ExportColumn.text(t.get("export.col.email"), ClientRow::primaryEmail),
                ExportColumn.of(t.get("export.col.lastPurchase"), ColumnKind.DATE, ClientRow::lastPurchaseOn),
                ExportColumn.text(t.get("export.col.archived"), r -> t.yesNo(r.archived())));
        RowSource<ClientRow> rows = sink -> {
            ClientCursor after = null;
            do {
                ClientListPage page = clients.page(q, after, CLIENT_PAGE, scope);
                page.items().forEach(i -> sink.accept(i.row()));
                after = page.hasMore() ? page.next() : null;
            } while (after != null);
        };
        return new ListExport<>("client", t.get("export.title.client"), clientFilters(q, t), cols, rows,
                clients.count(q, scope), t.locale());
    }

    private List<String[]> clientFilters(ClientQuery q, ExportTexts t) {
        List<String[]> lines = new ArrayList<>();
        ClientFilter f = q.filter();
        if (q.text() != null) {
            lines.add(line(t, "text", q.text()));
        }
        if (f.ownerId() != null) {
            lines.add(line(t, "owner", userName(f.ownerId())));
        }
        if (f.lifecycle() != null) {
            lines.add(line(t, "lifecycle", t.label(f.lifecycle())));
        }
        if (f.sourceId() != null) {
            lines.add(line(t, "source", clients.sources().getOrDefault(f.sourceId(), Long.toString(f.sourceId()))));
        }
        if (f.tag() != null && !f.tag().isBlank()) {
            lines.add(line(t, "tag", f.tag()));
        }
        lines.add(line(t, "archived", t.yesNo(f.includeArchived())));
        return lines;
    }

    public ListExport<DealRow> deals(DealFilter f, ExportTexts t, AccessScope scope) {
        Map<Long, String> pipelineNames = new HashMap<>();
        Map<Long, String> stageNames = new HashMap<>();
        for (Pipeline p : pipelines.findAll()) {
            pipelineNames.put(p.id(), p.name());
            for (Stage s : p.stages()) {
                stageNames.put(s.id(), s.name());
            }
        }
        List<ExportColumn<DealRow>> cols = List.of(
                ExportColumn.of(t.get("export.col.id"), ColumnKind.INTEGER, DealRow::id),
                ExportColumn.text(t.get("export.col.title"), DealRow::title),
                ExportColumn.text(t.get("export.col.client"), DealRow::clientName),
                ExportColumn.text(t.get("export.col.owner"), DealRow::ownerName),
                ExportColumn.text(t.get("export.col.pipeline"), r -> pipelineNames.get(r.pipelineId())),
                ExportColumn.text(t.get("export.col.stage"), r -> stageNames.get(r.stageId())),
                ExportColumn.summed(t.get("export.col.amount"), ColumnKind.MONEY, DealRow::amount),
                ExportColumn.of(t.get("export.col.expectedClose"), ColumnKind.DATE, DealRow::expectedClose),
                ExportColumn.of(t.get("export.col.score"), ColumnKind.INTEGER, DealRow::score),
                ExportColumn.text(t.get("export.col.band"), r -> t.label(r.band())),
                ExportColumn.of(t.get("export.col.created"), ColumnKind.DATETIME, r -> local(r.createdAt())));
        long expected = deals.stageTotals(f, scope).values().stream().mapToLong(StageTotal::count).sum();
        List<String[]> lines = new ArrayList<>();
        if (f.pipelineId() != null) {
            lines.add(line(t, "pipeline", pipelineNames.getOrDefault(f.pipelineId(), Long.toString(f.pipelineId()))));
        }
        if (f.ownerId() != null) {
            lines.add(line(t, "owner", userName(f.ownerId())));
        }
        if (f.createdFrom() != null || f.createdTo() != null) {
            lines.add(line(t, "created", period(f.createdFrom(), f.createdTo())));
        }
        if (f.band() != null) {
            lines.add(line(t, "band", t.label(f.band())));
        }
        return new ListExport<>("deal", t.get("export.title.deal"), lines, cols, sink -> deals.stream(f, scope, sink),
                expected, t.locale());
    }

    public ListExport<CallRow> calls(CallFilter f, ExportTexts t, AccessScope scope) {
        List<ExportColumn<CallRow>> cols = List.of(
                ExportColumn.of(t.get("export.col.id"), ColumnKind.INTEGER, CallRow::id),
                ExportColumn.of(t.get("export.col.started"), ColumnKind.DATETIME, r -> local(r.startedAt())),
                ExportColumn.text(t.get("export.col.direction"), r -> t.label(r.direction())),
                ExportColumn.text(t.get("export.col.status"), r -> t.label(r.status())),
                ExportColumn.summed(t.get("export.col.duration"), ColumnKind.INTEGER, CallRow::durationSec),
                ExportColumn.text(t.get("export.col.phone"), CallRow::phoneRaw),
                ExportColumn.text(t.get("export.col.client"), CallRow::clientName),
                ExportColumn.text(t.get("export.col.manager"), CallRow::userName),
                ExportColumn.text(t.get("export.col.result"), CallRow::resultNote));
        List<String[]> lines = new ArrayList<>();
        if (f.from() != null || f.to() != null) {
            lines.add(line(t, "period", period(f.from(), f.to())));
        }
        if (f.direction() != null) {
            lines.add(line(t, "direction", t.label(f.direction())));
        }
        if (f.status() != null) {
            lines.add(line(t, "status", t.label(f.status())));
        }
        if (f.userId() != null) {
            lines.add(line(t, "manager", userName(f.userId())));
        }
        if (f.clientId() != null) {
            lines.add(line(t, "client", Long.toString(f.clientId())));
        }
        if (f.unmatchedOnly()) {
            lines.add(line(t, "unmatched", t.yesNo(true)));
        }
        return new ListExport<>("call", t.get("export.title.call"), lines, cols, sink -> calls.stream(f, scope, sink),
                calls.count(f, scope), t.locale());
    }

    public ListExport<TaskRow> tasks(ExportTarget.Tasks k, ExportTexts t, AccessScope scope) {
        List<ExportColumn<TaskRow>> cols = List.of(
                ExportColumn.of(t.get("export.col.id"), ColumnKind.INTEGER, r -> r.task().id()),
                ExportColumn.text(t.get("export.col.title"), r -> r.task().title()),
                ExportColumn.text(t.get("export.col.taskKind"), r -> t.label(r.task().kind())),
                ExportColumn.text(t.get("export.col.status"), r -> t.label(r.task().status())),
                ExportColumn.of(t.get("export.col.due"), ColumnKind.DATETIME, r -> local(r.task().dueAt())),
                ExportColumn.text(t.get("export.col.assignee"), TaskRow::assigneeName),
                ExportColumn.text(t.get("export.col.client"), TaskRow::clientName),
                ExportColumn.text(t.get("export.col.deal"), TaskRow::dealTitle),
                ExportColumn.text(t.get("export.col.result"), r -> r.task().result()),
                ExportColumn.summed(t.get("export.col.minutes"), ColumnKind.INTEGER, r -> r.task().timeSpentMin()),
                ExportColumn.of(t.get("export.col.done"), ColumnKind.DATETIME, r -> local(r.task().doneAt())));
        List<String[]> lines = new ArrayList<>();
        lines.add(line(t, "view", t.label(k.view())));
        lines.add(line(t, "assignee", k.assigneeId() == null ? t.get("export.everybody") : userName(k.assigneeId())));
        RowSource<TaskRow> rows;
        long expected;
        if (k.view() == TaskView.ALL) {
            rows = sink -> taskLists.streamAll(k.assigneeId(), scope, sink);
            expected = -1;
        } else {
            List<TaskRow> list = tasks.list(k.view(), k.assigneeId(), k.teamId()); // short by nature (a day, the queue)
            rows = list::forEach;
            expected = list.size();
        }
        return new ListExport<>("task", t.get("export.title.task"), lines, cols, rows, expected, t.locale());
    }

    private LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }

    private String period(Instant from, Instant to) {
        return (from == null ? "…" : local(from).toLocalDate().toString()) + " – "
                + (to == null ? "…" : local(to).minusNanos(1).toLocalDate().toString()); // [from, to): the last day in it
    }

    private String userName(long id) {
        return users.findById(id).map(u -> u.fullName()).orElse(Long.toString(id));
    }

    private static String[] line(ExportTexts t, String filter, String value) {
        return new String[] {t.get("export.filter." + filter), value};
    }
}
