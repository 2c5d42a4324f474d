package org.deskcrm.ui.deal;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.StageChange;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The real board on a real H2 database: dragging cards between columns moves deals. */
@ExtendWith(ApplicationExtension.class)
class DealBoardViewTest {
    /** Answers choose() with a preset option and records the questions. */
    static final class ScriptedDialogs implements DialogService {
        Optional<Integer> answer = Optional.empty();
        final List<List<String>> asked = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override
        public void error(String title, String message) {
            errors.add(message);
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
            asked.add(options);
            return answer;
        }

        @Override
        public Optional<String> prompt(String title, String message, String initial) {
            return Optional.empty();
        }
    }

    AppContext ctx;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    Pipeline sales;
    long anna;
    long first;
    long second;

    @Start
    void start(Stage stage) {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(Instant.parse("2026-03-10T09:30:00Z"), ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        anna = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        long client = ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Ромашка").withOwner(anna),
                List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 123-45-67"))), anna).id();
        sales = ctx.pipelines().findByCode("sales").orElseThrow();
        DealService deals = ctx.dealFeature().deals();
        first = deals.create(Deal.draft("Станки", client, anna, sales.id(), sales.firstOpenStage().id(),
                new BigDecimal("120000")), List.of(), anna).id();
        second = deals.create(Deal.draft("Фрезы", client, anna, sales.id(), sales.firstOpenStage().id(),
                new BigDecimal("30000")), List.of(), anna).id();
        I18n i18n = new I18n(Locale.ENGLISH);
        DealBoardViewModel vm = new DealBoardViewModel(deals, new SameThreadExecutor(), i18n, dialogs, () -> anna,
                deals.zone());
        DealBoardView view = new DealBoardView(vm, i18n, id -> { });
        stage.setScene(new Scene(view, 1200, 600));
        stage.show();
        vm.load();
        assertThat(vm.filter().selectPipeline(sales.id())).isTrue();
        vm.refresh();
        assertThat(dialogs.errors).isEmpty();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void draggingACardToAnotherColumnMovesTheDealAndWritesHistory(FxRobot robot) {
        long target = sales.stages().get(1).id();
        robot.drag("#deal-card-" + first).dropTo("#stage-column-" + target);
        WaitForAsyncUtils.waitForFxEvents();

        List<StageChange> history = ctx.deals().history(first);
        assertThat(history).extracting(StageChange::toStageId).containsExactly(sales.firstOpenStage().id(), target);
        assertThat(history.get(1).changedBy()).isEqualTo(anna);
        assertThat(dialogs.asked).isEmpty();
        assertThat(dialogs.errors).isEmpty();
        assertThat(robot.lookup("#stage-column-" + target).lookup("#deal-card-" + first).tryQuery()).isPresent();
        assertThat(robot.lookup("#stage-summary-" + target).queryAs(Label.class).getText()).startsWith("1 deals · 120");
        assertThat(robot.lookup("#stage-summary-" + sales.firstOpenStage().id()).queryAs(Label.class).getText())
                .startsWith("1 deals · 30");
    }

    @Test
    void droppingOnTheLostColumnAsksForTheReason(FxRobot robot) {
        long lost = sales.stageOfKind(StageKind.LOST).id();
        List<Long> reasonIds = new ArrayList<>(ctx.pipelines().lostReasons().keySet());

        dialogs.answer = Optional.empty(); // cancelled: nothing moves
        robot.drag("#deal-card-" + second).dropTo("#stage-column-" + lost);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.asked.get(0)).containsExactlyElementsOf(ctx.pipelines().lostReasons().values());
        assertThat(ctx.deals().history(second)).hasSize(1);

        dialogs.answer = Optional.of(1);
        robot.drag("#deal-card-" + second).dropTo("#stage-column-" + lost);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.asked).hasSize(2);
        assertThat(ctx.deals().history(second)).extracting(StageChange::toStageId).endsWith(lost);
        Deal d = ctx.dealFeature().deals().find(second);
        assertThat(d.stageId()).isEqualTo(lost);
        assertThat(d.lostReasonId()).isEqualTo(reasonIds.get(1));
        assertThat(dialogs.errors).isEmpty();
    }

    /**
     * The stored deal totals as rows of text, in a fixed order (what the reports read), summed over the reached
     * order: a deal moved to "won" and back did reach "won" (its history says so, and the funnel counts it), so
     * only that key of its created row differs from before the move.
     */
    private List<String> storedTotals() {
        return ctx.database().dsl().fetch("select kind, day_no, owner_id, pipeline_id, source_id, score_band,"
                        + " lost_reason_id, stage_id, sum(deal_count), sum(amount) from deal_total group by kind, day_no,"
                        + " owner_id, pipeline_id, source_id, score_band, lost_reason_id, stage_id")
                .stream().map(r -> r.formatCSV(false).trim()).sorted().toList();
    }

    @Test
    void aDropShowsANoticeWhoseUndoMovesTheDealBackWithHistoryAndTotals(FxRobot robot) {
        long start = sales.firstOpenStage().id();
        org.deskcrm.model.deal.Stage won = sales.stageOfKind(StageKind.WON);
        List<String> totalsBefore = storedTotals();
        assertThat(robot.lookup("#deal-move-bar").query().isVisible()).isFalse();

        robot.drag("#deal-card-" + first).dropTo("#stage-column-" + won.id());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ctx.dealFeature().deals().find(first).stageId()).isEqualTo(won.id());
        javafx.scene.control.Labeled notice = robot.lookup("#deal-move-notice").queryLabeled();
        assertThat(robot.lookup("#deal-move-bar").query().isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo("Moved «Станки» to «" + won.name() + "»");
        assertThat(storedTotals()).isNotEqualTo(totalsBefore); // the win is counted

        robot.clickOn("#deal-move-undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ctx.dealFeature().deals().find(first).stageId()).isEqualTo(start);
        assertThat(ctx.deals().history(first)).extracting(StageChange::toStageId).containsExactly(start, won.id(), start);
        assertThat(ctx.deals().history(first).get(2).changedBy()).isEqualTo(anna);
        assertThat(storedTotals()).isEqualTo(totalsBefore);
        assertThat(ctx.database().dsl().fetchValue("select reached_order from deal_total where kind = 'created'"
                + " and day_no > 1000000 and reached_order = ?", won.order())).as("it reached the won stage").isNotNull();
        assertThat(robot.lookup("#deal-move-bar").query().isVisible()).isFalse();
        assertThat(robot.lookup("#stage-column-" + start).lookup("#deal-card-" + first).tryQuery()).isPresent();
        assertThat(robot.lookup("#stage-summary-" + start).queryAs(Label.class).getText()).startsWith("2 deals · 150");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void undoBackToALostStageKeepsTheReasonAndTheNoticeLeavesByItself(FxRobot robot) {
        long lost = sales.stageOfKind(StageKind.LOST).id();
        long next = sales.stages().get(1).id();
        dialogs.answer = Optional.of(1);
        robot.drag("#deal-card-" + second).dropTo("#stage-column-" + lost);
        WaitForAsyncUtils.waitForFxEvents();
        Long reason = ctx.dealFeature().deals().find(second).lostReasonId();
        assertThat(reason).isNotNull();
        robot.drag("#deal-card-" + second).dropTo("#stage-column-" + next);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#deal-move-undo");
        WaitForAsyncUtils.waitForFxEvents();
        Deal back = ctx.dealFeature().deals().find(second);
        assertThat(back.stageId()).isEqualTo(lost);
        assertThat(back.lostReasonId()).isEqualTo(reason);
        assertThat(dialogs.asked).hasSize(1); // the undo asked nothing

        robot.drag("#deal-card-" + first).dropTo("#stage-column-" + next);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#deal-move-bar").query().isVisible()).isTrue();
        WaitForAsyncUtils.sleep((long) DealBoardView.NOTICE_TIME.toMillis() + 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#deal-move-bar").query().isVisible()).isFalse();
        assertThat(dialogs.errors).isEmpty();
    }
}
