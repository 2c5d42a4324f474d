package org.deskcrm.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.deal.ScoreThresholds;
import org.deskcrm.model.deal.ScoringAttribute;
import org.deskcrm.model.deal.ScoringOperator;
import org.deskcrm.model.deal.ScoringRule;
import org.deskcrm.service.deal.DealSettings;
import org.deskcrm.service.deal.ScoringService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Settings page: the weighted lead-scoring rules (add, edit, delete, switch on/off), the hot/warm band
 * thresholds, and rescoring every deal in the background with progress and cancel.
 */
public final class ScoringSettingsViewModel {
    /** A rule as listed. */
    public record Row(ScoringRule rule, String name, String attribute, String operator, String operand,
                      String weight, String active) {
    }

    private record Loaded(List<ScoringRule> rules, ScoreThresholds thresholds) {
    }

    private final ScoringService scoring;
    private final DealSettings settings;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<ScoringAttribute> attributes =
            FXCollections.observableArrayList(ScoringAttribute.values());
    private final ObservableList<ScoringOperator> operators = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<ScoringAttribute> attribute = new SimpleObjectProperty<>();
    private final ObjectProperty<ScoringOperator> operator = new SimpleObjectProperty<>();
    private final StringProperty operand = new SimpleStringProperty("");
    private final StringProperty weight = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final StringProperty hotMin = new SimpleStringProperty("");
    private final StringProperty warmMin = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ProgressJob job;
    private ScoringRule edited;

    public ScoringSettingsViewModel(ScoringService scoring, DealSettings settings, TaskExecutor executor, Executor fx,
                                    I18n i18n, DialogService dialogs) {
        this.scoring = scoring;
        this.settings = settings;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.job = new ProgressJob(executor, fx, i18n);
        attribute.addListener((o, a, attr) -> {
            operators.setAll(attr == null ? List.of() : ScoringService.operators(attr));
            if (attr != null && !operators.contains(operator.get())) {
                operator.set(operators.isEmpty() ? null : operators.get(0));
            }
        });
    }

    public void load() {
        executor.submit(p -> new Loaded(scoring.rules(), settings.thresholds()), this::show, this::failed);
    }

    private void show(Loaded l) {
        rows.clear();
        for (ScoringRule r : l.rules()) {
            rows.add(new Row(r, r.name(), attributeText(r.attribute()), operatorText(r.operator()),
                    r.operand() == null ? "" : r.operand(), (r.weight() > 0 ? "+" : "") + r.weight(),
                    i18n.get(r.active() ? "settings.scoring.on" : "settings.scoring.off")));
        }
        hotMin.set(Integer.toString(l.thresholds().hotMin()));
        warmMin.set(Integer.toString(l.thresholds().warmMin()));
    }

    public String attributeText(ScoringAttribute a) {
        return a == null ? "" : i18n.get("settings.scoring.attr." + a.code());
    }

    public String operatorText(ScoringOperator o) {
        return o == null ? "" : i18n.get("settings.scoring.op." + o.code());
    }

    public void newRule() {
        edited = null;
        name.set("");
        attribute.set(ScoringAttribute.AMOUNT);
        operator.set(ScoringOperator.GE);
        operand.set("");
        weight.set("10");
        active.set(true);
        message.set("");
        editing.set(true);
    }

    public void edit(Row row) {
        ScoringRule r = row.rule();
        edited = r;
        name.set(r.name());
        attribute.set(r.attribute());
        operator.set(r.operator());
        operand.set(r.operand() == null ? "" : r.operand());
        weight.set(Integer.toString(r.weight()));
        active.set(r.active());
        message.set("");
        editing.set(true);
    }

    public void cancel() {
        edited = null;
        editing.set(false);
        message.set("");
    }

    public void save() {
        int w;
        try {
            w = Integer.parseInt(weight.get().strip().replace("+", ""));
        } catch (NumberFormatException e) {
            message.set(i18n.get("settings.error.wholeNumber"));
            return;
        }
        int order = edited != null ? edited.order()
                : rows.stream().mapToInt(r -> r.rule().order()).max().orElse(0) + 10;
        String op = operand.get() == null || operand.get().isBlank() ? null : operand.get().strip();
        ScoringRule r = new ScoringRule(edited == null ? null : edited.id(), name.get(), attribute.get(),
                operator.get(), op, w, active.get(), order, edited == null ? 0 : edited.version());
        if (r.attribute() == null || r.operator() == null) {
            message.set(i18n.get("error.scoring.operator"));
            return;
        }
        executor.submit(p -> scoring.save(r), v -> {
            editing.set(false);
            edited = null;
            message.set(i18n.get("settings.scoring.savedRule"));
            load();
        }, this::failed);
    }

    public void delete(Row row) {
        if (!dialogs.confirm(i18n.get("settings.scoring.deleteTitle"),
                i18n.format("settings.scoring.deleteConfirm", row.name()))) {
            return;
        }
        executor.submit(p -> {
            scoring.delete(row.rule().id());
            return null;
        }, v -> load(), this::failed);
    }

    public void saveBands() {
        int hot;
        int warm;
        try {
            hot = Integer.parseInt(hotMin.get().strip());
            warm = Integer.parseInt(warmMin.get().strip());
        } catch (NumberFormatException e) {
            message.set(i18n.get("settings.error.wholeNumber"));
            return;
        }
        executor.submit(p -> {
            settings.saveThresholds(hot, warm);
            return null;
        }, v -> message.set(i18n.get("settings.scoring.savedBands")), this::failed);
    }

    /** Rescores every deal with the saved rules and bands, in the background. */
    public void rescoreAll() {
        job.start(scoring::rescoreAll, n -> i18n.format("settings.scoring.rescored", n));
    }

    public void cancelRescore() {
        job.cancel();
    }

    private void failed(Throwable e) {
        if (e instanceof ValidationException v) {
            message.set(String.join(" ", v.errors().stream()
                    .map(f -> i18n.format(f.messageKey(), f.args().toArray())).toList()));
        } else {
            message.set(i18n.message(e));
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<ScoringAttribute> attributes() {
        return attributes;
    }

    public ObservableList<ScoringOperator> operators() {
        return operators;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<ScoringAttribute> attributeProperty() {
        return attribute;
    }

    public ObjectProperty<ScoringOperator> operatorProperty() {
        return operator;
    }

    public StringProperty operandProperty() {
        return operand;
    }

    public StringProperty weightProperty() {
        return weight;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public StringProperty hotMinProperty() {
        return hotMin;
    }

    public StringProperty warmMinProperty() {
        return warmMin;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public ReadOnlyStringProperty jobMessageProperty() {
        return job.messageProperty();
    }
}
