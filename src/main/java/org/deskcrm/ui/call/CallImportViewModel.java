package org.deskcrm.ui.call;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.service.call.CallCsvMapping;
import org.deskcrm.service.call.CallField;
import org.deskcrm.service.call.CallImportException;
import org.deskcrm.service.call.CallImportFormat;
import org.deskcrm.service.call.CallImportPreview;
import org.deskcrm.service.call.CallImportResult;
import org.deskcrm.service.call.CallImportService;
import org.deskcrm.service.call.ImportIssue;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The import dialog: a file, its format (Asterisk or a CSV with a column mapping), a preview with
 * every unusable line and why, then the import itself (one transaction) and its result.
 */
public final class CallImportViewModel {
    private final CallImportService importer;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ObjectProperty<CallImportFormat> format = new SimpleObjectProperty<>(CallImportFormat.ASTERISK);
    private final ObjectProperty<CallDirection> defaultDirection = new SimpleObjectProperty<>();
    private final Map<CallField, StringProperty> mapping = new EnumMap<>(CallField.class);
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final ObservableList<CallImportPreview.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> issues = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private byte[] data;

    public CallImportViewModel(CallImportService importer, TaskExecutor executor, I18n i18n) {
        this.importer = importer;
        this.executor = executor;
        this.i18n = i18n;
        for (CallField f : CallField.values()) {
            mapping.put(f, new SimpleStringProperty());
        }
    }

    public ObjectProperty<CallImportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<CallDirection> defaultDirectionProperty() {
        return defaultDirection;
    }

    public StringProperty column(CallField f) {
        return mapping.get(f);
    }

    public ObservableList<String> headers() {
        return headers;
    }

    public ObservableList<CallImportPreview.Row> rows() {
        return rows;
    }

    public ObservableList<String> issues() {
        return issues;
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public CallCsvMapping mapping() {
        CallCsvMapping m = new CallCsvMapping(Map.of(), defaultDirection.get());
        for (Map.Entry<CallField, StringProperty> e : mapping.entrySet()) {
            m = m.with(e.getKey(), e.getValue().get());
        }
        return m;
    }

    /** Reads a file (off the FX thread) and previews it. */
    public void load(Path file) {
        busy.set(true);
        fileName.set(file.getFileName().toString());
        executor.submit(p -> CallImportService.read(file), bytes -> {
            data = bytes;
            headers.setAll(importer.headers(bytes));
            busy.set(false);
            preview();
        }, this::fail);
    }

    /** Loads bytes directly (tests, drag and drop). */
    public void load(String name, byte[] bytes) {
        fileName.set(name);
        data = bytes;
        headers.setAll(importer.headers(bytes));
        preview();
    }

    /** Reads the loaded file with the current format and mapping, without writing anything. */
    public void preview() {
        if (data == null) {
            return;
        }
        byte[] bytes = data;
        CallImportFormat f = format.get();
        CallCsvMapping m = mapping();
        busy.set(true);
        result.set("");
        executor.submit(p -> importer.preview(bytes, f, m), this::show, this::fail);
    }

    private void show(CallImportPreview p) {
        busy.set(false);
        rows.setAll(p.rows());
        issues.setAll(describe(p.issues()));
        canImport.set(p.canImport());
        result.set(i18n.format("call.import.previewSummary", p.rows().size(), p.issues().size()));
    }

    List<String> describe(List<ImportIssue> list) {
        return list.stream().map(i -> i18n.format(i.messageKey(), i.args().toArray())).toList();
    }

    /** Imports the previewed file in one transaction; {@code onDone} runs after a successful import. */
    public void runImport(Long userId, Runnable onDone) {
        if (data == null || !canImport.get()) {
            return;
        }
        byte[] bytes = data;
        CallImportFormat f = format.get();
        CallCsvMapping m = mapping();
        busy.set(true);
        canImport.set(false);
        executor.submit(p -> importer.importCalls(bytes, f, m, userId, p), (CallImportResult r) -> {
            busy.set(false);
            result.set(i18n.format("call.import.done", r.read(), r.added(), r.duplicates(), r.matched(),
                    r.unknown(), r.missedOpened(), r.missedReturned()));
            onDone.run();
        }, this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        if (e instanceof CallImportException ie) {
            issues.setAll(describe(ie.issues()));
        }
        result.set(i18n.message(e));
    }
}
