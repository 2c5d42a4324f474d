package org.deskcrm.ui.client;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.client.ClientCursor;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientListItem;
import org.deskcrm.model.client.ClientListPage;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.client.ClientSort;
import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.user.User;
import org.deskcrm.service.client.ClientListService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client list: filters, free text, sort, and the rows loaded page by page (keyset paging; the view
 * asks for the next page when the user scrolls near the end, so 100 000 clients never load at once).
 * Every database call runs through the {@link TaskExecutor}; results of a superseded query are dropped.
 */
public final class ClientListViewModel {
    static final int PAGE_SIZE = 200;

    private final ClientListService service;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Workspace workspace;

    private final ObservableList<ClientListItem> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyLongWrapper count = new ReadOnlyLongWrapper(this, "count", -1);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Choice> owner = new SimpleObjectProperty<>(this, "owner");
    private final ObjectProperty<Choice> source = new SimpleObjectProperty<>(this, "source");
    private final ObjectProperty<Choice> status = new SimpleObjectProperty<>(this, "status");
    private final ObjectProperty<String> tag = new SimpleObjectProperty<>(this, "tag");
    private final BooleanProperty includeArchived = new SimpleBooleanProperty(this, "includeArchived");
    private final ObjectProperty<ClientSort> sort = new SimpleObjectProperty<>(this, "sort", ClientSort.NAME);
    private final BooleanProperty descending = new SimpleBooleanProperty(this, "descending");

    private final ObservableList<Choice> owners = FXCollections.observableArrayList();
    private final ObservableList<Choice> sources = FXCollections.observableArrayList();
    private final ObservableList<Choice> statuses = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();

    private final List<TaskExecutor.Job> running = new ArrayList<>();
    private long generation;
    private ClientQuery query = ClientQuery.DEFAULT;
    private ClientCursor next;

    public ClientListViewModel(ClientListService service, TaskExecutor executor, I18n i18n, Workspace workspace) {
        this.service = service;
        this.executor = executor;
        this.i18n = i18n;
        this.workspace = workspace;
        Choice anyOwner = Choice.none(i18n.get("client.filter.anyOwner"));
        Choice anySource = Choice.none(i18n.get("client.filter.anySource"));
        Choice anyStatus = Choice.none(i18n.get("client.filter.anyStatus"));
        owners.add(anyOwner);
        sources.add(anySource);
        statuses.add(anyStatus);
        for (LifecycleStatus s : LifecycleStatus.values()) {
            statuses.add(new Choice((long) s.ordinal(), i18n.get("client.lifecycle." + s.code())));
        }
        owner.set(anyOwner);
        source.set(anySource);
        status.set(anyStatus);
        // every filter but the free text applies at once; the view applies the text after a short pause
        owner.addListener((o, a, b) -> refresh());
        source.addListener((o, a, b) -> refresh());
        status.addListener((o, a, b) -> refresh());
        tag.addListener((o, a, b) -> refresh());
        includeArchived.addListener((o, a, b) -> refresh());
    }

    // ------------------------------------------------------------------ commands

    /** Loads the choices of the filters (managers, sources, tags) in the background. */
    public void loadChoices() {
        record Choices(List<User> owners, Map<Long, String> sources, List<String> tags) {
        }
        executor.submit(p -> new Choices(service.owners(), service.sources(), service.tags()), c -> {
            owners.remove(1, owners.size());
            c.owners().forEach(u -> owners.add(new Choice(u.id(), u.fullName())));
            sources.remove(1, sources.size());
            c.sources().forEach((id, name) -> sources.add(new Choice(id, name)));
            tags.setAll(c.tags());
        }, this::failed);
    }

    /** The query of the rows shown (what "Export to Excel" writes). */
    public ClientQuery currentQuery() {
        return query;
    }

    /** Drops what is loaded and loads the first page and the count for the current filters. */
    public void refresh() {
        generation++;
        running.forEach(TaskExecutor.Job::cancel);
        running.clear();
        query = buildQuery();
        next = null;
        items.clear();
        hasMore.set(false);
        error.set("");
        count.set(-1);
        countText.set(i18n.get("client.list.counting"));
        loadPage();
        long gen = generation;
        ClientQuery q = query;
        running.add(executor.submit(p -> service.count(q), n -> {
            if (gen == generation) {
                count.set(n);
                countText.set(i18n.format("client.list.count", n));
            }
        }, this::failed));
    }

    /** Loads the next page if there is one and none is loading. */
    public void loadMore() {
        if (!loading.get() && hasMore.get()) {
            loadPage();
        }
    }

    private void loadPage() {
        long gen = generation;
        ClientQuery q = query;
        ClientCursor after = next;
        loading.set(true);
        running.add(executor.submit(p -> service.page(q, after, PAGE_SIZE), page -> {
            if (gen == generation) {
                append(page);
            }
        }, e -> {
            if (gen == generation) {
                loading.set(false);
                failed(e);
            }
        }));
    }

    private void append(ClientListPage page) {
        items.addAll(page.items());
        next = page.next();
        hasMore.set(page.hasMore());
        loading.set(false);
        running.removeIf(TaskExecutor.Job::isDone);
    }

    public void setSort(ClientSort newSort, boolean desc) {
        if (newSort != sort.get() || desc != descending.get()) {
            sort.set(newSort);
            descending.set(desc);
            refresh();
        }
    }

    public void open(ClientListItem item) {
        if (item != null) {
            workspace.openClient(item.id());
        }
    }

    public void newClient() {
        workspace.newClient();
    }

    ClientQuery buildQuery() {
        Choice st = status.get();
        LifecycleStatus lifecycle = st == null || st.id() == null ? null
                : LifecycleStatus.values()[st.id().intValue()];
        ClientFilter f = new ClientFilter(idOf(owner.get()), lifecycle, idOf(source.get()), tag.get(),
                includeArchived.get(), null);
        return new ClientQuery(f, text.get(), sort.get(), descending.get());
    }

    private static Long idOf(Choice c) {
        return c == null ? null : c.id();
    }

    private void failed(Throwable e) {
        error.set(i18n.message(e));
    }

    /** The localized name of a lifecycle status (table cells). */
    public String lifecycleName(LifecycleStatus s) {
        return s == null ? "" : i18n.get("client.lifecycle." + s.code());
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<ClientListItem> items() {
        return items;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Choice> ownerProperty() {
        return owner;
    }

    public ObjectProperty<Choice> sourceProperty() {
        return source;
    }

    public ObjectProperty<Choice> statusProperty() {
        return status;
    }

    public ObjectProperty<String> tagProperty() {
        return tag;
    }

    public BooleanProperty includeArchivedProperty() {
        return includeArchived;
    }

    public ClientSort getSort() {
        return sort.get();
    }

    public boolean isDescending() {
        return descending.get();
    }

    public ObservableList<Choice> owners() {
        return owners;
    }

    public ObservableList<Choice> sources() {
        return sources;
    }

    public ObservableList<Choice> statuses() {
        return statuses;
    }

    public ObservableList<String> tags() {
        return tags;
    }
}
