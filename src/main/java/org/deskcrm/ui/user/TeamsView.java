package org.deskcrm.ui.user;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.Team;
import org.deskcrm.model.user.User;
import org.deskcrm.ui.common.I18n;

/** The administrator's list of teams: create, rename, set the supervisor. */
public final class TeamsView {
    private final UserAdminViewModel vm;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final TableView<Team> table = new TableView<>();

    public TeamsView(UserAdminViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        root.setId("teamsAdmin");
        table.setId("teamsTable");
        table.setItems(vm.teams());
        TableColumn<Team, String> name = new TableColumn<>(i18n.get("users.col.team"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<Team, String> supervisor = new TableColumn<>(i18n.get("users.col.supervisor"));
        supervisor.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.userName(c.getValue().supervisorId())));
        table.getColumns().add(name);
        table.getColumns().add(supervisor);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button create = new Button(i18n.get("users.teams.new"));
        create.setId("newTeam");
        create.setOnAction(e -> edit(null));
        Button edit = new Button(i18n.get("users.teams.edit"));
        edit.setId("editTeam");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> edit(table.getSelectionModel().getSelectedItem()));
        Button refresh = new Button(i18n.get("users.action.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        Label status = new Label();
        status.textProperty().bind(vm.status());
        HBox bar = new HBox(8, create, edit, refresh, status);
        bar.setPadding(new Insets(8));
        root.setTop(bar);
        root.setCenter(table);
        vm.refresh();
    }

    public Node node() {
        return root;
    }

    private void edit(Team team) {
        boolean isNew = team == null;
        TextField name = new TextField(isNew ? "" : team.name());
        name.setId("teamName");
        ComboBox<User> supervisor = new ComboBox<>();
        supervisor.setId("teamSupervisor");
        supervisor.getItems().add(null);
        vm.users().stream().filter(u -> u.active() && u.role() != Role.MANAGER).forEach(supervisor.getItems()::add);
        supervisor.setConverter(UsersView.converter(u -> u == null ? i18n.get("users.dialog.noSupervisor")
                : u.fullName()));
        supervisor.setValue(isNew ? null : supervisor.getItems().stream()
                .filter(u -> u != null && u.id().equals(team.supervisorId())).findFirst().orElse(null));
        new FormDialog(root.getScene() == null ? null : root.getScene().getWindow(),
                i18n.get("users.dialog.teamTitle"), "teamDialog")
                .field("name", i18n.get("users.col.team"), name)
                .field("supervisor", i18n.get("users.col.supervisor"), supervisor)
                .show((done, errors) -> vm.saveTeam(new Team(isNew ? null : team.id(), name.getText(),
                        supervisor.getValue() == null ? null : supervisor.getValue().id(), isNew ? 0 : team.version()),
                        done, errors));
    }
}
