package org.deskcrm.ui.shell;

import org.deskcrm.ui.common.Debouncer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.search.SearchHit;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * The global search field: searches as the user types (debounced), in the background, and shows only
 * the answer to the latest query (older answers that arrive late are dropped). Opening a hit opens
 * its client's card and clears the field.
 */
public final class GlobalSearchViewModel {
    /** Where hits come from: {@code GlobalSearchService::search} in the window. */
    @FunctionalInterface
    public interface Backend {
        List<SearchHit> search(String text, int limit);
    }

    public static final int MIN_LENGTH = 2;
    public static final int LIMIT = 8;

    private final Backend backend;
    private final TaskExecutor executor;
    private final Debouncer debouncer;
    private final LongConsumer openClient;
    private final I18n i18n;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ObservableList<SearchHit> results = FXCollections.unmodifiableObservableList(hits);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper noMatches = new ReadOnlyBooleanWrapper(this, "noMatches");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    private long generation;
    private boolean pending;
    private boolean openWhenReady;
    private TaskExecutor.Job running;
    private String answered = "";

    public GlobalSearchViewModel(Backend backend, TaskExecutor executor, Debouncer debouncer,
                                 LongConsumer openClient, I18n i18n) {
        this.backend = backend;
        this.executor = executor;
        this.debouncer = debouncer;
        this.openClient = openClient;
        this.i18n = i18n;
        query.addListener((obs, old, text) -> queryChanged());
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The hits of the latest answered query, clients first. */
    public ObservableList<SearchHit> results() {
        return results;
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** True when the latest query was answered with nothing. */
    public ReadOnlyBooleanProperty noMatchesProperty() {
        return noMatches.getReadOnlyProperty();
    }

    /** A localized message when the search failed, else null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True when the results belong to what is in the field now. */
    public boolean isCurrent() {
        return !pending && !searching.get() && answered.equals(text());
    }

    private String text() {
        String q = query.get();
        return q == null ? "" : q.strip();
    }

    private void queryChanged() {
        generation++; // whatever is in flight answers an older query now
        openWhenReady = false;
        cancelRunning();
        String q = text();
        if (q.length() < MIN_LENGTH) {
            debouncer.cancel();
            pending = false;
            answered = q;
            hits.clear();
            noMatches.set(false);
            error.set(null);
            return;
        }
        pending = true;
        debouncer.schedule(this::searchNow);
    }

    /** Searches for what is in the field now (the debouncer calls this; Enter may call it early). */
    public void searchNow() {
        debouncer.cancel();
        pending = false;
        String q = text();
        if (q.length() < MIN_LENGTH) {
            return;
        }
        cancelRunning();
        long mine = ++generation;
        searching.set(true);
        TaskExecutor.Job job = executor.submit(progress -> backend.search(q, LIMIT),
                found -> answered(mine, q, found),
                failure -> failed(mine, failure));
        if (mine == generation && searching.get()) {
            running = job;
        }
    }

    private void answered(long mine, String q, List<SearchHit> found) {
        if (mine != generation) {
            return; // a stale answer: the user typed on
        }
        running = null;
        searching.set(false);
        answered = q;
        error.set(null);
        hits.setAll(found);
        noMatches.set(found.isEmpty());
        if (openWhenReady) {
            openWhenReady = false;
            if (!found.isEmpty()) {
                open(found.get(0));
            }
        }
    }

    private void failed(long mine, Throwable failure) {
        if (mine != generation) {
            return;
        }
        running = null;
        searching.set(false);
        openWhenReady = false;
        hits.clear();
        noMatches.set(false);
        error.set(i18n.message(failure));
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
            running = null;
            searching.set(false);
        }
    }

    /**
     * Enter in the field: opens the first hit, or, when the answer for the current text has not arrived
     * yet, searches now and opens the first hit when it comes.
     */
    public void activate() {
        if (text().length() < MIN_LENGTH) {
            return;
        }
        if (isCurrent()) {
            if (!hits.isEmpty()) {
                open(hits.get(0));
            }
            return;
        }
        openWhenReady = true;
        if (pending || !searching.get()) {
            searchNow();
            openWhenReady = openWhenReady && searching.get();
        }
    }

    /** Opens the hit's client card (a deal without a client has none) and clears the field. */
    public void open(SearchHit hit) {
        if (hit.clientId() != null) {
            openClient.accept(hit.clientId());
        }
        clear();
    }

    public void clear() {
        query.set("");
    }
}
