package org.deskcrm.ui.connect;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.deskcrm.model.connect.ConnectionKind;
import org.deskcrm.ui.common.I18n;

import java.io.File;
import java.util.List;

/** The window of File → Connect to database…: shows only the fields the chosen kind needs. */
public final class ConnectDialog {
    private final ConnectDialogViewModel vm;
    private final I18n i18n;
    private final Stage stage = new Stage();
    private final GridPane form = new GridPane();

    public ConnectDialog(ConnectDialogViewModel vm, I18n i18n, Window owner, List<String> stylesheets) {
        this.vm = vm;
        this.i18n = i18n;
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(i18n.get("connect.window.title"));
        Scene scene = new Scene(build(), 560, Region.USE_COMPUTED_SIZE);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        vm.doneProperty().addListener((obs, was, now) -> {
            if (now) {
                stage.close();
            }
        });
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

    private VBox build() {
        Label intro = new Label(i18n.get("connect.window.intro"));
        intro.setWrapText(true);

        ComboBox<ConnectionKind> kind = new ComboBox<>();
        kind.setId("connectKind");
        kind.getItems().setAll(ConnectionKind.values());
        kind.setButtonCell(kindCell());
        kind.setCellFactory(list -> kindCell());
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);

        TextField host = field("connectHost", vm.hostProperty());
        TextField port = field("connectPort", vm.portProperty());
        port.setPrefColumnCount(6);
        TextField database = field("connectDatabase", vm.databaseProperty());
        Button browse = new Button(i18n.get("connect.field.browse"));
        browse.setId("connectBrowse");
        browse.setOnAction(e -> browse());
        TextField user = field("connectUser", vm.userProperty());
        PasswordField password = new PasswordField();
        password.setId("connectPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        form.setHgap(8);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        Label databaseLabel = new Label();
        HBox databaseRow = new HBox(6, database, browse);
        HBox.setHgrow(database, Priority.ALWAYS);
        form.addRow(0, new Label(i18n.get("connect.kind")), kind);
        form.addRow(1, new Label(i18n.get("connect.field.host")), host);
        form.addRow(2, new Label(i18n.get("connect.field.port")), port);
        form.addRow(3, databaseLabel, databaseRow);
        form.addRow(4, new Label(i18n.get("connect.field.user")), user);
        form.addRow(5, new Label(i18n.get("connect.field.password")), password);

        // what the chosen database enforces itself (ADR 0015): H2 trusts the office, PostgreSQL an own login
        Label rightsNote = new Label();
        rightsNote.setId("connectRightsNote");
        rightsNote.setWrapText(true);
        Runnable layout = () -> {
            ConnectionKind k = vm.kindProperty().get();
            boolean sharedH2 = k == ConnectionKind.H2_SERVER || k == ConnectionKind.H2_SHARED_FILE;
            rightsNote.setText(sharedH2 ? i18n.get("connect.trustedOffice")
                    : k == ConnectionKind.POSTGRES ? i18n.get("connect.ownLogin") : "");
            rightsNote.setVisible(sharedH2 || k == ConnectionKind.POSTGRES);
            rightsNote.setManaged(rightsNote.isVisible());
            boolean server = k == ConnectionKind.H2_SERVER || k == ConnectionKind.POSTGRES;
            boolean credentials = k != ConnectionKind.LOCAL;
            rows(server, 1, 2);
            rows(k != ConnectionKind.LOCAL, 3);
            rows(credentials, 4, 5, 6);
            browse.setVisible(k == ConnectionKind.H2_SHARED_FILE);
            browse.setManaged(k == ConnectionKind.H2_SHARED_FILE);
            databaseLabel.setText(i18n.get(k == ConnectionKind.H2_SHARED_FILE ? "connect.field.folder"
                    : "connect.field.database"));
            if (stage.getScene() != null) {
                stage.sizeToScene();
            }
        };
        vm.kindProperty().addListener((obs, was, now) -> layout.run());
        layout.run();

        Label result = new Label();
        result.setId("connectResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());
        vm.resultOkProperty().addListener((obs, was, ok) -> {
            result.getStyleClass().removeAll("success", "error");
            result.getStyleClass().add(ok ? "success" : "error");
        });
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(vm.busyProperty());
        HBox resultRow = new HBox(8, spinner, result);

        Button test = new Button(i18n.get("connect.button.test"));
        test.setId("connectTest");
        test.setOnAction(e -> vm.testConnection());
        Button connect = new Button(i18n.get("connect.button.connect"));
        connect.setId("connectButton");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> vm.connect());
        Button cancel = new Button(i18n.get("connect.button.cancel"));
        cancel.setId("connectCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        test.disableProperty().bind(vm.busyProperty());
        connect.disableProperty().bind(vm.busyProperty());
        form.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.busyProperty().get(), vm.busyProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, test, spacer, connect, cancel);

        VBox root = new VBox(12, intro, form, rightsNote, resultRow, buttons);
        root.setId("connectDialog");
        root.setPadding(new Insets(16));
        return root;
    }

    private void rows(boolean visible, int... rows) {
        for (Node n : form.getChildren()) {
            Integer r = GridPane.getRowIndex(n);
            for (int row : rows) {
                if (r != null && r == row) {
                    n.setVisible(visible);
                    n.setManaged(visible);
                }
            }
        }
    }

    private TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private ListCell<ConnectionKind> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ConnectionKind item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : i18n.get("connect.kind." + item.code()));
            }
        };
    }

    private void browse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.get("connect.field.folder"));
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            vm.databaseProperty().set(dir.getAbsolutePath());
        }
    }
}
