package org.deskcrm.ui.deal;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealCard;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.StageChange;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The deal card: its fields, product lines and stage history (read-only; moves happen on the board). */
public final class DealCardViewModel {
    /** A labelled value of the card. */
    public record Field(String label, String value) {
    }

    /** A history row as shown: from, to, when, who. */
    public record HistoryRow(String from, String to, String when, String who) {
    }

    private record Loaded(DealCard card, DealRow row, List<Pipeline> pipelines, Map<Long, String> users,
                          Map<Long, String> reasons) {
    }

    private final DealService deals;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    private final StringProperty title = new SimpleStringProperty("");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<DealLine> lines = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private long clientId;

    /** The business time zone (read once when the database opened). */
    private final ZoneId zone;

    public DealCardViewModel(DealService deals, TaskExecutor executor, I18n i18n, DialogService dialogs, ZoneId zone) {
        this.zone = zone;
        this.deals = deals;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
    }

    /** Loads the deal; {@code onLoaded} receives its title (for the tab). */
    public void load(long dealId, Consumer<String> onLoaded) {
        executor.submit(p -> new Loaded(deals.card(dealId), deals.row(dealId), deals.pipelines(), deals.userNames(),
                deals.lostReasons()), l -> {
            show(l);
            onLoaded.accept(l.card().deal().title());
        }, e -> dialogs.error(i18n.get("deal.error.title"), i18n.message(e)));
    }

    private void show(Loaded l) {
        Deal d = l.card().deal();
        clientId = d.clientId();
        Map<Long, String> stages = new java.util.HashMap<>();
        String pipelineName = "";
        for (Pipeline p : l.pipelines()) {
            p.stages().forEach(s -> stages.put(s.id(), s.name()));
            if (p.id() == d.pipelineId()) {
                pipelineName = p.name();
            }
        }
        NumberFormat money = NumberFormat.getNumberInstance(i18n.locale());
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(i18n.locale())
                .withZone(zone);
        title.set(d.title());
        List<Field> f = new ArrayList<>();
        f.add(new Field(i18n.get("deal.field.client"), l.row().clientName()));
        f.add(new Field(i18n.get("deal.field.owner"), l.row().ownerName()));
        f.add(new Field(i18n.get("deal.field.pipeline"), pipelineName));
        f.add(new Field(i18n.get("deal.field.stage"), stages.getOrDefault(d.stageId(), "")));
        f.add(new Field(i18n.get("deal.field.amount"), money.format(d.amount())));
        f.add(new Field(i18n.get("deal.field.expectedClose"), d.expectedClose() == null ? "" : dates.format(d.expectedClose())));
        f.add(new Field(i18n.get("deal.field.score"), i18n.format("deal.score.value", d.score(),
                i18n.get("deal.band." + d.band().code()))));
        f.add(new Field(i18n.get("deal.field.created"), times.format(d.createdAt())));
        if (d.closedAt() != null) {
            f.add(new Field(i18n.get("deal.field.closed"), times.format(d.closedAt())));
        }
        if (d.lostReasonId() != null) {
            f.add(new Field(i18n.get("deal.field.lostReason"), l.reasons().getOrDefault(d.lostReasonId(), "")));
        }
        fields.setAll(f);
        lines.setAll(l.card().lines());
        List<HistoryRow> h = new ArrayList<>();
        List<StageChange> changes = l.card().history();
        for (int i = changes.size() - 1; i >= 0; i--) {
            StageChange c = changes.get(i);
            h.add(new HistoryRow(c.fromStageId() == null ? "" : stages.getOrDefault(c.fromStageId(), ""),
                    stages.getOrDefault(c.toStageId(), ""), times.format(c.changedAt()),
                    c.changedBy() == null ? "" : l.users().getOrDefault(c.changedBy(), "")));
        }
        history.setAll(h);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public ObservableList<DealLine> lines() {
        return lines;
    }

    public ObservableList<HistoryRow> history() {
        return history;
    }

    public long clientId() {
        return clientId;
    }
}
