package org.deskcrm.ui.home;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.report.PeriodPreset;
import org.deskcrm.model.report.PeriodPreset.Range;
import org.deskcrm.service.home.DashboardService;
import org.deskcrm.service.home.DashboardService.Figure;
import org.deskcrm.service.home.HomeTile;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The home dashboard: the chosen tiles for a period preset, filled one after another in the
 * background (the first tiles show while the rest compute), then the small funnel and revenue by
 * month. A newer refresh supersedes one still running; nothing runs on the FX thread.
 * <p>
 * Every tile's number is computed by one background job that hands each to the window as it is known: a job per
 * number waited for the window between numbers, and right after the sign-in the window is busy drawing itself
 * for the first time.
 */
public final class HomeViewModel {
    /** How many months the revenue chart shows. */
    public static final int CHART_MONTHS = 12;

    private final DashboardService service;
    private final TaskExecutor executor;
    private final Executor ui;
    private final I18n i18n;
    private final Supplier<LocalDate> today;
    private final HomePreferences prefs;
    private final List<HomeTile> defaults;
    private final Supplier<Long> controlManager;
    private final ObjectProperty<PeriodPreset> preset = new SimpleObjectProperty<>(PeriodPreset.THIS_MONTH);
    private final ReadOnlyObjectWrapper<Range> range = new ReadOnlyObjectWrapper<>();
    private final ObservableList<HomeTile> chosen = FXCollections.observableArrayList();
    private final ObservableList<Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<DashboardService.FunnelStep> funnel = FXCollections.observableArrayList();
    private final ObservableList<DashboardService.Month> months = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private LocalDate day;
    private long generation;
    private TaskExecutor.Job running;

    /**
     * @param today reads today's date in the business time zone (runs a query: called off the FX thread)
     * @param ui runs a result on the FX thread ({@code Platform::runLater} in the window)
     * @param defaults the tiles of the person's role, used until the person chooses others
     */
    public HomeViewModel(DashboardService service, TaskExecutor executor, Executor ui, I18n i18n,
                         Supplier<LocalDate> today, HomePreferences prefs, List<HomeTile> defaults,
                         Supplier<Long> controlManager) {
        this.controlManager = controlManager;
        this.service = service;
        this.executor = executor;
        this.ui = ui;
        this.i18n = i18n;
        this.today = today;
        this.prefs = prefs;
        this.defaults = List.copyOf(defaults);
        chosen.setAll(prefs.tiles().orElse(this.defaults));
        preset.set(prefs.preset().filter(p -> p != PeriodPreset.CUSTOM).orElse(PeriodPreset.THIS_MONTH));
        preset.addListener((o, old, now) -> {
            if (now != null && now != PeriodPreset.CUSTOM) {
                prefs.setPreset(now);
                refresh();
            }
        });
    }

    public ObjectProperty<PeriodPreset> presetProperty() {
        return preset;
    }

    /** The dates of the shown period (null until today is known). */
    public ReadOnlyObjectProperty<Range> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    /** The tiles shown, in order. */
    public ObservableList<HomeTile> chosen() {
        return chosen;
    }

    /** The computed figures, in the order of {@link #chosen()}; grows while a refresh runs. */
    public ObservableList<Figure> figures() {
        return figures;
    }

    public ObservableList<DashboardService.FunnelStep> funnel() {
        return funnel;
    }

    public ObservableList<DashboardService.Month> months() {
        return months;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }

    /** Shows or hides a tile; the choice is remembered for this person. */
    public void toggle(HomeTile tile) {
        if (chosen.contains(tile)) {
            chosen.remove(tile);
        } else {
            chosen.add(tile);
        }
        prefs.setTiles(chosen);
        refresh();
    }

    /** Moves a tile one place earlier (negative) or later (positive); remembered. */
    public void move(HomeTile tile, int by) {
        int i = chosen.indexOf(tile);
        int j = i + by;
        if (i < 0 || j < 0 || j >= chosen.size()) {
            return;
        }
        chosen.remove(i);
        chosen.add(j, tile);
        prefs.setTiles(chosen);
        refresh();
    }

    /** Back to the role's tiles. */
    public void resetTiles() {
        chosen.setAll(defaults);
        prefs.setTiles(chosen);
        refresh();
    }

    /** Recomputes everything for the chosen preset (F5, the timer, a preset change). */
    public void refresh() {
        long mine = ++generation;
        if (running != null) {
            running.cancel();
        }
        busy.set(true);
        error.set(null);
        PeriodPreset p = preset.get();
        List<HomeTile> tiles = new ArrayList<>(chosen);
        Long manager = controlManager.get();
        running = executor.submit(progress -> {
            DashboardService.Snapshot snapshot = service.snapshot(p.range(today.get()).orElseThrow(), manager);
            ui.execute(() -> {
                if (mine == generation) {
                    range.set(snapshot.period());
                    figures.clear();
                }
            });
            for (HomeTile tile : tiles) {
                if (progress.isCancelled()) {
                    break;
                }
                Figure f = snapshot.value(tile);
                ui.execute(() -> {
                    if (mine == generation) {
                        figures.add(f);
                    }
                });
            }
            return snapshot;
        }, snapshot -> {
            if (mine == generation) {
                details(mine, snapshot, tiles, 0);
            }
        }, e -> failed(mine, e));
    }

    /**
     * After every tile's number (one report run each), the tiles' plans, previous periods and trends, then the
     * charts: each result shows as soon as it is known, so the numbers appear before the trends that take most of
     * the time.
     */
    private void details(long mine, DashboardService.Snapshot snapshot, List<HomeTile> tiles, int i) {
        if (i < tiles.size()) {
            if (snapshot.complete(tiles.get(i))) {
                details(mine, snapshot, tiles, i + 1);
                return;
            }
            running = executor.submit(progress -> snapshot.figure(tiles.get(i)), f -> {
                if (mine == generation) {
                    figures.set(i, f);
                    details(mine, snapshot, tiles, i + 1);
                }
            }, e -> failed(mine, e));
            return;
        }
        running = executor.submit(progress -> new Charts(snapshot.funnel(), snapshot.revenueByMonth(CHART_MONTHS)),
                c -> {
                    if (mine == generation) {
                        funnel.setAll(c.funnel());
                        months.setAll(c.months());
                        busy.set(false);
                    }
                }, e -> failed(mine, e));
    }

    private record Charts(List<DashboardService.FunnelStep> funnel, List<DashboardService.Month> months) {
    }

    private void failed(long mine, Throwable e) {
        if (mine == generation) {
            busy.set(false);
            error.set(i18n.message(e));
        }
    }
}
