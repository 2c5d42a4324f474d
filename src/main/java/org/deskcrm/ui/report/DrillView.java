package org.deskcrm.ui.report;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.deskcrm.model.report.ColumnType;
import org.deskcrm.model.report.DrillField;
import org.deskcrm.model.report.DrillGrid;
import org.deskcrm.service.export.ColumnKind;
import org.deskcrm.service.export.ExportColumn;
import org.deskcrm.service.export.ExportTarget;
import org.deskcrm.ui.common.I18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The records behind one report figure with their human columns (a deal's title, client, manager, stage,
 * date and amount; a call's time, client, manager, direction, status and duration...), their count and sum
 * below; the export writes the same columns under the same headers.
 */
final class DrillView extends BorderPane {
    /** Where the label of a stored code comes from, by field (the keys the rest of the window uses). */
    private static final Map<String, String> CODE_LABELS = Map.of("direction", "client.call.dir.",
            "status", "client.call.status.", "lifecycle", "report.value.status.", "kind", "client.task.kind.",
            "task_status", "client.task.status.", "activity", "client.activity.", "entity", "report.entity.");

    /** The record type in the user's language ({@code report.entity.*}), else as stored. */
    static String entityName(I18n i18n, String entity) {
        String key = "report.entity." + entity;
        return i18n.has(key) ? i18n.get(key) : entity;
    }

    private final DrillGrid grid;
    private final String rowLabel;
    private final I18n i18n;
    private final ReportCells cells;
    private final ZoneId zone;

    DrillView(DrillGrid grid, String rowLabel, I18n i18n, ReportCells cells) {
        this(grid, rowLabel, i18n, cells, ZoneId.systemDefault());
    }

    /** @param zone the zone times are shown in (the computer's) */
    DrillView(DrillGrid grid, String rowLabel, I18n i18n, ReportCells cells, ZoneId zone) {
        this.grid = grid;
        this.rowLabel = rowLabel;
        this.i18n = i18n;
        this.cells = cells;
        this.zone = zone;
        getStyleClass().add("report-drill");
        TableView<List<Object>> table = new TableView<>(FXCollections.observableArrayList(grid.rows()));
        table.setId("drillTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        for (int i = 0; i < grid.fields().size(); i++) {
            DrillField f = grid.fields().get(i);
            int index = i;
            TableColumn<List<Object>, String> col = new TableColumn<>(header(i18n, f));
            col.setId("drill-" + f.key());
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(shown(f, c.getValue().get(index))));
            col.setPrefWidth(width(f));
            if (f.kind() == DrillField.Kind.MONEY || f.kind() == DrillField.Kind.SECONDS) {
                col.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            table.getColumns().add(col);
        }
        setCenter(table);
        Label total = new Label(i18n.format("report.drill.total", grid.drill().count(),
                cells.text(grid.drill().sum(), ColumnType.MONEY)));
        total.setId("drillTotal");
        total.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        javafx.scene.layout.Region spring = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(spring, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox bottom = new javafx.scene.layout.HBox(8, total, spring,
                org.deskcrm.ui.export.ExportButton.create(i18n, this::exportTarget));
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bottom.setPadding(new javafx.geometry.Insets(0, 8, 4, 0));
        setBottom(bottom);
    }

    /** The column's header as the window and the export write it ({@code report.drill.col.KEY}). */
    static String header(I18n i18n, DrillField f) {
        return i18n.get("report.drill.col." + f.key());
    }

    private static double width(DrillField f) {
        return switch (f.kind()) {
            case TEXT -> f.key().equals("details") ? 320 : 190;
            case TIME -> 150;
            case MONEY -> 130;
            case SECONDS -> 90;
            default -> 110;
        };
    }

    /** A value as the grid shows it: codes in the user's language, money and dates in the locale's format. */
    String shown(DrillField f, Object v) {
        if (v == null) {
            return "";
        }
        return switch (f.kind()) {
            case TEXT -> v.toString();
            case CODE -> code(f, v.toString());
            case MONEY -> cells.text(v, ColumnType.MONEY);
            case DATE -> cells.text(date(v), ColumnType.DATE);
            case TIME -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(i18n.locale())
                    .format(((Instant) v).atZone(zone));
            case SECONDS -> duration(((Number) v).longValue());
        };
    }

    private String code(DrillField f, String code) {
        String key = CODE_LABELS.getOrDefault(f.key(), "report.drill.code." + f.key() + ".") + code;
        return i18n.has(key) ? i18n.get(key) : code;
    }

    private LocalDate date(Object v) {
        return v instanceof Instant i ? LocalDate.ofInstant(i, zone) : (LocalDate) v;
    }

    private static String duration(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** What the export button writes: these records, under the report, figure and row they are behind. */
    ExportTarget exportTarget() {
        List<ExportColumn<List<Object>>> cols = new ArrayList<>();
        for (int i = 0; i < grid.fields().size(); i++) {
            DrillField f = grid.fields().get(i);
            int index = i;
            String header = header(i18n, f);
            cols.add(switch (f.kind()) {
                case MONEY -> f == DrillField.AMOUNT || f.key().equals(DrillField.AMOUNT.key())
                        ? ExportColumn.summed(header, ColumnKind.MONEY, r -> r.get(index))
                        : ExportColumn.of(header, ColumnKind.MONEY, r -> r.get(index));
                case DATE -> ExportColumn.of(header, ColumnKind.DATE, r -> r.get(index) == null ? null : date(r.get(index)));
                case TIME -> ExportColumn.of(header, ColumnKind.DATETIME,
                        r -> r.get(index) == null ? null : java.time.LocalDateTime.ofInstant((Instant) r.get(index), zone));
                default -> ExportColumn.text(header, r -> shown(f, r.get(index)));
            });
        }
        return exportTarget(grid, cols, rowLabel, i18n);
    }

    /**
     * The records behind the figure, with the report and the figure written above them as the user sees them
     * (the column's header and the row's shown cells, never its internal key).
     */
    static ExportTarget exportTarget(DrillGrid grid, List<ExportColumn<List<Object>>> cols, String rowLabel, I18n i18n) {
        String report = i18n.get("report.title." + grid.drill().report());
        String column = grid.drill().column();
        String figure = i18n.has("report.col." + column) ? i18n.get("report.col." + column)
                : i18n.has("report.sum." + column) ? i18n.get("report.sum." + column) : column;
        List<String[]> filters = new ArrayList<>();
        filters.add(new String[] {i18n.get("export.filter.report"), report});
        filters.add(new String[] {i18n.get("export.filter.figure"),
                rowLabel == null || rowLabel.isEmpty() ? figure : figure + " / " + rowLabel});
        return new ExportTarget.Table("drill", report, filters, cols, grid.rows());
    }
}
