package org.deskcrm.ui.deal;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.List;
import java.util.Map;

/** The deal list: the filtered deals (most recently moved first, up to {@value #LIMIT}). */
public final class DealListViewModel {
    static final int LIMIT = 5_000;

    private record Data(List<Pipeline> pipelines, Map<Long, String> users) {
    }

    private final DealService deals;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final DealFilterModel filter;
    private final ObservableList<DealRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private long generation;

    /** The business time zone (read once when the database opened). */
    private final java.time.ZoneId zone;

    public DealListViewModel(DealService deals, TaskExecutor executor, I18n i18n, DialogService dialogs,
                             java.time.ZoneId zone) {
        this.zone = zone;
        this.deals = deals;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.filter = new DealFilterModel(i18n);
        filter.setOnChange(this::refresh);
    }

    public void load() {
        busy.set(true);
        executor.submit(p -> new Data(deals.pipelines(), deals.userNames()), d -> {
            filter.setReferenceData(d.pipelines(), d.users(), zone, true);
            refresh();
        }, this::failed);
    }

    public void refresh() {
        DealFilter f = filter.filter();
        long request = ++generation;
        busy.set(true);
        executor.submit(p -> deals.rows(f, LIMIT), list -> {
            if (request == generation) { // a later refresh supersedes this one
                rows.setAll(list);
                busy.set(false);
            }
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        dialogs.error(i18n.get("deal.error.title"), i18n.message(e));
    }

    public DealFilterModel filter() {
        return filter;
    }

    public ObservableList<DealRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
