package org.deskcrm.ui.deal;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.ui.common.I18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters shared by the board and the list (pipeline, owner, score band, creation period) and
 * the reference data behind them. Plain properties: no JavaFX scene classes.
 */
public final class DealFilterModel {
    private final I18n i18n;
    private final ObservableList<Choice<Pipeline>> pipelines = FXCollections.observableArrayList();
    private final ObservableList<Choice<Long>> owners = FXCollections.observableArrayList();
    private final ObservableList<Choice<ScoreBand>> bands = FXCollections.observableArrayList();
    private final ObjectProperty<Choice<Pipeline>> pipeline = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice<Long>> owner = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice<ScoreBand>> band = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final Map<Long, String> stageNames = new HashMap<>();
    private Map<Long, String> userNames = Map.of();
    private ZoneId zone = ZoneId.systemDefault();
    private Runnable onChange = () -> { };
    private boolean filling;

    public DealFilterModel(I18n i18n) {
        this.i18n = i18n;
        for (var p : List.of(pipeline, owner, band, from, to)) {
            p.addListener((obs, old, now) -> {
                if (!filling) {
                    onChange.run();
                }
            });
        }
        bands.add(new Choice<>(null, i18n.get("deal.filter.allBands")));
        for (ScoreBand b : ScoreBand.values()) {
            bands.add(new Choice<>(b, i18n.get("deal.band." + b.code())));
        }
        band.set(bands.get(0));
    }

    /** Runs whenever the user changes a filter (not while the choices are being filled). */
    public void setOnChange(Runnable action) {
        this.onChange = action;
    }

    /** Fills the choices (on the FX thread) once the reference data arrived; does not fire onChange. */
    public void setReferenceData(List<Pipeline> all, Map<Long, String> users, ZoneId businessZone,
                                 boolean allPipelinesChoice) {
        filling = true;
        try {
            fill(all, users, businessZone, allPipelinesChoice);
        } finally {
            filling = false;
        }
    }

    private void fill(List<Pipeline> all, Map<Long, String> users, ZoneId businessZone, boolean allPipelinesChoice) {
        this.userNames = Map.copyOf(users);
        this.zone = businessZone;
        stageNames.clear();
        all.forEach(p -> p.stages().forEach(s -> stageNames.put(s.id(), s.name())));
        pipelines.clear();
        if (allPipelinesChoice) {
            pipelines.add(new Choice<>(null, i18n.get("deal.filter.allPipelines")));
        }
        all.stream().filter(Pipeline::active).forEach(p -> pipelines.add(new Choice<>(p, p.name())));
        owners.clear();
        owners.add(new Choice<>(null, i18n.get("deal.filter.allOwners")));
        users.forEach((id, name) -> owners.add(new Choice<>(id, name)));
        if (!pipelines.isEmpty()) {
            pipeline.set(pipelines.get(0));
        }
        owner.set(owners.get(0));
    }

    /** Selects the pipeline with this id when it is among the choices; returns whether it was. */
    public boolean selectPipeline(long pipelineId) {
        for (Choice<Pipeline> c : pipelines) {
            if (c.value() != null && c.value().id() == pipelineId) {
                pipeline.set(c);
                return true;
            }
        }
        return false;
    }

    public DealFilter filter() {
        Pipeline p = pipeline.get() == null ? null : pipeline.get().value();
        Long o = owner.get() == null ? null : owner.get().value();
        ScoreBand b = band.get() == null ? null : band.get().value();
        Instant f = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant t = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new DealFilter(o, p == null ? null : p.id(), f, t, b);
    }

    public Pipeline selectedPipeline() {
        return pipeline.get() == null ? null : pipeline.get().value();
    }

    public String stageName(long stageId) {
        return stageNames.getOrDefault(stageId, "");
    }

    public String userName(Long id) {
        return id == null ? "" : userNames.getOrDefault(id, "#" + id);
    }

    public Stage stage(long stageId) {
        Pipeline p = selectedPipeline();
        return p == null ? null : p.stage(stageId).orElse(null);
    }

    public ObservableList<Choice<Pipeline>> pipelines() {
        return pipelines;
    }

    public ObservableList<Choice<Long>> owners() {
        return owners;
    }

    public ObservableList<Choice<ScoreBand>> bands() {
        return bands;
    }

    public ObjectProperty<Choice<Pipeline>> pipelineProperty() {
        return pipeline;
    }

    public ObjectProperty<Choice<Long>> ownerProperty() {
        return owner;
    }

    public ObjectProperty<Choice<ScoreBand>> bandProperty() {
        return band;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }
}
