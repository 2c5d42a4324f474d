package org.deskcrm.ui.deal;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Sale;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.ui.client.ClientScreens;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The real client card with the deal feature's sales and needs sections, on a real H2 database. */
@ExtendWith(ApplicationExtension.class)
class ClientDealSectionsFxTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    /** One database for the class (opening it under load must not eat the window's setup time). */
    static AppContext app;
    static long managerId;
    static long productId;
    FxTaskExecutor executor;
    long clientId;
    Node card;

    /** A workspace that only shows the one card. */
    static final class NoTabs implements Workspace {
        @Override
        public void openTab(String key, String title, Supplier<Node> content) {
        }

        @Override
        public void retitleTab(String key, String title) {
        }

        @Override
        public void closeTab(String key) {
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

    /** Confirms everything. */
    static final class YesDialogs implements DialogService {
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

    @BeforeAll
    static void open() {
        // the window's setup waits for the FX thread, which a loaded build machine starves
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        app = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        app.referenceData().ensureDefaults(Locale.ENGLISH);
        managerId = app.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        productId = app.pipelines().addProduct("SKU-1", "Widget", "pcs", new BigDecimal("100"));
        // history for the probability: one won and one lost deal with the product
        Pipeline sales = app.pipelines().findByCode("sales").orElseThrow();
        for (StageKind k : List.of(StageKind.WON, StageKind.LOST)) {
            long other = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Другой " + k),
                    List.of(), List.of()), managerId).id();
            Deal d = Deal.draft("Old " + k, other, managerId, sales.id(), sales.firstOpenStage().id(),
                    BigDecimal.TEN);
            long id = app.dealFeature().deals().create(d, List.of(DealLine.of(productId, "1", "10")),
                    managerId).id();
            app.dealFeature().deals().move(id, 0, sales.stageOfKind(k).id(),
                    k == StageKind.LOST ? app.pipelines().lostReasons().keySet().iterator().next() : null, null,
                    managerId);
        }
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Start
    void start(Stage stage) {
        // a fresh client for each test
        clientId = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "ООО «Покупатель» "
                + System.nanoTime()).withOwner(managerId), List.of(), List.of()), managerId).id();
        executor = new FxTaskExecutor(2);
        I18n i18n = new I18n(Locale.ENGLISH);
        DialogService dialogs = new YesDialogs();
        var f = app.dealFeature();
        ClientDealSections sections = new ClientDealSections(f.sales(), f.needs(), f.pipelines(), executor, i18n,
                dialogs, () -> managerId, () -> LocalDate.of(2026, 3, 10));
        ClientScreens screens = new ClientScreens(ClientScreens.context(app, executor, i18n, new NoTabs(), dialogs,
                url -> { }, () -> managerId, ZoneId.of("UTC")))
                .withCardSection(sections::sales)
                .withCardSection((id, changed) -> sections.needs(id));
        card = screens.clientCard(clientId);
        stage.setScene(new Scene((javafx.scene.Parent) card, 1280, 1000));
        // the shared test stage may have been placed elsewhere by a test of the whole application
        stage.setMaximized(false);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    <T extends Node> T find(FxRobot robot, String query) {
        return robot.from(card).lookup(query).query();
    }

    void replace(FxRobot robot, String query, String text) {
        TextField f = find(robot, query);
        robot.interact(() -> f.setText(text));
    }

    /**
     * Presses a button of the card without the mouse: the card is taller than the headless screen, and a
     * test of the whole application run before this one in the same JVM leaves the shared stage where the
     * lower buttons cannot be clicked.
     */
    void press(FxRobot robot, String query) {
        javafx.scene.control.ButtonBase b = find(robot, query);
        robot.interact(b::fire);
    }

    /** Puts text into a field without the mouse (the needs section sits low in the scrolled card). */
    void set(FxRobot robot, String query, String text) {
        TextField f = find(robot, query);
        robot.interact(() -> f.setText(text));
    }

    String lifecycle(FxRobot robot) {
        return ((Label) find(robot, "#client-lifecycle")).getText();
    }

    @Test
    void addEditAndMarkPaidASaleFromTheCardAndSeeTheStatusFollow(FxRobot robot) throws Exception {
        TableView<ClientSalesViewModel.Row> sales = find(robot, "#sales-table");
        waitUntil(() -> lifecycle(robot).equals("Potential")
                && ((Label) find(robot, "#sale-summary")).getText().startsWith("0 sales"));

        press(robot, "#sale-add");
        replace(robot, "#sale-number", "INV-42");
        replace(robot, "#sale-amount", "1 500,50");
        press(robot, "#sale-save");
        waitUntil(() -> sales.getItems().size() == 1 && lifecycle(robot).equals("New one-time"));

        ClientSalesViewModel.Row row = sales.getItems().get(0);
        assertThat(row.number()).isEqualTo("INV-42");
        assertThat(row.state()).isEqualTo(ClientSalesViewModel.State.UNPAID);
        assertThat(row.stateText()).isEqualTo("Unpaid");
        Sale stored = app.dealFeature().sales().byClient(clientId).get(0);
        assertThat(stored.amount()).isEqualByComparingTo("1500.50");
        assertThat(stored.saleDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(app.clients().load(clientId).client().lifecycle()).isEqualTo(LifecycleStatus.NEW_ONE_TIME);

        // a bad amount is refused at the form, nothing is saved
        robot.interact(() -> sales.getSelectionModel().select(0));
        press(robot, "#sale-edit");
        replace(robot, "#sale-paid", "9999");
        press(robot, "#sale-save");
        waitUntil(() -> ((Label) find(robot, "#sale-error")).getText()
                .equals("The paid amount must be between zero and the sale amount."));
        replace(robot, "#sale-paid", "500");
        press(robot, "#sale-save");
        waitUntil(() -> sales.getItems().size() == 1
                && sales.getItems().get(0).state() == ClientSalesViewModel.State.PART_PAID);

        robot.interact(() -> sales.getSelectionModel().select(0));
        press(robot, "#sale-mark-paid");
        waitUntil(() -> sales.getItems().size() == 1
                && sales.getItems().get(0).state() == ClientSalesViewModel.State.PAID);
        assertThat(app.dealFeature().sales().byClient(clientId).get(0).paidAmount()).isEqualByComparingTo("1500.50");

        // a second sale makes the client regular; deleting it brings the status back
        press(robot, "#sale-add");
        replace(robot, "#sale-amount", "200");
        press(robot, "#sale-save");
        waitUntil(() -> sales.getItems().size() == 2 && lifecycle(robot).equals("Regular"));
        robot.interact(() -> sales.getSelectionModel().select(0));
        press(robot, "#sale-delete");
        waitUntil(() -> sales.getItems().size() == 1 && lifecycle(robot).equals("New one-time"));
    }

    @Test
    void addANeedAndSeeItsProbabilityExplained(FxRobot robot) throws Exception {
        TableView<ClientNeedsViewModel.Row> needs = find(robot, "#needs-table");
        // the needs section is the last one of the card's form: scroll down to it
        javafx.scene.control.ScrollPane form = find(robot, ".card-form-scroll");
        robot.interact(() -> form.setVvalue(1.0));
        press(robot, "#need-add");
        robot.interact(() -> form.setVvalue(1.0));
        waitUntil(() -> ((javafx.scene.control.ComboBox<?>) find(robot, "#need-product")).getValue() != null);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            var combo = (javafx.scene.control.ComboBox<Choice<Long>>) find(robot, "#need-product");
            combo.getItems().stream().filter(c -> c.value() == productId).findFirst().ifPresent(combo::setValue);
        });
        robot.interact(() -> form.setVvalue(1.0));
        set(robot, "#need-quantity", "3");
        robot.interact(() -> form.setVvalue(1.0));
        robot.interact(() -> ((javafx.scene.control.Button) find(robot, "#need-save")).fire());
        waitUntil(() -> needs.getItems().size() == 1 || !((Label) find(robot, "#need-error")).getText().isEmpty());
        assertThat(((Label) find(robot, "#need-error")).getText()).isEmpty();

        ClientNeedsViewModel.Row row = needs.getItems().get(0);
        assertThat(row.product()).isEqualTo("Widget");
        assertThat(row.quantity()).isEqualTo("3");
        // 1 won of 2 closed deals with the product is under the support threshold: all deals, smoothed
        assertThat(row.explanation()).isEqualTo("50%: 1 won of 2 closed deals (all deals)");
        assertThat(row.probability()).isEqualTo("50%");
        assertThat(app.dealFeature().needs().byClient(clientId)).singleElement()
                .satisfies(n -> assertThat(n.quantity()).isEqualByComparingTo("3"));

        // edit: a quantity of zero is refused with the service's message
        robot.interact(() -> needs.getSelectionModel().select(0));
        press(robot, "#need-edit");
        robot.interact(() -> form.setVvalue(1.0));
        set(robot, "#need-quantity", "0");
        robot.interact(() -> ((javafx.scene.control.Button) find(robot, "#need-save")).fire());
        waitUntil(() -> ((Label) find(robot, "#need-error")).getText().equals("The quantity must be above zero."));
        set(robot, "#need-quantity", "5");
        robot.interact(() -> ((javafx.scene.control.Button) find(robot, "#need-save")).fire());
        waitUntil(() -> needs.getItems().size() == 1 && needs.getItems().get(0).quantity().equals("5"));
    }
}
