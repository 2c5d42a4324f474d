package org.deskcrm.ui.client;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real conflict on the real client card: the card is open, someone else saves the client, the user
 * saves their edits and gets the conflict dialog with both versions field by field.
 */
@ExtendWith(ApplicationExtension.class)
class ClientConflictFxTest {
    // the database is prepared off the FX thread, before the window starts (slow on a busy machine)
    final ClientUiFixture fx = new ClientUiFixture();
    final long id = fx.app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Romashka")
            .withOwner(fx.managerId).withDetails(null, "Moscow", null, null, null, "old notes", List.of()),
            List.of(), List.of()), fx.managerId).id();
    TabWorkspace workspace;
    FxTaskExecutor executor;

    @Start
    void start(Stage stage) {
        workspace = new TabWorkspace();
        executor = new FxTaskExecutor(2);
        workspace.screens = new ClientScreens(fx.context(executor, workspace, new ScriptedDialogs()));
        workspace.screens.openClientCard(id);
        stage.setScene(new Scene(workspace.root, 1280, 860));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        fx.close();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    <T extends Node> T in(FxRobot robot, String query) {
        return robot.from(workspace.selectedContent()).lookup(query).query();
    }

    /** The user edits notes and website; meanwhile a colleague changes region and notes and saves first. */
    void editAgainstAColleague(FxRobot robot) throws Exception {
        waitUntil(() -> workspace.selectedContent() != null && in(robot, "#client-name") != null
                && "Romashka".equals(((TextInputControl) in(robot, "#client-name")).getText()));
        ClientCard loaded = fx.app.clients().load(id);
        Client c = loaded.client();
        fx.app.clients().save(new ClientCard(c.withDetails(c.address(), "Kazan", c.industry(), c.website(), c.sourceId(),
                "their notes", c.tags()), loaded.contacts(), loaded.channels()), fx.otherManagerId);

        TextInputControl notes = in(robot, "#client-notes");
        robot.interact(notes::clear);
        robot.clickOn(notes).write("my notes");
        TextInputControl website = in(robot, "#client-website");
        robot.clickOn(website).write("mine.example");
        robot.clickOn("#client-save");
        waitUntil(() -> robot.lookup("#conflict-dialog").tryQuery().isPresent());
    }

    String radio(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    @Test
    void theDialogShowsBothVersionsAndSavesAMergeByHand(FxRobot robot) throws Exception {
        editAgainstAColleague(robot);
        assertThat(radio(robot, "#conflict-mine-notes")).isEqualTo("my notes");
        assertThat(radio(robot, "#conflict-theirs-notes")).isEqualTo("their notes");
        assertThat(radio(robot, "#conflict-mine-region")).isEqualTo("Moscow");
        assertThat(radio(robot, "#conflict-theirs-region")).isEqualTo("Kazan");
        assertThat(radio(robot, "#conflict-mine-website")).isEqualTo("mine.example");
        assertThat(robot.lookup("#conflict-mine-name").tryQuery()).as("equal fields are not listed").isEmpty();

        robot.clickOn("#conflict-theirs-region");
        TextInputControl notes = robot.lookup("#conflict-result-notes").queryAs(TextInputControl.class);
        assertThat(notes.getText()).isEqualTo("my notes");
        robot.interact(() -> notes.setText(""));
        robot.clickOn(notes).write("my notes + their notes");
        robot.clickOn("#conflict-merge");

        waitUntil(() -> fx.app.clients().load(id).client().version() == 2);
        Client saved = fx.app.clients().load(id).client();
        assertThat(saved.region()).isEqualTo("Kazan");
        assertThat(saved.notes()).isEqualTo("my notes + their notes");
        assertThat(saved.website()).isEqualTo("mine.example");
        waitUntil(() -> "Kazan".equals(((TextInputControl) in(robot, "#client-region")).getText()));
    }

    @Test
    void keepMineOverwritesKnowinglyAndClosingKeepsTheTyping(FxRobot robot) throws Exception {
        editAgainstAColleague(robot);
        robot.clickOn("#conflict-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((TextInputControl) in(robot, "#client-notes")).getText()).isEqualTo("my notes");
        assertThat(fx.app.clients().load(id).client().version()).isEqualTo(1);

        robot.clickOn("#client-save");
        waitUntil(() -> robot.lookup("#conflict-dialog").tryQuery().isPresent());
        robot.clickOn("#conflict-keep-mine");
        waitUntil(() -> fx.app.clients().load(id).client().version() == 2);
        Client saved = fx.app.clients().load(id).client();
        assertThat(saved.region()).isEqualTo("Moscow");
        assertThat(saved.notes()).isEqualTo("my notes");
        assertThat(Optional.ofNullable(saved.website())).contains("mine.example");
    }
}
