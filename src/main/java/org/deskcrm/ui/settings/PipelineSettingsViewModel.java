package org.deskcrm.ui.settings;

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
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.service.deal.PipelineService;
import org.deskcrm.ui.common.BackgroundWork;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings page: pipelines and their stages (add, edit name/kind/probability/day limit, reorder,
 * delete), new pipelines, renaming, and lost reasons. Every change goes through {@link PipelineService},
 * whose rules (one won stage, at least one open and one lost, distinct names...) come back as
 * localized messages.
 */
public final class PipelineSettingsViewModel {
    /** A stage as listed. */
    public record Row(Stage stage, String name, String kind, String probability, String maxDays) {
    }

    private record Loaded(List<Pipeline> pipelines, Map<Long, String> reasons) {
    }

    private final PipelineService service;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ObservableList<Pipeline> pipelines = FXCollections.observableArrayList();
    private final ObjectProperty<Pipeline> pipeline = new SimpleObjectProperty<>();
    private final ObservableList<Row> stages = FXCollections.observableArrayList();
    private final ObservableList<String> lostReasons = FXCollections.observableArrayList();
    private final ObservableList<StageKind> kinds = FXCollections.observableArrayList(StageKind.values());
    private final StringProperty stageName = new SimpleStringProperty("");
    private final ObjectProperty<StageKind> stageKind = new SimpleObjectProperty<>(StageKind.OPEN);
    private final StringProperty probability = new SimpleStringProperty("");
    private final StringProperty maxDays = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private Stage edited;
    private int insertAt;

    public PipelineSettingsViewModel(PipelineService service, TaskExecutor executor, I18n i18n,
                                     DialogService dialogs) {
        this.service = service;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        pipeline.addListener((o, a, p) -> showStages(p));
    }

    public void load() {
        Long keep = pipeline.get() == null ? null : pipeline.get().id();
        busy.set(true);
        executor.submit(p -> new Loaded(service.pipelines(), service.lostReasons()), l -> {
            busy.set(false);
            pipelines.setAll(l.pipelines());
            lostReasons.setAll(l.reasons().values());
            Pipeline chosen = l.pipelines().stream().filter(x -> x.id().equals(keep)).findFirst()
                    .orElse(l.pipelines().isEmpty() ? null : l.pipelines().get(0));
            if (java.util.Objects.equals(pipeline.get(), chosen)) {
                showStages(chosen);
            } else {
                pipeline.set(chosen);
            }
        }, this::failed);
    }

    private void showStages(Pipeline p) {
        stages.clear();
        if (p == null) {
            return;
        }
        for (Stage s : p.stages()) {
            stages.add(new Row(s, s.name(), kindText(s.kind()),
                    s.probability().stripTrailingZeros().toPlainString() + " %",
                    s.maxDays() == null ? "" : s.maxDays().toString()));
        }
    }

    public String kindText(StageKind k) {
        return k == null ? "" : i18n.get("settings.stage.kind." + k.code());
    }

    /** Opens the form for a new stage, inserted after {@code after} (or before the won stage when null). */
    public void newStage(Row after) {
        Pipeline p = pipeline.get();
        if (p == null) {
            return;
        }
        edited = null;
        int wonAt = 0;
        for (int i = 0; i < p.stages().size(); i++) {
            if (p.stages().get(i).kind() != StageKind.OPEN) {
                wonAt = i;
                break;
            }
            wonAt = i + 1;
        }
        insertAt = after == null ? wonAt : stages.indexOf(after) + 1;
        stageName.set("");
        stageKind.set(StageKind.OPEN);
        probability.set("50");
        maxDays.set("");
        error.set("");
        editing.set(true);
    }

    public void editStage(Row row) {
        edited = row.stage();
        stageName.set(row.stage().name());
        stageKind.set(row.stage().kind());
        probability.set(row.stage().probability().stripTrailingZeros().toPlainString());
        maxDays.set(row.stage().maxDays() == null ? "" : row.stage().maxDays().toString());
        error.set("");
        editing.set(true);
    }

    public void cancel() {
        edited = null;
        editing.set(false);
        error.set("");
    }

    public void saveStage() {
        Pipeline p = pipeline.get();
        BigDecimal prob;
        Integer days;
        try {
            prob = new BigDecimal(probability.get().strip().replace(',', '.'));
            days = maxDays.get() == null || maxDays.get().isBlank() ? null : Integer.valueOf(maxDays.get().strip());
        } catch (NumberFormatException e) {
            error.set(i18n.get("settings.error.number"));
            return;
        }
        String name = stageName.get() == null ? "" : stageName.get().strip();
        if (edited == null) {
            Stage draft = new Stage(null, p.id(), name, 0, stageKind.get(), prob, days);
            int at = insertAt;
            run(() -> service.addStage(p.id(), draft, at), "settings.stage.added");
        } else {
            Stage changed = new Stage(edited.id(), edited.pipelineId(), name, edited.order(), stageKind.get(), prob,
                    days);
            run(() -> {
                service.updateStage(changed);
                return null;
            }, "settings.stage.saved");
        }
    }

    /** Moves a stage one place up (-1) or down (+1). */
    public void move(Row row, int delta) {
        int i = stages.indexOf(row);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= stages.size()) {
            return;
        }
        List<Long> ids = new ArrayList<>(stages.stream().map(r -> r.stage().id()).toList());
        ids.add(j, ids.remove(i));
        long pipelineId = pipeline.get().id();
        run(() -> {
            service.reorder(pipelineId, ids);
            return null;
        }, "settings.stage.reordered");
    }

    public void deleteStage(Row row) {
        if (!dialogs.confirm(i18n.get("settings.stage.deleteTitle"),
                i18n.format("settings.stage.deleteConfirm", row.name()))) {
            return;
        }
        long pipelineId = pipeline.get().id();
        run(() -> {
            service.deleteStage(pipelineId, row.stage().id());
            return null;
        }, "settings.stage.deleted");
    }

    public void renamePipeline() {
        Pipeline p = pipeline.get();
        if (p == null) {
            return;
        }
        dialogs.prompt(i18n.get("settings.pipeline.renameTitle"), i18n.get("settings.pipeline.name"), p.name())
                .ifPresent(name -> run(() -> {
                    service.rename(p.id(), name);
                    return null;
                }, "settings.pipeline.renamed"));
    }

    /** Creates a pipeline with one open, a won and a lost stage (to be edited after). */
    public void newPipeline() {
        dialogs.prompt(i18n.get("settings.pipeline.newTitle"), i18n.get("settings.pipeline.name"), "")
                .ifPresent(name -> run(() -> {
                    String code = "custom-" + Long.toString(System.currentTimeMillis(), 36);
                    return service.create(code, name, List.of(
                            Stage.draft(i18n.get("settings.pipeline.firstStage"), 10, StageKind.OPEN, 10, null),
                            Stage.draft(i18n.get("settings.stage.kind.won"), 20, StageKind.WON, 100, null),
                            Stage.draft(i18n.get("settings.stage.kind.lost"), 30, StageKind.LOST, 0, null)));
                }, "settings.pipeline.created"));
    }

    public void addLostReason() {
        dialogs.prompt(i18n.get("settings.reason.addTitle"), i18n.get("settings.reason.name"), "")
                .ifPresent(name -> run(() -> service.addLostReason(name), "settings.reason.added"));
    }

    private <T> void run(BackgroundWork0<T> work, String doneKey) {
        busy.set(true);
        error.set("");
        BackgroundWork<T> w = p -> work.call();
        executor.submit(w, v -> {
            editing.set(false);
            edited = null;
            info.set(i18n.get(doneKey));
            if (v instanceof Pipeline created) {
                pipeline.set(created);
            }
            load();
        }, this::failed);
    }

    @FunctionalInterface
    private interface BackgroundWork0<T> {
        T call();
    }

    private void failed(Throwable e) {
        busy.set(false);
        info.set("");
        error.set(i18n.message(e));
    }

    public ObservableList<Pipeline> pipelines() {
        return pipelines;
    }

    public ObjectProperty<Pipeline> pipelineProperty() {
        return pipeline;
    }

    public ObservableList<Row> stages() {
        return stages;
    }

    public ObservableList<String> lostReasons() {
        return lostReasons;
    }

    public ObservableList<StageKind> kinds() {
        return kinds;
    }

    public StringProperty stageNameProperty() {
        return stageName;
    }

    public ObjectProperty<StageKind> stageKindProperty() {
        return stageKind;
    }

    public StringProperty probabilityProperty() {
        return probability;
    }

    public StringProperty maxDaysProperty() {
        return maxDays;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }
}
