package org.deskcrm.ui.imports;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.CsvDelimiter;
import org.deskcrm.model.io.CsvEncoding;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportCheck;
import org.deskcrm.model.io.ImportField;
import org.deskcrm.model.io.ImportPreview;
import org.deskcrm.model.io.ImportProfile;
import org.deskcrm.model.io.ImportRejectedException;
import org.deskcrm.model.io.ImportResult;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTable;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.imports.ErrorReport;
import org.deskcrm.service.imports.ImportProfiles;
import org.deskcrm.service.imports.ImportService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The import wizard: file → target and profile → column mapping → value mapping → preview → run
 * (in the background, with progress and cancel) → result. Every step that reads the file or the
 * database runs on the executor; {@code ui} hands progress back to the FX thread.
 */
public final class ImportWizardViewModel {
    /** The wizard's pages, in order. */
    public enum Step { FILE, TARGET, MAPPING, VALUES, PREVIEW, RUN }

    static final int PREVIEW_ROWS = 1_000;

    private final ImportService service;
    private final ImportProfiles profiles;
    private final TaskExecutor executor;
    private final Executor ui;
    private final I18n i18n;
    private final Supplier<Long> userId;
    private final Runnable afterImport;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FILE);
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ImportTarget> target = new SimpleObjectProperty<>(ImportTarget.CLIENTS);
    private final ObservableList<String> profileNames = FXCollections.observableArrayList();
    private final StringProperty profileName = new SimpleStringProperty("");
    private final ObjectProperty<DuplicateMode> duplicates = new SimpleObjectProperty<>(DuplicateMode.SKIP);
    private final BooleanProperty createMissing = new SimpleBooleanProperty(false);
    private final ObservableList<String> pipelines = FXCollections.observableArrayList();
    private final StringProperty pipeline = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ObjectProperty<CsvEncoding> encoding = new SimpleObjectProperty<>(CsvEncoding.AUTO);
    private final ObjectProperty<CsvDelimiter> delimiter = new SimpleObjectProperty<>(CsvDelimiter.AUTO);
    private final StringProperty sheet = new SimpleStringProperty("");
    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final Map<String, StringProperty> columns = new LinkedHashMap<>();
    private final ObservableList<ValueChoice> values = FXCollections.observableArrayList();
    private final ObservableList<ImportRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CellIssue> issues = FXCollections.observableArrayList();
    private final Map<String, String> issueAt = new HashMap<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private final IntegerProperty created = new SimpleIntegerProperty(-1);
    private byte[] bytes;
    private ImportTable table;
    private ImportProfile profile;
    private List<CellIssue> rejected = List.of();
    private TaskExecutor.Job job;

    public ImportWizardViewModel(ImportService service, ImportProfiles profiles, TaskExecutor executor, Executor ui,
                                 I18n i18n, Supplier<Long> userId, Runnable afterImport) {
        this.service = service;
        this.profiles = profiles;
        this.executor = executor;
        this.ui = ui;
        this.i18n = i18n;
        this.userId = userId;
        this.afterImport = afterImport == null ? () -> { } : afterImport;
        target.addListener((o, a, b) -> {
            profile = null;
            profileName.set("");
            loadProfiles();
        });
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
        return profileNames;
    }

    public StringProperty profileNameProperty() {
        return profileName;
    }

    public ObjectProperty<DuplicateMode> duplicatesProperty() {
        return duplicates;
    }

    /** Whether missing people, teams, products and lead sources are created rather than refused. */
    public BooleanProperty createMissingProperty() {
        return createMissing;
    }

    /** The pipelines whose stages a deal's stage may name (for the pipeline choice of deal imports). */
    public ObservableList<String> pipelines() {
        return pipelines;
    }

    /** The pipeline (name or code) stages are looked up in when the file has no pipeline column; empty: every one. */
    public StringProperty pipelineProperty() {
        return pipeline;
    }

    /** What the preview adds to the counts: the ignored columns and the names that will be created. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ObjectProperty<CsvEncoding> encodingProperty() {
        return encoding;
    }

    public ObjectProperty<CsvDelimiter> delimiterProperty() {
        return delimiter;
    }

    public StringProperty sheetProperty() {
        return sheet;
    }

    public ObservableList<String> sheets() {
        return sheets;
    }

    public ObservableList<String> headers() {
        return headers;
    }

    /** The column mapped to a field of the current target (empty: not imported). */
    public StringProperty column(String field) {
        return columns.computeIfAbsent(field, f -> new SimpleStringProperty(""));
    }

    public ObservableList<ValueChoice> values() {
        return values;
    }

    public ObservableList<ImportRow> rows() {
        return rows;
    }

    public ObservableList<CellIssue> issues() {
        return issues;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanProperty doneProperty() {
        return done;
    }

    /** Records created by the last run (-1 before a run). */
    public IntegerProperty createdProperty() {
        return created;
    }

    public List<String> headersOfTable() {
        return table == null ? List.of() : table.headers();
    }

    /** Why a cell of the preview is invalid (localized), or null. */
    public String issueAt(int row, String column) {
        return issueAt.get(row + "|" + column);
    }

    public boolean hasErrorReport() {
        return !rejected.isEmpty();
    }

    public String fieldLabel(String field) {
        String key = "imports.field." + field;
        return i18n.has(key) ? i18n.get(key) : field;
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
        table = null;
        error.set("");
        submit(p -> Map.entry(service.sheets(data, name), service.knownNames(RefKind.PIPELINE)), found -> {
            List<String> list = found.getKey();
            pipelines.setAll(found.getValue());
            sheets.setAll(list);
            sheet.set(list.isEmpty() ? "" : list.get(0));
            loadProfiles();
            step.set(Step.TARGET);
        });
    }

    private void loadProfiles() {
        ImportTarget t = target.get();
        submit(p -> profiles.list(t), list -> profileNames.setAll(list.stream().map(ImportProfile::name).toList()));
    }

    /** Applies a saved profile's settings (reading options now, mapping and values on the next steps). */
    public void chooseProfile(String name) {
        ImportTarget t = target.get();
        submit(p -> profiles.find(t, name), found -> found.ifPresent(pr -> {
            profile = pr;
            profileName.set(pr.name());
            applyReading(pr);
        }));
    }

    private void applyReading(ImportProfile pr) {
        duplicates.set(pr.settings().duplicates());
        createMissing.set(pr.settings().createMissing());
        pipeline.set(pr.settings().pipeline());
        encoding.set(pr.settings().encoding());
        delimiter.set(pr.settings().delimiter());
        if (!pr.settings().sheet().isEmpty()) {
            sheet.set(pr.settings().sheet());
        }
    }

    /** Opens a profile file (docs/import.md, "Profiles") for the current target, as if it were chosen. */
    public void openProfileFile(Path file) {
        ImportTarget t = target.get();
        submit(p -> profiles.readFile(file, t), pr -> {
            profile = pr;
            profileName.set(pr.name());
            applyReading(pr);
        });
    }

    /** Writes the current settings to a profile file the command line reads with --profile. */
    public void saveProfileFile(Path file) {
        ImportSettings s = settings();
        ImportTarget t = target.get();
        submit(p -> {
            profiles.writeFile(file, t, s);
            return file;
        }, f -> result.set(i18n.format("imports.wizard.profileFileSaved", f.toString())));
    }

    /** The settings as the wizard's fields say now. */
    public ImportSettings settings() {
        Map<String, String> map = new LinkedHashMap<>();
        for (ImportField f : target.get().fields()) {
            String c = column(f.key()).get();
            if (c != null && !c.isBlank()) {
                map.put(f.key(), c);
            }
        }
        ImportSettings s = new ImportSettings(map, profile == null ? Map.of() : profile.settings().values(),
                duplicates.get(), encoding.get(), delimiter.get(), sheets.isEmpty() ? "" : sheet.get())
                .withCreateMissing(createMissing.get())
                .withPipeline(pipeline.get() == null ? "" : pipeline.get());
        if (profile != null) {
            s = s.withFormats(profile.settings().numberStyle(), profile.settings().dateStyle());
        }
        for (ValueChoice v : values) {
            s = s.withValue(v.kind(), v.fileValue(), v.decision());
        }
        return s;
    }

    /** Target step → mapping: reads the table and fills the mapping (the profile's, else guessed). */
    public void toMapping() {
        ImportSettings reading = settings();
        ImportTarget t = target.get();
        String name = fileName.get();
        byte[] data = bytes;
        submit(p -> service.read(data, name, reading), tbl -> {
            table = tbl;
            headers.setAll(tbl.headers());
            Map<String, String> m = profile != null && !profile.settings().columns().isEmpty()
                    ? profile.settings().columns()
                    : ImportService.guessColumns(t, tbl.headers(), f -> List.of(fieldLabel(f)));
            for (ImportField f : t.fields()) {
                String c = m.get(f.key());
                column(f.key()).set(c != null && tbl.headers().contains(c) ? c : "");
            }
            step.set(Step.MAPPING);
        });
    }

    /** Mapping → value mapping: previews to find the names that match nothing. */
    public void toValues() {
        values.clear();
        preview(c -> {
            List<ValueChoice> list = new ArrayList<>();
            for (Map.Entry<RefKind, Set<String>> e : c.preview().unmatched().entrySet()) {
                List<String> known = service.knownNames(e.getKey());
                Map<String, List<String>> closest = c.suggestions().getOrDefault(e.getKey(), Map.of());
                for (String v : e.getValue()) {
                    String current = profile == null ? null : profile.settings().mapped(e.getKey(), v);
                    list.add(new ValueChoice(e.getKey(), v, known, closest.getOrDefault(v, List.of()), current,
                            ImportService.creatable(e.getKey())));
                }
            }
            return list;
        }, list -> {
            values.setAll(list);
            step.set(Step.VALUES);
        });
    }

    /** Value mapping → preview with every invalid cell. */
    public void toPreview() {
        preview(c -> c, c -> step.set(Step.PREVIEW));
    }

    private <T> void preview(java.util.function.Function<ImportCheck, T> then, java.util.function.Consumer<T> show) {
        ImportSettings s = settings();
        ImportTarget t = target.get();
        ImportTable tbl = table;
        submit(p -> {
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
        rows.setAll(p.table().rows().subList(0, Math.min(PREVIEW_ROWS, p.table().rows().size())));
        issues.setAll(p.issues());
        issueAt.clear();
        for (CellIssue i : p.issues()) {
            issueAt.merge(i.row() + "|" + i.column(), reason(i), (a, b) -> a + "\n" + b);
        }
        StringBuilder more = new StringBuilder("\n").append(i18n.format("imports.preview.formats",
                i18n.get("imports.format.number." + p.numberStyle().code()),
                p.dateStyle() == org.deskcrm.model.io.DateStyle.AUTO ? i18n.get("imports.format.date.auto")
                        : p.dateStyle().pattern()));
        p.warnings().forEach(w -> more.append('\n').append(reason(w)));
        summary.set(i18n.format("imports.wizard.summary", p.table().rows().size(), p.issues().size(), p.newRows(),
                p.existingDuplicates(), p.fileDuplicates()) + more);
    }

    /** Saves the current settings under the profile name. */
    public void saveProfile() {
        ImportProfile p = new ImportProfile(profile != null && profile.name().equals(profileName.get().strip())
                ? profile.id() : null, profileName.get(), target.get(), settings(),
                profile == null ? 0 : profile.version());
        Long user = userId.get();
        submit(x -> profiles.save(p, user), saved -> {
            profile = saved;
            if (!profileNames.contains(saved.name())) {
                profileNames.add(saved.name());
            }
            result.set(i18n.format("imports.wizard.profileSaved", saved.name()));
        });
    }

    /** Runs the import in the background; {@link #cancel()} rolls it back. */
    public void run() {
        ImportSettings s = settings();
        ImportTarget t = target.get();
        byte[] data = bytes;
        String name = fileName.get();
        Long user = userId.get();
        step.set(Step.RUN);
        running.set(true);
        error.set("");
        result.set("");
        rejected = List.of();
        progress.set(-1);
        job = executor.submit(p -> service.run(data, name, t, s, false, user, forward(p)), r -> {
            running.set(false);
            showResult(r);
        }, e -> {
            running.set(false);
            fail(e);
        });
    }

    public void cancel() {
        if (job != null && running.get()) {
            job.cancel();
            running.set(false);
            error.set(i18n.get("imports.cancelled"));
        }
    }

    private Progress forward(Progress inner) {
        return new Progress() {
            @Override
            public void update(String stepKey, long doneCount, long total) {
                inner.update(stepKey, doneCount, total);
                ui.execute(() -> {
                    progress.set(total > 0 ? (double) doneCount / total : -1);
                    progressText.set(i18n.get(stepKey));
                });
            }

            @Override
            public boolean isCancelled() {
                return inner.isCancelled();
            }
        };
    }

    private void showResult(ImportResult r) {
        progress.set(1);
        created.set(r.created());
        done.set(true);
        result.set(i18n.format("imports.wizard.result", r.rows(), r.created(), r.merged(), r.skipped(), r.millis()));
        afterImport.run();
    }

    /** Writes the list of invalid cells of the last rejected run (.csv or .xlsx by the name). */
    public void writeErrorReport(Path file) {
        List<CellIssue> list = rejected;
        List<String> heads = List.of(i18n.get("imports.report.row"), i18n.get("imports.report.column"),
                i18n.get("imports.report.reason"));
        submit(p -> {
            ErrorReport.write(file, list, heads, this::reason);
            return file;
        }, f -> result.set(i18n.format("imports.wizard.reportWritten", f.toString())));
    }

    private <T> void submit(org.deskcrm.ui.common.BackgroundWork<T> work, java.util.function.Consumer<T> then) {
        busy.set(true);
        error.set("");
        executor.submit(work, r -> {
            busy.set(false);
            then.accept(r);
        }, e -> {
            busy.set(false);
            fail(e);
        });
    }

    private void fail(Throwable e) {
        if (e instanceof ImportRejectedException r) {
            rejected = r.issues();
            issues.setAll(r.issues());
        }
        error.set(i18n.message(e));
    }
}
