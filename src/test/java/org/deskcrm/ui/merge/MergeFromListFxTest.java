package org.deskcrm.ui.merge;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientListItem;
import org.deskcrm.model.client.Contact;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.ui.client.ClientScreens;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Merge…" from the real client list: select two rows, the context menu, the dialog side by side, the
 * merge; as the administrator in English and as a manager in Russian (who sees only own clients).
 */
@ExtendWith(ApplicationExtension.class)
class MergeFromListFxTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    AppContext app;
    FxTaskExecutor executor;
    Stage stage;
    long admin;
    User anna;
    long acme;
    long acmeLtd;
    long other;
    final org.deskcrm.ui.common.RecordingWorkspace workspace = new org.deskcrm.ui.common.RecordingWorkspace();
    final List<String> statuses = workspace.statuses;

    static final class NoDialogs implements DialogService {
        @Override
        public void error(String title, String message) {
        }

        @Override
        public void info(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public Optional<Integer> choose(String title, String message, List<String> options) {
            return Optional.empty();
        }

        @Override
        public Optional<String> prompt(String title, String message, String initial) {
            return Optional.empty();
        }
    }

    @Start
    void start(Stage stage) {
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        this.stage = stage;
        app = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        admin = app.ensureReferenceData(Locale.ENGLISH);
        long annaId = app.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        anna = app.users().findById(annaId).orElseThrow();
        long boris = app.users().insert(User.draft("boris", "Boris Orlov", Role.MANAGER, null), null);
        acme = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Acme").withOwner(annaId),
                List.of(Contact.draft("Ivan Sidorov", null, true)),
                List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 123-45-67"))), admin).id();
        acmeLtd = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "ACME Ltd").withOwner(annaId)
                .withRequisites(null, "7707083893", null), List.of(Contact.draft("Olga Lebedeva", null, true)),
                List.of(Channel.ofClient(ChannelKind.EMAIL, "office@acme.ru"))), admin).id();
        other = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Boris's client")
                .withOwner(boris), List.of(), List.of()), admin).id();
        app.clientTimeline().addNote(acme, annaId, "Met at the fair");
        stage.setMaximized(false);
        stage.setX(0);
        stage.setY(0);
    }

    /** Shows the client list of the given language, with "Merge…" installed as the window does. */
    TableView<ClientListItem> showList(FxRobot robot, Locale locale) throws Exception {
        executor = new FxTaskExecutor(2);
        I18n i18n = new I18n(locale);
        robot.interact(() -> {
            ClientScreens screens = new ClientScreens(ClientScreens.context(app, executor, i18n, workspace,
                    new NoDialogs(), url -> { }, app.session()::userId, ZoneId.of("UTC")));
            Node list = new MergeScreens(app.merge().service(), executor, i18n, workspace, app.session()::userId)
                    .install(screens.clientList());
            stage.setScene(new Scene((javafx.scene.Parent) list, 1100, 700));
            stage.show();
            stage.toFront();
        });
        TableView<ClientListItem> table = robot.lookup("#client-list-table").query();
        return table;
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.hideStage();
        if (executor != null) {
            executor.close();
        }
        app.session().signOut();
        app.close();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    long count(String sql, long id) throws Exception {
        try (Connection c = app.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Selects the two rows named, opens the table's context menu at the first and chooses the menu item. */
    void mergeFromMenu(FxRobot robot, TableView<ClientListItem> table, String menuText, String... names) {
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (List.of(names).contains(table.getItems().get(i).row().name())) {
                    table.getSelectionModel().select(i);
                }
            }
        });
        Node firstCell = robot.from(table).lookup(".table-row-cell").nth(0).query();
        // Monocle sends no context-menu request for a robot's right click: show the table's menu where it would be
        robot.interact(() -> table.getContextMenu().show(firstCell, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn(menuText);
    }

    @Test
    void theAdministratorMergesTwoClientsFromTheListKeepingTheSecond(FxRobot robot) throws Exception {
        TableView<ClientListItem> table = showList(robot, Locale.ENGLISH);
        waitUntil(() -> table.getItems().size() == 3);

        mergeFromMenu(robot, table, "Merge…", "Acme", "ACME Ltd");
        waitUntil(() -> robot.lookup("#merge-records-left").tryQuery().isPresent()
                && !((Label) robot.lookup("#merge-records-left").query()).getText().isEmpty());
        Label leftRecords = robot.lookup("#merge-records-left").query();
        // Acme (first by name) brings 1 contact, 1 channel and 1 note
        assertThat(leftRecords.getText()).contains("contacts: 1").contains("notes and meetings: 1");
        robot.clickOn("#merge-survivor-right"); // ACME Ltd stays
        // the INN: ACME Ltd has one, Acme none: the survivor keeps its own
        assertThat(((javafx.scene.control.RadioButton) robot.lookup("#merge-inn-right").query()).isSelected()).isTrue();
        robot.clickOn("#merge-name-left"); // but takes the name "Acme"
        robot.clickOn("#merge-apply");

        waitUntil(() -> table.getItems().size() == 2 && !statuses.isEmpty());
        assertThat(count("SELECT COUNT(*) FROM client WHERE id = ?", acme)).isZero();
        assertThat(count("SELECT COUNT(*) FROM contact WHERE client_id = ?", acmeLtd)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM channel WHERE client_id = ?", acmeLtd)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM activity WHERE client_id = ?", acmeLtd)).isEqualTo(1);
        Client survivor = app.clients().load(acmeLtd).client();
        assertThat(survivor.name()).isEqualTo("Acme");
        assertThat(survivor.inn()).isEqualTo("7707083893");
        // 1 contact + 1 channel + 1 note moved
        assertThat(statuses).contains("Clients merged: 3 records moved to the card that stays.");
        assertThat(table.getItems()).extracting(i -> i.row().name()).containsExactly("Acme", "Boris's client");
    }

    @Test
    void aManagerMergesOwnClientsInRussian(FxRobot robot) throws Exception {
        app.session().signIn(anna);
        TableView<ClientListItem> table = showList(robot, Locale.forLanguageTag("ru"));
        // a manager sees only own clients
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(i -> i.id()).doesNotContain(other);

        mergeFromMenu(robot, table, "Объединить…", "Acme", "ACME Ltd");
        waitUntil(() -> robot.lookup("#merge-records-right").tryQuery().isPresent()
                && !((Label) robot.lookup("#merge-records-right").query()).getText().isEmpty());
        assertThat(((Label) robot.lookup("#merge-records-right").query()).getText())
                .isEqualTo("контакты: 1, каналы: 1");
        // Acme stays (the default); it has no INN, so ACME Ltd's is taken
        assertThat(((javafx.scene.control.RadioButton) robot.lookup("#merge-inn-right").query()).isSelected()).isTrue();
        robot.clickOn("#merge-apply");

        waitUntil(() -> table.getItems().size() == 1);
        assertThat(count("SELECT COUNT(*) FROM client WHERE id = ?", acmeLtd)).isZero();
        assertThat(count("SELECT COUNT(*) FROM contact WHERE client_id = ?", acme)).isEqualTo(2);
        Client survivor = app.clients().load(acme).client();
        assertThat(survivor.name()).isEqualTo("Acme");
        assertThat(survivor.inn()).isEqualTo("7707083893");
        assertThat(statuses).contains("Клиенты объединены: в остающуюся карточку перенесено записей: 2.");
        assertThat(app.audit().forRecord("client", acmeLtd, 10)).anySatisfy(e ->
                assertThat(e.userId()).isEqualTo(anna.id()));
    }
}
