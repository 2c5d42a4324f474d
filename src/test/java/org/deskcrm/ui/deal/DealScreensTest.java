package org.deskcrm.ui.deal;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.common.Workspace;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The list and the card, built through {@link DealScreens} as the shell does, on a real H2 database. */
@ExtendWith(ApplicationExtension.class)
class DealScreensTest {
    /** A workspace that shows the last opened tab in the window and remembers titles. */
    static final class TabsInAWindow implements Workspace {
        final StackPane root = new StackPane();
        final Map<String, String> titles = new LinkedHashMap<>();

        @Override
        public void openTab(String key, String title, Supplier<Node> content) {
            if (!titles.containsKey(key)) {
                root.getChildren().setAll(content.get());
            }
            titles.putIfAbsent(key, title);
        }

        @Override
        public void retitleTab(String key, String title) {
            titles.computeIfPresent(key, (k, old) -> title);
        }

        @Override
        public void closeTab(String key) {
            titles.remove(key);
        }

        @Override
        public void rekeyTab(String oldKey, String newKey) {
        }

        @Override
        public void status(String text) {
        }

        @Override
        public void openClient(long clientId) {
        }

        @Override
        public void newClient() {
        }
    }

    AppContext ctx;
    DealScreens screens;
    TabsInAWindow workspace = new TabsInAWindow();
    DealBoardViewTest.ScriptedDialogs dialogs = new DealBoardViewTest.ScriptedDialogs();
    long dealId;
    Pipeline sales;

    @Start
    void start(Stage stage) {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(Instant.parse("2026-03-10T09:30:00Z"), ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        long anna = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        long boris = ctx.users().insert(User.draft("boris", "Boris Ivanov", Role.MANAGER, null), null);
        long client = ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Вектор").withOwner(anna),
                List.of(), List.of()), anna).id();
        long product = ctx.pipelines().addProduct("SKU-1", "Фреза", "pcs", new BigDecimal("500"));
        sales = ctx.pipelines().findByCode("sales").orElseThrow();
        DealService deals = ctx.dealFeature().deals();
        dealId = deals.create(Deal.draft("Фрезы для цеха", client, anna, sales.id(), sales.firstOpenStage().id(),
                        BigDecimal.ZERO),
                List.of(new DealLine(null, product, null, new BigDecimal("4"), new BigDecimal("500"), BigDecimal.ZERO)),
                anna).id();
        deals.move(dealId, 0, sales.stages().get(1).id(), null, null, boris);
        deals.create(Deal.draft("Чужая", client, boris, sales.id(), sales.firstOpenStage().id(), BigDecimal.TEN),
                List.of(), boris);
        screens = new DealScreens(deals, new SameThreadExecutor(), new I18n(Locale.ENGLISH), workspace, dialogs,
                () -> anna, deals.zone());
        stage.setScene(new Scene(workspace.root, 1100, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void theListShowsFilteredDealsAndOpensTheCardWithLinesAndHistory(FxRobot robot) {
        robot.interact(screens::openList);
        @SuppressWarnings("unchecked")
        TableView<DealRow> table = robot.lookup("#deal-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(DealRow::title).containsExactlyInAnyOrder("Фрезы для цеха", "Чужая");

        ComboBox<Choice<Long>> owner = robot.lookup("#deal-filter-owner").queryComboBox();
        robot.interact(() -> owner.getSelectionModel().select(owner.getItems().stream()
                .filter(c -> c.label().equals("Boris Ivanov")).findFirst().orElseThrow()));
        assertThat(table.getItems()).extracting(DealRow::title).containsExactly("Чужая");
        robot.interact(() -> owner.getSelectionModel().select(0));
        assertThat(table.getItems()).hasSize(2);

        robot.doubleClickOn("Фрезы для цеха");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workspace.titles).containsEntry("deal:" + dealId, "Фрезы для цеха");
        assertThat(robot.lookup("#deal-card-title").queryAs(Label.class).getText()).isEqualTo("Фрезы для цеха");
        @SuppressWarnings("unchecked")
        TableView<DealCardViewModel.HistoryRow> history = robot.lookup("#deal-history").queryAs(TableView.class);
        assertThat(history.getItems()).extracting(DealCardViewModel.HistoryRow::to)
                .containsExactly(sales.stages().get(1).name(), sales.firstOpenStage().name());
        assertThat(history.getItems().get(0).who()).isEqualTo("Boris Ivanov");
        @SuppressWarnings("unchecked")
        TableView<DealLine> lines = robot.lookup("#deal-lines").queryAs(TableView.class);
        assertThat(lines.getItems()).singleElement().satisfies(l -> {
            assertThat(l.productName()).isEqualTo("Фреза");
            assertThat(l.amount()).isEqualByComparingTo("2000");
        });
        assertThat(robot.lookup("2,000.00").tryQuery()).isPresent();
        assertThat(dialogs.errors).isEmpty();
    }
}
