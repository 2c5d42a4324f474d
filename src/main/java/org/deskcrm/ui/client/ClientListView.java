package org.deskcrm.ui.client;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientListItem;
import org.deskcrm.model.client.ClientSort;
import org.deskcrm.ui.common.I18n;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;

/**
 * The client list: a toolbar (new, refresh, search, filters, count) over a table that loads more rows
 * as the user scrolls near the end. Clicking the Name, Created or Last purchase header sorts in the
 * database; the table's menu button chooses columns; double-click or Enter opens the card.
 */
public final class ClientListView extends BorderPane {
    /** Rows left below the last visible one when the next page is requested. */
    private static final int PREFETCH_ROWS = 40;

    private final ClientListViewModel vm;
    private final I18n i18n;
    private final ZoneId zone;
    private final TableView<ClientListItem> table = new TableView<>();
    private ToolBar toolbar;
    private boolean morePending;

    public ClientListView(ClientListViewModel vm, I18n i18n, ZoneId zone) {
        this.vm = vm;
        this.i18n = i18n;
        this.zone = zone;
        getStyleClass().add("client-list");
        getStylesheets().add(ClientListView.class.getResource("client.css").toExternalForm());
        toolbar = actions();
        setTop(new VBox(toolbar, filters()));
        setCenter(buildTable());
        setBottom(statusLine());
        vm.loadChoices();
        vm.refresh();
        ClientSavedEvent.listen(this, vm::refresh);
    }

    /**
     * Adds an import button to the toolbar (the import wizard belongs to another feature); the action
     * receives a callback that reloads the list after an import.
     */
    public void setOnImport(String label, java.util.function.Consumer<Runnable> action) {
        Button importButton = new Button(label);
        importButton.setId("client-list-import");
        importButton.setOnAction(e -> action.accept(vm::refresh));
        toolbar.getItems().add(2, importButton);
    }

    /**
     * Lets two selected rows be merged (the merge belongs to another feature): the table selects several rows
     * and its context menu offers {@code label} when exactly two are selected; the action receives their ids
     * and a callback that reloads the list.
     */
    public void setOnMerge(String label, java.util.function.BiConsumer<java.util.List<Long>, Runnable> action) {
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        javafx.scene.control.MenuItem merge = new javafx.scene.control.MenuItem(label);
        merge.setId("client-list-merge");
        merge.disableProperty().bind(javafx.beans.binding.Bindings.size(table.getSelectionModel().getSelectedItems())
                .isNotEqualTo(2));
        merge.setOnAction(e -> action.accept(table.getSelectionModel().getSelectedItems().stream()
                .map(ClientListItem::id).toList(), vm::refresh));
        table.setContextMenu(new javafx.scene.control.ContextMenu(merge));
    }

    private ToolBar actions() {
        Button create = new Button(i18n.get("client.list.new"));
        create.setId("client-list-new");
        create.setOnAction(e -> vm.newClient());
        Button refresh = new Button(i18n.get("action.refresh"));
        refresh.setId("client-list-refresh");
        refresh.setOnAction(e -> vm.refresh());
        TextField search = new TextField();
        search.setId("client-list-search");
        search.setPromptText(i18n.get("client.list.searchPrompt"));
        search.setPrefColumnCount(28);
        search.textProperty().bindBidirectional(vm.textProperty());
        PauseTransition pause = new PauseTransition(Duration.millis(250));
        pause.setOnFinished(e -> vm.refresh());
        search.textProperty().addListener((o, a, b) -> pause.playFromStart());
        search.setOnAction(e -> {
            pause.stop();
            vm.refresh();
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            }
        });
        Label count = new Label();
        count.setId("client-list-count");
        count.getStyleClass().add("count");
        count.textProperty().bind(vm.countTextProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(vm.loadingProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        javafx.scene.control.Button export = org.deskcrm.ui.export.ExportButton.create(i18n,
                () -> new org.deskcrm.service.export.ExportTarget.Clients(vm.currentQuery()));
        return new ToolBar(create, refresh, export, new Separator(), search, spring, busy, count);
    }

    private HBox filters() {
        ComboBox<Choice> owner = combo("client-filter-owner", vm.owners());
        owner.valueProperty().bindBidirectional(vm.ownerProperty());
        ComboBox<Choice> status = combo("client-filter-status", vm.statuses());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        ComboBox<Choice> source = combo("client-filter-source", vm.sources());
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        ComboBox<String> tag = new ComboBox<>(vm.tags());
        tag.setId("client-filter-tag");
        tag.setEditable(true);
        tag.setPromptText(i18n.get("client.filter.anyTag"));
        tag.setPrefWidth(140);
        tag.valueProperty().bindBidirectional(vm.tagProperty());
        CheckBox archived = new CheckBox(i18n.get("client.filter.archived"));
        archived.setId("client-filter-archived");
        archived.selectedProperty().bindBidirectional(vm.includeArchivedProperty());
        HBox box = new HBox(6, org.deskcrm.ui.common.PeopleFilters.mark(label("client.filter.owner")),
                org.deskcrm.ui.common.PeopleFilters.mark(owner), label("client.filter.status"), status,
                label("client.filter.source"), source, label("client.filter.tag"), tag, archived);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 8, 4, 8));
        box.getStyleClass().add("filter-bar");
        return box;
    }

    private Label label(String key) {
        Label l = new Label(i18n.get(key));
        l.getStyleClass().add("filter-label");
        return l;
    }

    private static <T> ComboBox<T> combo(String id, javafx.collections.ObservableList<T> items) {
        ComboBox<T> c = new ComboBox<>(items);
        c.setId(id);
        c.setPrefWidth(160);
        return c;
    }

    private TableView<ClientListItem> buildTable() {
        table.setId("client-list-table");
        table.setItems(vm.items());
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(i18n.get("client.list.empty")));
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
        DateTimeFormatter created = date.withZone(zone);
        TableColumn<ClientListItem, String> name = column("client.col.name", 260, r -> r.row().name());
        name.setId("col-name");
        TableColumn<ClientListItem, String> createdCol = column("client.col.created", 115,
                r -> r.createdAt() == null ? "" : created.format(r.createdAt()));
        createdCol.setId("col-created");
        TableColumn<ClientListItem, String> last = column("client.col.lastPurchase", 130,
                r -> r.row().lastPurchaseOn() == null ? "" : date.format(r.row().lastPurchaseOn()));
        last.setId("col-lastPurchase");
        table.getColumns().add(name);
        table.getColumns().add(column("client.col.kind", 105, r -> kind(r.row().kind())));
        table.getColumns().add(column("client.col.phone", 140, r -> nz(r.row().primaryPhone())));
        table.getColumns().add(column("client.col.email", 180, r -> nz(r.row().primaryEmail())));
        table.getColumns().add(column("client.col.inn", 110, r -> nz(r.row().inn())));
        table.getColumns().add(column("client.col.owner", 150, r -> nz(r.row().ownerName())));
        table.getColumns().add(column("client.col.status", 130, r -> vm.lifecycleName(r.row().lifecycle())));
        table.getColumns().add(column("client.col.source", 120, r -> nz(r.row().sourceName())));
        table.getColumns().add(last);
        table.getColumns().add(createdCol);
        table.getColumns().forEach(c -> c.setSortable(c == name || c == createdCol || c == last));
        name.setSortType(TableColumn.SortType.ASCENDING);
        table.getSortOrder().add(name);
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                vm.setSort(ClientSort.NAME, false);
                return true;
            }
            TableColumn<ClientListItem, ?> c = t.getSortOrder().get(0);
            ClientSort s = c == createdCol ? ClientSort.CREATED : c == last ? ClientSort.LAST_PURCHASE : ClientSort.NAME;
            vm.setSort(s, c.getSortType() == TableColumn.SortType.DESCENDING);
            return true;
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ClientListItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("archived");
                if (item != null && item.row().archived()) {
                    getStyleClass().add("archived");
                }
                if (!empty && getIndex() >= vm.items().size() - PREFETCH_ROWS) {
                    requestMore();
                }
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                vm.open(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        return table;
    }

    /** Asks for the next page once the current layout pass is over (never from inside a cell update). */
    private void requestMore() {
        if (!morePending && vm.hasMoreProperty().get() && !vm.loadingProperty().get()) {
            morePending = true;
            Platform.runLater(() -> {
                morePending = false;
                vm.loadMore();
            });
        }
    }

    private Label statusLine() {
        Label error = new Label();
        error.getStyleClass().add("error-line");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        return error;
    }

    private TableColumn<ClientListItem, String> column(String key, double width,
                                                       Function<ClientListItem, String> value) {
        TableColumn<ClientListItem, String> c = new TableColumn<>(i18n.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> constant(value.apply(cd.getValue())));
        return c;
    }

    private static ObservableValue<String> constant(String s) {
        return new ReadOnlyObjectWrapper<>(s);
    }

    private String kind(ClientKind k) {
        return k == null ? "" : i18n.get("client.kind." + k.code());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The table, for tests and for the window's keyboard focus. */
    public TableView<ClientListItem> table() {
        return table;
    }
}
