package org.deskcrm.service.export;

import org.deskcrm.model.call.CallFilter;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.task.TaskView;

import java.util.List;

/**
 * What to export, as the window and the command line name it: a list with its filters (read from the
 * database as it is written), a table already on screen (control lists, drill-downs), or a report.
 */
public sealed interface ExportTarget {
    /** The kind of records, as the audit feed names it, and the default file name. */
    String entity();

    /** The client list under a query (filters, text, order). */
    record Clients(ClientQuery query) implements ExportTarget {
        @Override
        public String entity() {
            return "client";
        }
    }

    /** The deal list under a filter. */
    record Deals(DealFilter filter) implements ExportTarget {
        @Override
        public String entity() {
            return "deal";
        }
    }

    /** The call log under a filter. */
    record Calls(CallFilter filter) implements ExportTarget {
        @Override
        public String entity() {
            return "call";
        }
    }

    /** A task list: the view, of one assignee (null: everybody), the team for the request queue. */
    record Tasks(TaskView view, Long assigneeId, Long teamId) implements ExportTarget {
        @Override
        public String entity() {
            return "task";
        }
    }

    /** A small table the window already holds (a control list, a drill-down), with its typed columns. */
    record Table(String entity, String title, List<String[]> filters, List<ExportColumn<List<Object>>> columns,
                 List<List<Object>> rows) implements ExportTarget {
        public Table {
            filters = List.copyOf(filters);
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** A computed report (written with its chart by the report exporter). */
    record Report(ReportTable table) implements ExportTarget {
        @Override
        public String entity() {
            return "report";
        }
    }
}
