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
import org.deskcrm.model.control.ControlIndicator;
import org.deskcrm.model.control.ControlItem;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.RecordingWorkspace;
import org.deskcrm.ui.control.ControlScreens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;

/**
 * The supervisor's list of suspected duplicates leads to the merge: "Merge…" on a row opens the dialog with
 * that client and the one it resembles side by side; after the merge the pair leaves the list. A row
 * without another client (none here) has the item disabled.
 */
@ExtendWith(ApplicationExtension.class)
class MergeFromControlListFxTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    AppContext app;
    FxTaskExecutor executor;
    Stage stage;
    long acme;
    long acmeTwin;
    final RecordingWorkspace workspace = new RecordingWorkspace();

    @Start
    void start(Stage stage) {
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        this.stage = stage;
        app = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        long admin = app.ensureReferenceData(Locale.ENGLISH);
        long anna = app.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        acme = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Acme Tools").withOwner(anna),
                List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 123-45-67"))), admin).id();
        acmeTwin = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Globex").withOwner(anna),
                List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, "8 (495) 123-45-67"))), admin).id();
        app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Initech").withOwner(anna),
                List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, "+7 812 555-00-11"))), admin);
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.hideStage();
        if (executor != null) {
            executor.close();
        }
        app.close();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSuspectedDuplicateIsMergedFromTheControlList(FxRobot robot) throws Exception {
        executor = new FxTaskExecutor(2);
        I18n i18n = new I18n(Locale.ENGLISH);
        robot.interact(() -> {
            MergeScreens merges = new MergeScreens(app.merge().service(), executor, i18n, workspace, app.session()::userId);
            new ControlScreens(app.control(), executor, i18n, workspace, ZoneId.of("UTC"), () -> null)
                    .withMerge(i18n.get("merge.menu"), merges::open)
                    .openList(ControlIndicator.SUSPECTED_DUPLICATES);
            stage.setScene(new Scene((javafx.scene.Parent) workspace.contents.get(0), 1000, 600));
            stage.show();
            stage.toFront();
        });
        TableView<ControlItem> table = robot.lookup("#controlList").query();
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(ControlItem::otherClientId).containsExactlyInAnyOrder(acme, acmeTwin);

        robot.interact(() -> table.getSelectionModel().select(0));
        Node firstCell = robot.from(table).lookup(".table-row-cell").nth(0).query();
        // Monocle sends no context-menu request for a robot's right click: show the table's menu where it would be
        robot.interact(() -> table.getContextMenu().show(firstCell, javafx.geometry.Side.BOTTOM, 20, 0));
        robot.clickOn("Merge…");
        waitUntil(() -> robot.lookup("#merge-records-left").tryQuery().isPresent()
                && !((Label) robot.lookup("#merge-records-left").query()).getText().isEmpty());
        robot.clickOn("#merge-apply");

        waitUntil(() -> table.getItems().isEmpty());
        var dsl = app.database().dsl();
        assertThat(dsl.fetchCount(CLIENT, CLIENT.ID.in(acme, acmeTwin))).as("one of the pair stays").isEqualTo(1);
        long survivor = dsl.select(CLIENT.ID).from(CLIENT).where(CLIENT.ID.in(acme, acmeTwin)).fetchOne(CLIENT.ID);
        assertThat(dsl.fetchCount(CHANNEL, CHANNEL.CLIENT_ID.eq(survivor))).as("the phone on the survivor").isPositive();
        assertThat(workspace.statuses).anyMatch(s -> s.startsWith("Clients merged"));
    }
}
