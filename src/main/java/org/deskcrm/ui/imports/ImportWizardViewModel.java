package org.deskcrm.ui.imports;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.CsvDelimiter;
import org.deskcrm.model.io.CsvEncoding;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportProfile;
import org.deskcrm.model.io.ImportRejectedException;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.service.imports.ImportProfiles;
import org.deskcrm.service.imports.ImportService;
import org.deskcrm.ui.common.BackgroundWork;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The import wizard: file → target and profile → column mapping → value mapping → preview → run
 * (in the background, with progress and cancel) → result. Every step that reads the file or the
 * database runs on the executor; {@code ui} hands progress back to the FX thread.
 * <p>
 * The view and tests use this class, which keeps the file, the step, busy, error and result; the steps'
 * work is done by its parts: {@link ImportOptions} (the target step's options), {@link WizardProfiles}
 * (saved, shipped and file profiles), {@link ColumnMapping}, {@link ValueMapping}, {@link PreviewCheck}
 * (the check behind the value and preview steps) and {@link ImportRun}.
 */
public final class ImportWizardViewModel {
    /** The wizard's pages, in order. */
    public enum Step { FILE, TARGET, MAPPING, VALUES, PREVIEW, RUN }

    private final ImportService service;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FILE);
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ImportTarget> target = new SimpleObjectProperty<>(ImportTarget.CLIENTS);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private byte[] bytes;

    private final ImportOptions options = new ImportOptions();
    private final WizardProfiles profiles;
    private final ColumnMapping mapping;
    private final PreviewCheck check;
    private final ValueMapping values;
    private final ImportRun importRun;

    public ImportWizardViewModel(ImportService service, ImportProfiles savedProfiles, TaskExecutor executor,
                                 Executor ui, I18n i18n, Supplier<Long> userId, Runnable afterImport) {
        this.service = service;
        this.executor = executor;
        this.i18n = i18n;
        this.profiles = new WizardProfiles(this, savedProfiles, options, i18n, userId);
        this.mapping = new ColumnMapping(this, service, this.profiles, i18n);
        this.check = new PreviewCheck(this, service, mapping, i18n);
        this.values = new ValueMapping(this, service, this.profiles, check);
        this.importRun = new ImportRun(this, service, executor, ui, i18n, userId,
                afterImport == null ? () -> { } : afterImport);
        target.addListener((o, a, b) -> profiles.targetChanged());
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    public ObjectProperty<ImportTarget> targetProperty() {
        return target;
    }

    public ObservableList<String> profileNames() {
        return profiles.names();
    }

    public StringProperty profileNameProperty() {
        return profiles.name();
    }

    public ObjectProperty<DuplicateMode> duplicatesProperty() {
        return options.duplicates();
    }

    /** Whether missing people, teams, products and lead sources are created rather than refused. */
    public BooleanProperty createMissingProperty() {
        return options.createMissing();
    }

    /** The pipelines whose stages a deal's stage may name (for the pipeline choice of deal imports). */
    public ObservableList<String> pipelines() {
        return options.pipelines();
    }

    /** The pipeline (name or code) stages are looked up in when the file has no pipeline column; empty: every one. */
    public StringProperty pipelineProperty() {
        return options.pipeline();
    }

    /** What the preview adds to the counts: the ignored columns and the names that will be created. */
    public ReadOnlyStringProperty detailsProperty() {
        return check.details();
    }

    public ObjectProperty<CsvEncoding> encodingProperty() {
        return options.encoding();
    }

    public ObjectProperty<CsvDelimiter> delimiterProperty() {
        return options.delimiter();
    }

    public StringProperty sheetProperty() {
        return options.sheet();
    }

    public ObservableList<String> sheets() {
        return options.sheets();
    }

    public ObservableList<String> headers() {
        return mapping.headers();
    }

    /** The column mapped to a field of the current target (empty: not imported). */
    public StringProperty column(String field) {
        return mapping.column(field);
    }

    public ObservableList<ValueChoice> values() {
        return values.values();
    }

    public ObservableList<ImportRow> rows() {
        return check.rows();
    }

    public ObservableList<CellIssue> issues() {
        return check.issues();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return check.summary();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return importRun.progressText();
    }

    public DoubleProperty progressProperty() {
        return importRun.progress();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return importRun.running();
    }

    public BooleanProperty doneProperty() {
        return importRun.done();
    }

    /** Records created by the last run (-1 before a run). */
    public IntegerProperty createdProperty() {
        return importRun.created();
    }

    public List<String> headersOfTable() {
        return mapping.headersOfTable();
    }

    /** Why a cell of the preview is invalid (localized), or null. */
    public String issueAt(int row, String column) {
        return check.issueAt(row, column);
    }

    public boolean hasErrorReport() {
        return importRun.hasErrorReport();
    }

    public String fieldLabel(String field) {
        return mapping.fieldLabel(field);
    }

    public String reason(CellIssue i) {
        return i18n.format(i.messageKey(), i.args().toArray());
    }

    // ------------------------------------------------------------------ commands

    /** Reads a file off the FX thread and moves to the target step. */
    public void load(Path file) {
        submit(p -> ImportService.readFile(file), b -> loaded(file.getFileName().toString(), b));
    }

    /** Takes bytes directly (tests, drag and drop). */
    public void load(String name, byte[] data) {
        loaded(name, data);
    }

    private void loaded(String name, byte[] data) {
        bytes = data;
        fileName.set(name);
        mapping.forgetTable();
        error.set("");
        submit(p -> Map.entry(service.sheets(data, name), service.knownNames(RefKind.PIPELINE)), found -> {
            options.offer(found.getValue(), found.getKey());
            profiles.load();
            step.set(Step.TARGET);
        });
    }

    /** Applies a saved profile's settings (reading options now, mapping and values on the next steps). */
    public void chooseProfile(String name) {
        profiles.choose(name);
    }

    /** Opens a profile file (docs/import.md, "Profiles") for the current target, as if it were chosen. */
    public void openProfileFile(Path file) {
        profiles.openFile(file);
    }

    /** Writes the current settings to a profile file the command line reads with --profile. */
    public void saveProfileFile(Path file) {
        profiles.saveFile(file);
    }

    /** The settings as the wizard's fields say now. */
    public ImportSettings settings() {
        ImportProfile profile = profiles.chosen();
        ImportSettings s = options.settings(mapping.mapped(target.get()),
                profile == null ? Map.of() : profile.settings().values());
        if (profile != null) {
            s = s.withFormats(profile.settings().numberStyle(), profile.settings().dateStyle());
        }
        return values.decided(s);
    }

    /** Target step → mapping: reads the table and fills the mapping (the profile's, else guessed). */
    public void toMapping() {
        mapping.read();
    }

    /** Mapping → value mapping: previews to find the names that match nothing. */
    public void toValues() {
        values.find();
    }

    /** Value mapping → preview with every invalid cell. */
    public void toPreview() {
        check.check(c -> c, c -> step.set(Step.PREVIEW));
    }

    /** Saves the current settings under the profile name. */
    public void saveProfile() {
        profiles.save();
    }

    /** Runs the import in the background; {@link #cancel()} rolls it back. */
    public void run() {
        importRun.run();
    }

    public void cancel() {
        importRun.cancel();
    }

    /** Writes the list of invalid cells of the last rejected run (.csv or .xlsx by the name). */
    public void writeErrorReport(Path file) {
        importRun.writeErrorReport(file);
    }

    // ------------------------------------------------------------------ for the parts

    /** The bytes of the file loaded last (null before one is). */
    byte[] bytes() {
        return bytes;
    }

    void show(Step s) {
        step.set(s);
    }

    void setError(String text) {
        error.set(text);
    }

    void setResult(String text) {
        result.set(text);
    }

    /** Runs work in the background, the wizard busy meanwhile; {@code then} gets its result, a failure is shown. */
    <T> void submit(BackgroundWork<T> work, Consumer<T> then) {
        error.set("");
        submitKeepingError(work, then);
    }

    /**
     * {@link #submit}, the error shown meanwhile kept: writing a refused run's error report must leave the refusal
     * (and with it the button that writes the report, for another copy or format) on the screen.
     */
    <T> void submitKeepingError(BackgroundWork<T> work, Consumer<T> then) {
        busy.set(true);
        executor.submit(work, r -> {
            busy.set(false);
            then.accept(r);
        }, e -> {
            busy.set(false);
            failed(e);
        });
    }

    /** Shows why work failed; a refused import's invalid cells become the issues and the error report. */
    void failed(Throwable e) {
        if (e instanceof ImportRejectedException r) {
            importRun.refused(r.issues());
            check.issues().setAll(r.issues());
        }
        error.set(i18n.message(e));
    }
}
