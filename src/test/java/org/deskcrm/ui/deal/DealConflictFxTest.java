package org.deskcrm.ui.deal;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real conflict on the real deal card: the card is open, a colleague saves the deal through the
 * service, the user saves their edits and gets the conflict dialog with both versions field by field.
 * The card runs as manager Anna (her scope), so the owner picker offers only her.
 */
@ExtendWith(ApplicationExtension.class)
class DealConflictFxTest {
    final AppContext ctx = new AppContext(TestDatabases.h2(), Clock.fixed(Instant.parse("2026-03-10T09:30:00Z"), ZoneOffset.UTC));
    final long anna;
    final long boris;
    final long dealId;
    final DealService deals;
    final DealService asAnna;
    FxTaskExecutor executor;

    DealConflictFxTest() {
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        anna = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        boris = ctx.users().insert(User.draft("boris", "Boris Ivanov", Role.MANAGER, null), null);
        long client = ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Vector").withOwner(anna),
                List.of(), List.of()), anna).id();
        Pipeline sales = ctx.pipelines().findByCode("sales").orElseThrow();
        deals = ctx.dealFeature().deals();
        dealId = deals.create(Deal.draft("Mills", client, anna, sales.id(), sales.firstOpenStage().id(),
                new BigDecimal("1000")), List.of(), anna).id();
        // a second service over the same database, seen as Anna (the shared one stays unrestricted for the colleague)
        asAnna = new AppContext(ctx.database(), Clock.systemUTC()).dealFeature().deals()
                .restrictedTo(() -> AccessScope.owner(anna, null));
    }

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor(2);
        DealScreensTest.TabsInAWindow workspace = new DealScreensTest.TabsInAWindow();
        DealScreens screens = new DealScreens(asAnna, executor, new I18n(Locale.ENGLISH), workspace,
                new DealBoardViewTest.ScriptedDialogs(), () -> anna, asAnna.zone());
        screens.openDeal(dealId);
        stage.setScene(new Scene(workspace.root, 1100, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        ctx.close();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String radio(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    /** Anna edits title and amount; meanwhile Boris changes title and expected close and saves first. */
    void editAgainstAColleague(FxRobot robot) throws Exception {
        waitUntil(() -> "Mills".equals(robot.lookup("#deal-edit-title").queryAs(TextInputControl.class).getText()));
        Deal d = deals.find(dealId);
        deals.update(new Deal(d.id(), "Mills for the workshop", d.clientId(), d.contactId(), d.ownerId(), d.pipelineId(),
                d.stageId(), d.amount(), LocalDate.of(2026, 4, 30), d.sourceId(), d.score(), d.band(), d.lostReasonId(),
                d.lostNote(), d.createdAt(), d.stageChangedAt(), d.closedAt(), d.version()), List.of(), boris);

        TextInputControl title = robot.lookup("#deal-edit-title").queryAs(TextInputControl.class);
        robot.interact(title::clear);
        robot.clickOn(title).write("Mills, 4 pcs");
        TextInputControl amount = robot.lookup("#deal-edit-amount").queryAs(TextInputControl.class);
        robot.interact(amount::clear);
        robot.clickOn(amount).write("2500");
        robot.clickOn("#deal-save");
        waitUntil(() -> robot.lookup("#conflict-dialog").tryQuery().isPresent());
    }

    @Test
    void theDialogShowsBothVersionsAndSavesTheMerge(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<Choice<Long>> owner = robot.lookup("#deal-edit-owner").queryAs(ComboBox.class);
        waitUntil(() -> !owner.getItems().isEmpty());
        assertThat(owner.getItems()).extracting(Choice::label).containsExactly("Anna Petrova");

        editAgainstAColleague(robot);
        assertThat(radio(robot, "#conflict-mine-title")).isEqualTo("Mills, 4 pcs");
        assertThat(radio(robot, "#conflict-theirs-title")).isEqualTo("Mills for the workshop");
        assertThat(radio(robot, "#conflict-mine-amount")).isEqualTo("2,500.00");
        assertThat(radio(robot, "#conflict-theirs-amount")).isEqualTo("1,000.00");
        assertThat(radio(robot, "#conflict-theirs-expectedClose")).isEqualTo("Apr 30, 2026");
        assertThat(robot.lookup("#conflict-mine-owner").tryQuery()).as("equal fields are not listed").isEmpty();

        robot.clickOn("#conflict-theirs-expectedClose");
        TextInputControl merged = robot.lookup("#conflict-result-title").queryAs(TextInputControl.class);
        robot.interact(() -> merged.setText(""));
        robot.clickOn(merged).write("Mills for the workshop, 4 pcs");
        robot.clickOn("#conflict-merge");

        waitUntil(() -> deals.find(dealId).version() == 2);
        Deal saved = deals.find(dealId);
        assertThat(saved.title()).isEqualTo("Mills for the workshop, 4 pcs");
        assertThat(saved.amount()).isEqualByComparingTo("2500");
        assertThat(saved.expectedClose()).isEqualTo(LocalDate.of(2026, 4, 30));
        waitUntil(() -> "Saved.".equals(robot.lookup("#deal-message").queryAs(Labeled.class).getText()));
        assertThat(robot.lookup("#deal-edit-title").queryAs(TextInputControl.class).getText())
                .isEqualTo("Mills for the workshop, 4 pcs");
    }

    @Test
    void keepMineOverwritesKnowinglyAndTakeTheirsShowsTheirs(FxRobot robot) throws Exception {
        editAgainstAColleague(robot);
        robot.clickOn("#conflict-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#deal-edit-title").queryAs(TextInputControl.class).getText()).isEqualTo("Mills, 4 pcs");
        assertThat(deals.find(dealId).version()).isEqualTo(1);

        robot.clickOn("#deal-save");
        waitUntil(() -> robot.lookup("#conflict-dialog").tryQuery().isPresent());
        robot.clickOn("#conflict-keep-mine");
        waitUntil(() -> deals.find(dealId).version() == 2);
        Deal saved = deals.find(dealId);
        assertThat(saved.title()).isEqualTo("Mills, 4 pcs");
        assertThat(saved.amount()).isEqualByComparingTo("2500");
        assertThat(saved.expectedClose()).as("not edited by me: mine is the form's, as loaded").isNull();

        Deal d = deals.find(dealId);
        deals.update(new Deal(d.id(), "Boris's title", d.clientId(), d.contactId(), d.ownerId(), d.pipelineId(),
                d.stageId(), d.amount(), d.expectedClose(), d.sourceId(), d.score(), d.band(), d.lostReasonId(),
                d.lostNote(), d.createdAt(), d.stageChangedAt(), d.closedAt(), d.version()), List.of(), boris);
        waitUntil(() -> "Saved.".equals(robot.lookup("#deal-message").queryAs(Labeled.class).getText()));
        TextInputControl title = robot.lookup("#deal-edit-title").queryAs(TextInputControl.class);
        robot.interact(title::clear);
        robot.clickOn(title).write("Anna's title");
        robot.clickOn("#deal-save");
        waitUntil(() -> robot.lookup("#conflict-dialog").tryQuery().isPresent());
        robot.clickOn("#conflict-take-theirs");
        waitUntil(() -> "Boris's title".equals(robot.lookup("#deal-edit-title").queryAs(TextInputControl.class).getText()));
        assertThat(deals.find(dealId).version()).isEqualTo(3);
    }
}
