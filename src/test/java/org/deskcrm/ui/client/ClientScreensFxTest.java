package org.deskcrm.ui.client;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientListItem;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.service.client.Requisites;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real client list and card in a window with tabs, driven by keyboard and mouse. */
@ExtendWith(ApplicationExtension.class)
class ClientScreensFxTest {
    static final String INN = Requisites.completeInn("770708389");

    ClientUiFixture fx;
    TabWorkspace workspace;
    ScriptedDialogs dialogs;
    FxTaskExecutor executor;
    long existingId;

    @Start
    void start(Stage stage) {
        fx = new ClientUiFixture();
        existingId = fx.app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Старый клиент"),
                List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, "+79123456789"))), fx.managerId).id();
        workspace = new TabWorkspace();
        dialogs = new ScriptedDialogs();
        executor = new FxTaskExecutor(2);
        workspace.screens = new ClientScreens(fx.context(executor, workspace, dialogs));
        workspace.screens.openClientList();
        stage.setScene(new Scene(workspace.root, 1280, 860));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        fx.close();
    }

    <T extends Node> T in(FxRobot robot, String query) {
        return robot.from(workspace.selectedContent()).lookup(query).query();
    }

    <T extends Node> T nth(FxRobot robot, String query, int i) {
        return robot.from(workspace.selectedContent()).lookup(query).nth(i).query();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void type(FxRobot robot, Node field, String text) {
        robot.clickOn(field).write(text);
    }

    long count() {
        return fx.app.clients().count(ClientFilter.ALL.withArchived(true));
    }

    void openNewCard(FxRobot robot) throws Exception {
        robot.clickOn("#client-list-new");
        waitUntil(() -> workspace.tabs.getTabs().size() == 2
                && ((TextField) in(robot, "#client-name")) != null
                && !in(robot, "#client-owner").isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void createAClientWithTwoContactsThroughTheCard(FxRobot robot) throws Exception {
        openNewCard(robot);
        type(robot, in(robot, "#client-name"), "ООО «Вектор»");
        type(robot, in(robot, "#client-inn"), INN);
        robot.clickOn((Node) in(robot, ".add-channel-phone"));
        type(robot, in(robot, ".channel-value"), "8 (495) 123-45-67");
        robot.clickOn("#client-add-contact");
        robot.clickOn("#client-add-contact");
        type(robot, nth(robot, ".contact-name", 0), "Иван Петров");
        type(robot, nth(robot, ".contact-position", 0), "Директор");
        type(robot, nth(robot, ".contact-name", 1), "Ольга Смирнова");
        Node secondContact = nth(robot, ".contact-box", 1);
        robot.clickOn((Node) robot.from(secondContact).lookup(".add-channel-email").query());
        type(robot, robot.from(secondContact).lookup(".channel-value").query(), "olga@vector.ru");
        assertThat(workspace.tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("ООО «Вектор» *");

        long before = count();
        robot.clickOn("#client-save");
        waitUntil(() -> count() == before + 1 && !workspace.tabs.getSelectionModel().getSelectedItem().getText()
                .endsWith("*"));

        long id = fx.app.clients().search("вектор", 5).get(0).id();
        ClientCard saved = fx.app.clients().load(id);
        assertThat(saved.client().inn()).isEqualTo(INN);
        assertThat(saved.client().ownerId()).isEqualTo(fx.managerId);
        assertThat(saved.contacts()).extracting(c -> c.fullName()).containsExactly("Иван Петров", "Ольга Смирнова");
        assertThat(saved.contacts().get(0).jobTitle()).isEqualTo("Директор");
        assertThat(saved.channels()).extracting(Channel::normalized)
                .containsExactlyInAnyOrder("+74951234567", "olga@vector.ru");
        assertThat(saved.channels()).filteredOn(c -> c.kind() == ChannelKind.EMAIL)
                .extracting(Channel::contactId).containsExactly(saved.contacts().get(1).id());
        assertThat(workspace.tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("ООО «Вектор»");
        assertThat(workspace.status.getText()).isEqualTo("Client “ООО «Вектор»” saved");
        // the tab now has the client's key: an edit after the first save still marks and renames it
        type(robot, in(robot, "#client-name"), " Плюс");
        waitUntil(() -> workspace.tabs.getSelectionModel().getSelectedItem().getText().equals("ООО «Вектор» Плюс *"));
        dialogs.confirmAnswer = false;
        assertThat(workspace.screens.canClose(ClientScreens.cardKey(id))).isFalse();
    }

    @Test
    void findByAPhoneTypedDifferentlyThenEditAndSeeTheAuditEntry(FxRobot robot) throws Exception {
        TableView<ClientListItem> table = in(robot, "#client-list-table");
        waitUntil(() -> table.getItems().size() == 1);
        type(robot, in(robot, "#client-list-search"), "8 (912) 345-67-89");
        robot.push(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 1 && table.getItems().get(0).id() == existingId
                && ((Label) in(robot, "#client-list-count")).getText().equals("1 client"));
        // nothing else matches a different number
        robot.clickOn((Node) in(robot, "#client-list-search")).push(KeyCode.BACK_SPACE).write("0").push(KeyCode.ENTER);
        waitUntil(() -> table.getItems().isEmpty());
        robot.push(KeyCode.BACK_SPACE).write("9").push(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 1);

        robot.doubleClickOn(robot.from(table).lookup(".table-row-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> workspace.tab(ClientScreens.cardKey(existingId)) != null
                && "Старый клиент".equals(((TextField) in(robot, "#client-name")).getText()));
        TextField industry = in(robot, "#client-industry");
        type(robot, industry, "Станкостроение");
        TextField name = in(robot, "#client-name");
        robot.clickOn(name).push(KeyCode.END).write(" (ключевой)");
        robot.clickOn("#client-save");
        waitUntil(() -> "Старый клиент (ключевой)".equals(fx.app.clients().load(existingId).client().name()));
        assertThat(fx.app.clients().load(existingId).client().industry()).isEqualTo("Станкостроение");
        List<AuditEvent> audit = fx.app.audit().forRecord("client", existingId, 20);
        assertThat(audit).extracting(AuditEvent::field).contains("name", "industry");
        waitUntil(() -> robot.from(workspace.selectedContent()).lookup(".tl-headline").queryAllAs(Label.class)
                .stream().anyMatch(l -> l.getText().equals("Changed Name")));
        // the open list (another tab) reloaded by itself when the card was saved: no refresh click
        waitUntil(() -> table.getItems().size() == 1
                && table.getItems().get(0).row().name().equals("Старый клиент (ключевой)"));
    }

    @Test
    void savingANewCardAddsItToTheOpenListWithoutARefresh(FxRobot robot) throws Exception {
        TableView<ClientListItem> table = in(robot, "#client-list-table");
        waitUntil(() -> table.getItems().size() == 1);
        openNewCard(robot);
        type(robot, in(robot, "#client-name"), "Новый без обновления");
        robot.clickOn("#client-save");
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(i -> i.row().name()).contains("Новый без обновления");
        // a list whose tab was closed no longer listens
        robot.interact(() -> workspace.closeTab(ClientScreens.LIST_KEY));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getScene()).isNull();
    }

    @Test
    void badInnIsShownAtTheFieldAndNothingIsSaved(FxRobot robot) throws Exception {
        openNewCard(robot);
        type(robot, in(robot, "#client-name"), "Ошибочный ИНН");
        type(robot, in(robot, "#client-inn"), "7707083894");
        long before = count();
        robot.clickOn("#client-save");
        TextField inn = in(robot, "#client-inn");
        waitUntil(() -> inn.getStyleClass().contains("field-error"));
        Label error = robot.from(inn.getParent()).lookup(".field-error-text").query();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("INN control digits do not match: check for a typo");
        assertThat(inn.getTooltip().getText()).isEqualTo(error.getText());
        assertThat(((TextField) in(robot, "#client-name")).getStyleClass()).doesNotContain("field-error");
        assertThat(((Label) in(robot, "#client-message")).getText()).startsWith("Not saved");
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(count()).isEqualTo(before);
        assertThat(((TextField) in(robot, "#client-name")).getText()).isEqualTo("Ошибочный ИНН");
    }

    @Test
    void duplicateWarningForTheSamePhone(FxRobot robot) throws Exception {
        openNewCard(robot);
        type(robot, in(robot, "#client-name"), "Совсем новый");
        robot.clickOn((Node) in(robot, ".add-channel-phone"));
        type(robot, in(robot, ".channel-value"), "8 912 345 67 89");
        dialogs.answer(0); // open existing
        long before = count();
        robot.clickOn("#client-save");
        waitUntil(() -> workspace.tab(ClientScreens.cardKey(existingId)) != null);
        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.asked.get(0).title()).isEqualTo("Possible duplicate");
        assertThat(dialogs.asked.get(0).message()).contains("Старый клиент").contains("same phone 8 912 345 67 89");
        assertThat(count()).isEqualTo(before);
        assertThat(((Button) robot.lookup("#client-save").nth(0).query()).isDisabled()).isFalse();
        assertThat(fx.app.clients().count(ClientQuery.DEFAULT.filter())).isEqualTo(1);
    }

    @Test
    void unsavedCardAsksBeforeClosing(FxRobot robot) throws Exception {
        openNewCard(robot);
        String key = workspace.tabs.getSelectionModel().getSelectedItem().getId().replace("tab-", "")
                .replace('-', ':');
        assertThat(workspace.screens.canClose(key)).isTrue();
        type(robot, in(robot, "#client-name"), "Черновик");
        assertThat(workspace.screens.hasUnsavedCards()).isTrue();
        dialogs.confirmAnswer = false;
        assertThat(workspace.screens.canClose(key)).isFalse();
        assertThat(dialogs.asked.get(dialogs.asked.size() - 1).message())
                .isEqualTo("“Черновик” has changes that are not saved. Close it and lose them?");
        robot.clickOn("#client-save");
        waitUntil(() -> !workspace.screens.hasUnsavedCards());
        assertThat(workspace.screens.canClose(key)).isTrue();
        assertThat(workspace.screens.canClose(ClientScreens.LIST_KEY)).isTrue();
    }
}
