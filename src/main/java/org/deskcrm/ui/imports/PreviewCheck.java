package org.deskcrm.ui.imports;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.DateStyle;
import org.deskcrm.model.io.ImportCheck;
import org.deskcrm.model.io.ImportPreview;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTable;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.service.imports.ImportService;
import org.deskcrm.ui.common.I18n;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The check of the mapped file that the value and preview steps run, and what the preview shows of it:
 * the first rows with each invalid cell's reason, the counts with the file's formats and warnings, the
 * columns no field takes and the names the import would create.
 */
final class PreviewCheck {
    /** The rows of the file the preview shows at most. */
    static final int ROWS = 1_000;

    private final ImportWizardViewModel wizard;
    private final ImportService service;
    private final ColumnMapping mapping;
    private final I18n i18n;
    private final ObservableList<ImportRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CellIssue> issues = FXCollections.observableArrayList();
    /** The reasons of the invalid cells, by "row|column". */
    private final Map<String, String> issueAt = new HashMap<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");

    PreviewCheck(ImportWizardViewModel wizard, ImportService service, ColumnMapping mapping, I18n i18n) {
        this.wizard = wizard;
        this.service = service;
        this.mapping = mapping;
        this.i18n = i18n;
    }

    /**
     * Checks the table with the current settings in the background, where {@code then} also runs on the
     * check; then shows the preview and hands {@code show} what {@code then} gave.
     */
    <T> void check(Function<ImportCheck, T> then, Consumer<T> show) {
        ImportSettings s = wizard.settings();
        ImportTarget t = wizard.targetProperty().get();
        ImportTable tbl = mapping.table();
        wizard.submit(p -> {
            ImportCheck c = service.check(tbl, t, s, p);
            return Map.entry(c, then.apply(c));
        }, e -> {
            showPreview(e.getKey().preview());
            showDetails(e.getKey());
            show.accept(e.getValue());
        });
    }

    private void showDetails(ImportCheck c) {
        List<String> lines = new ArrayList<>();
        if (!c.ignoredColumns().isEmpty()) {
            lines.add(i18n.format("imports.wizard.ignored", String.join(", ", c.ignoredColumns())));
        }
        if (!c.toCreate().isEmpty()) {
            List<String> names = new ArrayList<>();
            c.toCreate().values().forEach(names::addAll);
            lines.add(i18n.format("imports.wizard.toCreate", String.join(", ", names)));
        }
        details.set(String.join("\n", lines));
    }

    private void showPreview(ImportPreview p) {
        rows.setAll(p.table().rows().subList(0, Math.min(ROWS, p.table().rows().size())));
        issues.setAll(p.issues());
        issueAt.clear();
        for (CellIssue i : p.issues()) {
            issueAt.merge(i.row() + "|" + i.column(), wizard.reason(i), (a, b) -> a + "\n" + b);
        }
        StringBuilder more = new StringBuilder("\n").append(i18n.format("imports.preview.formats",
                i18n.get("imports.format.number." + p.numberStyle().code()),
                p.dateStyle() == DateStyle.AUTO ? i18n.get("imports.format.date.auto") : p.dateStyle().pattern()));
        p.warnings().forEach(w -> more.append('\n').append(wizard.reason(w)));
        summary.set(i18n.format("imports.wizard.summary", p.table().rows().size(), p.issues().size(), p.newRows(),
                p.existingDuplicates(), p.fileDuplicates()) + more);
    }

    /** Why a cell of the preview is invalid (localized), or null. */
    String issueAt(int row, String column) {
        return issueAt.get(row + "|" + column);
    }

    ObservableList<ImportRow> rows() {
        return rows;
    }

    /** The invalid cells of the last check, or of the last run refused. */
    ObservableList<CellIssue> issues() {
        return issues;
    }

    ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    /** What the preview adds to the counts: the ignored columns and the names that will be created. */
    ReadOnlyStringProperty details() {
        return details.getReadOnlyProperty();
    }
}
