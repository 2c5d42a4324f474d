package org.deskcrm.ui.client;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.ui.call.CallScreens;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.deal.ClientDealsViewModel;
import org.deskcrm.ui.deal.DealScreens;
import org.deskcrm.ui.task.Named;
import org.deskcrm.ui.task.TaskScreens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client card as the centre of the work, on the real window and a real H2 database: its deals (title,
 * stage, amount, owner; double-click opens one) and open tasks (due, title, assignee), and "New deal", "New
 * task" and "Log call" saving for this client and refreshing the lists; the task dialog's client picker and
 * assignee. As the administrator in English and as a manager in Russian.
 */
@ExtendWith(ApplicationExtension.class)
class ClientCardWorkFxTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    AppContext app;
    FxTaskExecutor executor;
    Stage stage;
    long admin;
    User anna;
    long boris;
    long clientId;
    long betaId;
    Pipeline sales;
    Node card;
    final org.deskcrm.ui.common.RecordingWorkspace workspace = new org.deskcrm.ui.common.RecordingWorkspace();
    final List<String> openedTabs = workspace.keys;

    @Start
    void start(Stage stage) {
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        this.stage = stage;
        app = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        admin = app.ensureReferenceData(Locale.ENGLISH);
        long annaId = app.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        anna = app.users().findById(annaId).orElseThrow();
        boris = app.users().insert(User.draft("boris", "Boris Orlov", Role.MANAGER, null), null);
        clientId = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Acme").withOwner(annaId),
                List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 123-45-67"))), admin).id();
        betaId = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Бета").withOwner(annaId),
                List.of(), List.of()), admin).id();
        sales = app.pipelines().findByCode("sales").orElseThrow();
        app.dealFeature().deals().create(Deal.draft("Widgets", clientId, annaId, sales.id(),
                sales.firstOpenStage().id(), new BigDecimal("1000")), List.<DealLine>of(), admin);
        app.taskService().create(new Task(null, "Send the price list", null, TaskKind.EMAIL, TaskStatus.OPEN,
                Instant.parse("2026-03-11T09:00:00Z"), null, annaId, null, clientId, null, null, null, null, 0), admin);
        stage.setMaximized(false);
        stage.setX(0);
        stage.setY(0);
    }

    /** The card with its deals and tasks sections wired as the window wires them. */
    void showCard(FxRobot robot, Locale locale) {
        executor = new FxTaskExecutor(2);
        I18n i18n = new I18n(locale);
        DialogService dialogs = new ScriptedDialogs();
        Supplier<Long> user = () -> app.session().userId() != null ? app.session().userId() : admin;
        ZoneId utc = ZoneId.of("UTC");
        robot.interact(() -> {
            DealScreens deals = new DealScreens(app.dealFeature().deals(), executor, i18n, workspace, dialogs, user, utc);
            TaskScreens tasks = new TaskScreens(app.taskService(), app.taskTemplates(), app.missedCalls(),
                    app.notifications(), executor, i18n, workspace, dialogs, user, () -> null, utc)
                    .withClientSearch(text -> app.clients().search(text, 20).stream()
                            .map(r -> new Named(r.id(), r.name())).toList());
            CallScreens calls = new CallScreens(app.callService(), app.callImport(), app.missedCalls(), app.clients(),
                    executor, i18n, workspace, dialogs, utc, user);
            ClientScreens screens = new ClientScreens(ClientScreens.context(app, executor, i18n, workspace, dialogs,
                    url -> { }, user, utc))
                    .withCardSection((id, changed) -> deals.clientDeals(id, changed))
                    .withCardSection((id, changed) -> {
                        Runnable[] reload = {() -> { }};
                        Node log = calls.logCallButton(id, () -> {
                            reload[0].run();
                            changed.run();
                        });
                        return tasks.clientTasks(id, cid -> app.clients().load(cid).client().name(), List.of(log),
                                r -> reload[0] = r, changed);
                    });
            card = screens.clientCard(clientId);
            stage.setScene(new Scene((javafx.scene.Parent) card, 1280, 1000));
            stage.show();
            stage.toFront();
        });
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

    <T extends Node> T inCard(FxRobot robot, String query) {
        return robot.from(card).lookup(query).query();
    }

    /** A button of the card, pressed without the mouse (the card is taller than the headless screen). */
    void press(FxRobot robot, String query) {
        ButtonBase b = inCard(robot, query);
        robot.interact(b::fire);
    }

    void type(FxRobot robot, String query, String text) {
        TextField f = robot.lookup(query).query();
        robot.interact(() -> f.setText(text));
    }

    long count(String sql, Object... args) throws Exception {
        try (Connection c = app.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    ComboBox<Named> combo(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    @Test
    void theAdministratorWorksADayFromTheCard(FxRobot robot) throws Exception {
        showCard(robot, Locale.ENGLISH);
        TableView<ClientDealsViewModel.Row> deals = inCard(robot, "#client-deals-table");
        TableView<TaskRow> tasks = inCard(robot, "#client-tasks-table");
        waitUntil(() -> deals.getItems().size() == 1 && tasks.getItems().size() == 1);
        ClientDealsViewModel.Row row = deals.getItems().get(0);
        assertThat(row.title()).isEqualTo("Widgets");
        assertThat(row.stage()).isEqualTo(sales.firstOpenStage().name());
        assertThat(row.amount()).isEqualTo("1,000.00");
        assertThat(row.owner()).isEqualTo("Anna Petrova");
        assertThat(((Label) inCard(robot, "#client-deals-summary")).getText()).isEqualTo("1 deal");
        assertThat(tasks.getItems().get(0).task().title()).isEqualTo("Send the price list");
        assertThat(tasks.getItems().get(0).assigneeName()).isEqualTo("Anna Petrova");
        assertThat(((Label) inCard(robot, "#client-tasks-summary")).getText()).isEqualTo("1 open task");

        // double-click opens the deal
        Node firstRow = robot.from(deals).lookup(".table-row-cell").nth(0).query();
        robot.interact(() -> deals.scrollTo(0));
        robot.doubleClickOn(firstRow);
        waitUntil(() -> openedTabs.contains("deal:" + row.id()));

        // New deal: saved for this client in the first open stage, and the list follows
        press(robot, "#client-deal-new");
        waitUntil(() -> robot.lookup("#deal-new-title").tryQuery().isPresent());
        type(robot, "#deal-new-title", "Spare parts");
        type(robot, "#deal-new-amount", "2 500,50");
        ComboBox<Pipeline> pipeline = robot.lookup("#deal-new-pipeline").query();
        assertThat(pipeline.getItems()).extracting(Pipeline::id).contains(sales.id());
        robot.interact(() -> pipeline.getItems().stream().filter(p -> p.id().equals(sales.id())).findFirst()
                .ifPresent(pipeline::setValue));
        robot.clickOn("#deal-new-save");
        waitUntil(() -> deals.getItems().size() == 2);
        assertThat(count("SELECT COUNT(*) FROM deal WHERE client_id = ? AND title = 'Spare parts' AND amount = 2500.50 "
                + "AND stage_id = ?", clientId, sales.firstOpenStage().id())).isEqualTo(1);
        assertThat(((Label) inCard(robot, "#client-deals-summary")).getText()).isEqualTo("2 deals");

        // New task: this client is filled in; the administrator may give it to anyone
        press(robot, "#client-task-new");
        waitUntil(() -> robot.lookup("#taskAssignee").tryQuery().isPresent()
                && combo(robot, "#taskAssignee").getItems().size() == 3);
        assertThat(combo(robot, "#taskClient").getValue().name()).isEqualTo("Acme");
        assertThat(combo(robot, "#taskAssignee").getItems()).extracting(Named::name)
                .containsExactlyInAnyOrder("Administrator", "Anna Petrova", "Boris Orlov");
        type(robot, "#taskTitle", "Prepare the contract");
        robot.interact(() -> combo(robot, "#taskAssignee").getItems().stream()
                .filter(n -> n.id() == boris).findFirst().ifPresent(combo(robot, "#taskAssignee")::setValue));
        robot.clickOn("#taskSave");
        waitUntil(() -> tasks.getItems().size() == 2);
        assertThat(tasks.getItems()).extracting(TaskRow::assigneeName).contains("Boris Orlov");
        assertThat(count("SELECT COUNT(*) FROM task WHERE client_id = ? AND assignee_id = ? AND title = "
                + "'Prepare the contract'", clientId, boris)).isEqualTo(1);

        // Log call: an outgoing call of this client to its phone
        press(robot, "#client-call-log");
        waitUntil(() -> robot.lookup("#callPhone").tryQuery().isPresent());
        assertThat(((TextField) robot.lookup("#callPhone").query()).getText()).isEqualTo("+7 495 123-45-67");
        type(robot, "#callDuration", "2:30");
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").query();
        Node save = pane.getButtonTypes().stream()
                .filter(t -> t.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .map(pane::lookupButton).findFirst().orElseThrow();
        robot.clickOn(save);
        waitUntil(() -> count("SELECT COUNT(*) FROM phone_call WHERE client_id = ?", clientId) == 1);
        assertThat(count("SELECT COUNT(*) FROM phone_call WHERE client_id = ? AND direction = 'out' "
                + "AND duration_sec = 150", clientId)).isEqualTo(1);
        // the card's timeline shows the call without a reload
        javafx.scene.control.ListView<TimelineItem> timeline = inCard(robot, "#client-timeline");
        waitUntil(() -> timeline.getItems().stream()
                .anyMatch(i -> i.kind() == org.deskcrm.model.client.TimelineKind.CALL));
    }

    @Test
    void aManagerAssignsOnlyToSelfAndPicksAnotherClientInRussian(FxRobot robot) throws Exception {
        app.session().signIn(anna);
        showCard(robot, Locale.forLanguageTag("ru"));
        TableView<TaskRow> tasks = inCard(robot, "#client-tasks-table");
        waitUntil(() -> tasks.getItems().size() == 1);
        assertThat(((Label) inCard(robot, "#client-tasks-summary")).getText()).isEqualTo("Открытых задач: 1");
        assertThat(((ButtonBase) inCard(robot, "#client-task-new")).getText()).isEqualTo("Новая задача");
        assertThat(((ButtonBase) inCard(robot, "#client-deal-new")).getText()).isEqualTo("Новая сделка");
        assertThat(((ButtonBase) inCard(robot, "#client-call-log")).getText()).isEqualTo("Записать звонок");

        press(robot, "#client-task-new");
        waitUntil(() -> robot.lookup("#taskAssignee").tryQuery().isPresent()
                && combo(robot, "#taskAssignee").getItems().stream().noneMatch(n -> n.name().equals("…")));
        // a manager assigns only to self
        assertThat(combo(robot, "#taskAssignee").getItems()).extracting(Named::name).containsExactly("Anna Petrova");
        // the client picker finds another client by what is typed
        ComboBox<Named> client = combo(robot, "#taskClient");
        robot.interact(() -> client.getEditor().setText("Бет"));
        waitUntil(() -> client.getItems().stream().anyMatch(n -> n.id() == betaId));
        robot.interact(() -> client.getItems().stream().filter(n -> n.id() == betaId).findFirst()
                .ifPresent(client::setValue));
        type(robot, "#taskTitle", "Позвонить в Бету");
        robot.clickOn("#taskSave");
        waitUntil(() -> count("SELECT COUNT(*) FROM task WHERE client_id = ? AND assignee_id = ?", betaId,
                anna.id()) == 1);
        // the card's own list is this client's: still one task
        waitUntil(() -> tasks.getItems().size() == 1);

        // the deal's owner choice is the manager alone
        press(robot, "#client-deal-new");
        waitUntil(() -> robot.lookup("#deal-new-owner").tryQuery().isPresent());
        ComboBox<java.util.Map.Entry<Long, String>> owner = robot.lookup("#deal-new-owner").query();
        assertThat(owner.getItems()).extracting(java.util.Map.Entry::getKey).containsExactly(anna.id());
        assertThat(owner.getValue().getValue()).isEqualTo("Anna Petrova");
    }
}
