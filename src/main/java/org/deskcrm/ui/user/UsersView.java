package org.deskcrm.ui.user;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.Team;
import org.deskcrm.model.user.User;
import org.deskcrm.ui.common.I18n;

import java.util.function.Function;

/** The administrator's list of users: create, edit role/team/export right/active, reset a password. */
public final class UsersView {
    private final UserAdminViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<User> table = new TableView<>();

    public UsersView(UserAdminViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        root.setId("usersAdmin");
        table.setId("usersTable");
        table.setItems(vm.users());
        table.getColumns().add(column("users.col.login", User::login));
        table.getColumns().add(column("users.col.name", User::fullName));
        table.getColumns().add(column("users.col.email", User::email));
        table.getColumns().add(column("users.col.role", u -> vm.roleName(u.role())));
        table.getColumns().add(column("users.col.team", u -> vm.teamName(u.teamId())));
        table.getColumns().add(column("users.col.export", u -> yesNo(u.canExport())));
        table.getColumns().add(column("users.col.active", u -> yesNo(u.active())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<User>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    edit(row.getItem());
                }
            });
            return row;
        });

        Button create = new Button(i18n.get("users.action.new"));
        create.setId("newUser");
        create.setOnAction(e -> edit(null));
        Button edit = new Button(i18n.get("users.action.edit"));
        edit.setId("editUser");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> edit(table.getSelectionModel().getSelectedItem()));
        Button reset = new Button(i18n.get("users.action.resetPassword"));
        reset.setId("resetPassword");
        reset.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reset.setOnAction(e -> resetPassword(table.getSelectionModel().getSelectedItem()));
        Button refresh = new Button(i18n.get("users.action.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        Label status = new Label();
        status.textProperty().bind(vm.status());
        HBox bar = new HBox(8, create, edit, reset, refresh, status);
        bar.setPadding(new Insets(8));
        root.setTop(bar);
        root.setCenter(table);
        vm.refresh();
    }

    public Node node() {
        return root;
    }

    private String yesNo(boolean b) {
        return i18n.get(b ? "users.yes" : "users.no");
    }

    private TableColumn<User, String> column(String key, Function<User, String> value) {
        TableColumn<User, String> c = new TableColumn<>(i18n.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private void edit(User user) {
        boolean isNew = user == null;
        TextField login = new TextField(isNew ? "" : user.login());
        login.setId("userLogin");
        login.setDisable(!isNew);
        TextField name = new TextField(isNew ? "" : user.fullName());
        name.setId("userName");
        TextField email = new TextField(isNew || user.email() == null ? "" : user.email());
        email.setId("userEmail");
        ComboBox<Role> role = new ComboBox<>();
        role.setId("userRole");
        role.getItems().setAll(Role.values());
        role.setConverter(converter(vm::roleName));
        role.setValue(isNew ? Role.MANAGER : user.role());
        ComboBox<Team> team = new ComboBox<>();
        team.setId("userTeam");
        team.getItems().add(null);
        team.getItems().addAll(vm.teams());
        team.setConverter(converter(t -> t == null ? i18n.get("users.dialog.noTeam") : t.name()));
        team.setValue(isNew ? null : vm.teams().stream().filter(t -> t.id().equals(user.teamId())).findFirst()
                .orElse(null));
        CheckBox export = new CheckBox();
        export.setId("userExport");
        export.setSelected(!isNew && user.canExport());
        CheckBox active = new CheckBox();
        active.setId("userActive");
        active.setSelected(isNew || user.active());
        PasswordField password = new PasswordField();
        password.setId("userPassword");
        PasswordField repeat = new PasswordField();
        repeat.setId("userRepeat");

        FormDialog form = new FormDialog(root.getScene() == null ? null : root.getScene().getWindow(),
                i18n.get(isNew ? "users.dialog.newTitle" : "users.dialog.editTitle"), "userDialog")
                .field("login", i18n.get("users.col.login"), login)
                .field("fullName", i18n.get("users.col.name"), name)
                .field("email", i18n.get("users.col.email"), email)
                .field("role", i18n.get("users.col.role"), role)
                .field("team", i18n.get("users.col.team"), team)
                .field("canExport", i18n.get("users.col.export"), export)
                .field("active", i18n.get("users.col.active"), active);
        if (isNew) {
            form.field("password", i18n.get("user.signIn.password"), password)
                    .field("repeat", i18n.get("user.signIn.repeat"), repeat);
        }
        form.show((done, errors) -> {
            Long teamId = team.getValue() == null ? null : team.getValue().id();
            User u = new User(isNew ? null : user.id(), login.getText(), name.getText(), email.getText(),
                    role.getValue(), teamId, export.isSelected(), active.isSelected(), isNew ? 0 : user.version());
            vm.saveUser(u, password.getText().toCharArray(), repeat.getText().toCharArray(), done, errors);
        });
    }

    private void resetPassword(User user) {
        PasswordField password = new PasswordField();
        password.setId("resetPasswordField");
        PasswordField repeat = new PasswordField();
        repeat.setId("resetRepeatField");
        new FormDialog(root.getScene() == null ? null : root.getScene().getWindow(),
                i18n.format("users.dialog.passwordTitle", user.fullName()), "resetDialog")
                .field("password", i18n.get("user.password.new"), password)
                .field("repeat", i18n.get("user.password.repeat"), repeat)
                .show((done, errors) -> vm.resetPassword(user.id(), password.getText().toCharArray(),
                        repeat.getText().toCharArray(), done, errors));
    }

    static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
