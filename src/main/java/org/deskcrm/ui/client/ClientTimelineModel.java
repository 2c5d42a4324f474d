package org.deskcrm.ui.client;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.client.TimelineEntry;
import org.deskcrm.model.client.TimelineKind;
import org.deskcrm.model.common.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The timeline of a client's card (the part {@link TimelinePane} shows): the client's calls, tasks, notes, deal
 * moves and edits, newest first, read in the background; the kind it is filtered to; and the quick note typed
 * under it. Belongs to a {@link ClientCardViewModel}, which tells it the client and hears its failures.
 */
public final class ClientTimelineModel {
    /** The most entries of each kind the timeline reads. */
    static final int PER_KIND = 200;

    private final ClientUiContext ctx;
    private final Supplier<Long> clientId;
    private final Consumer<Throwable> failed;
    private final TimelineFormatter formatter;
    private final List<TimelineItem> all = new ArrayList<>();
    private final ObservableList<TimelineItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<TimelineKind> filter = new SimpleObjectProperty<>(this, "filter");
    private final StringProperty noteText = new SimpleStringProperty(this, "noteText", "");

    /**
     * @param clientId  the card's client (null while the card is new)
     * @param valueName an audited value as a person reads it (field, value → text)
     * @param failed    where a failed read or note goes (the card's banner)
     */
    ClientTimelineModel(ClientUiContext ctx, Supplier<Long> clientId, BiFunction<String, String, String> valueName,
                        Consumer<Throwable> failed) {
        this.ctx = ctx;
        this.clientId = clientId;
        this.failed = failed;
        this.formatter = new TimelineFormatter(ctx.i18n(), ctx.zone(), valueName);
        filter.addListener(o -> show());
    }

    /** Reads the client's timeline again in the background (empty for a card not saved yet). */
    public void load() {
        Long id = clientId.get();
        if (id == null) {
            all.clear();
            show();
            return;
        }
        ctx.executor().submit(p -> ctx.timeline().timeline(id, PER_KIND), entries -> {
            all.clear();
            for (TimelineEntry e : entries) {
                all.add(formatter.format(e));
            }
            show();
        }, failed::accept);
    }

    private void show() {
        TimelineKind k = filter.get();
        items.setAll(all.stream().filter(i -> k == null || i.kind() == k).toList());
    }

    /** Adds the typed note to the timeline of a saved client, then reads the timeline again. */
    public void addNote() {
        Long id = clientId.get();
        if (id == null || Texts.isBlank(noteText.get())) {
            return;
        }
        String text = noteText.get();
        Long user = ctx.userId();
        ctx.executor().submit(p -> ctx.timeline().addNote(id, user, text), n -> {
            noteText.set("");
            load();
        }, failed::accept);
    }

    /** The entries shown: every entry of the filter's kind, newest first. */
    public ObservableList<TimelineItem> items() {
        return items;
    }

    /** The kind the timeline shows; null for every kind. */
    public ObjectProperty<TimelineKind> filterProperty() {
        return filter;
    }

    public StringProperty noteTextProperty() {
        return noteText;
    }
}
