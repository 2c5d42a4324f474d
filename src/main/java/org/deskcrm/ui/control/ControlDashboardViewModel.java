package org.deskcrm.ui.control;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.control.ControlIndicator;
import org.deskcrm.model.control.ControlItem;
import org.deskcrm.service.control.ControlService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The control dashboard: one tile per indicator with its count; a tile opens the list behind it. */
public final class ControlDashboardViewModel {
    /** A tile: the indicator, its localized title and its count. */
    public record Tile(ControlIndicator indicator, String title, int count) {
    }

    private final ControlService control;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Supplier<Long> scope;
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    /** {@code scope}: the manager whose records are counted, null for the whole company. */
    public ControlDashboardViewModel(ControlService control, TaskExecutor executor, I18n i18n, Supplier<Long> scope) {
        this.control = control;
        this.executor = executor;
        this.i18n = i18n;
        this.scope = scope;
    }

    public ObservableList<Tile> tiles() {
        return tiles;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** One sentence under the tiles: that nothing needs attention when every count is zero, else empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True when the counts are one manager's own records (a manager's own control section). */
    public boolean ownRecords() {
        return scope.get() != null;
    }

    /** What the section is for, said to whoever looks: a manager's own records or the whole company's. */
    public String hint() {
        return i18n.get(ownRecords() ? "control.dashboard.hint.own" : "control.dashboard.hint");
    }

    public String title(ControlIndicator i) {
        return i18n.get("control.indicator." + i.code());
    }

    public void refresh() {
        Long s = scope.get();
        executor.submit(p -> control.counts(s), (Map<ControlIndicator, Integer> counts) -> {
            tiles.setAll(counts.entrySet().stream().map(e -> new Tile(e.getKey(), title(e.getKey()), e.getValue()))
                    .toList());
            message.set("");
            boolean nothing = counts.values().stream().allMatch(n -> n == 0);
            summary.set(!nothing ? "" : i18n.get(ownRecords() ? "control.dashboard.nothing.own"
                    : "control.dashboard.nothing"));
        }, e -> message.set(i18n.message(e)));
    }

    /** Loads the records behind an indicator, off the FX thread. */
    public void items(ControlIndicator indicator, Consumer<List<ControlItem>> onLoaded) {
        Long s = scope.get();
        executor.submit(p -> control.list(indicator, s), onLoaded, e -> message.set(i18n.message(e)));
    }

    /** The localized reason of an item. */
    public String reason(ControlItem item) {
        Object[] args = item.reasonArgs().stream()
                .map(a -> a instanceof String str && str.matches("[a-z_]+") && i18n.has("control.field." + str)
                        ? i18n.get("control.field." + str) : a)
                .toArray();
        return i18n.format(item.reasonKey(), args);
    }
}
