package org.deskcrm.ui.call;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallRow;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.MutableClock;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.common.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call log in a real window on a real H2 database, as the administrator and as a manager, in English
 * and Russian: a call from an unknown number becomes a client (context menu and double-click), a missed
 * call is called back (tel: link, then the New call dialog prefilled in the computer's time zone, which logs
 * the outgoing call), and the log pages on with "Show more" and filters by days.
 */
class CallLogFxTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    /** The computer's zone in these tests, far from the business zone (Europe/Moscow). */
    static final ZoneId DISPLAY = ZoneId.of("America/Chicago");
    static final int BULK = 1_100;

    final FxRobot robot = new FxRobot();
    final List<Long> openedClients = new ArrayList<>();
    final List<String> dialled = new ArrayList<>();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    AppContext ctx;
    Stage stage;
    long anna;
    long boris;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (ctx != null) {
            ctx.close();
        }
    }

    private CallScreens open(String lang, String role) throws Exception {
        ctx = new AppContext(TestDatabases.h2(), new MutableClock(NOW));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        anna = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        boris = ctx.users().insert(User.draft("boris", "Boris Ivanov", Role.MANAGER, null), null);
        // anna's: a missed call and an answered one from two unknown numbers; boris's: one unknown call
        log(CallDirection.IN, CallStatus.MISSED, NOW.minusSeconds(600), "+1 312 311-2424", anna);
        log(CallDirection.IN, CallStatus.ANSWERED, NOW.minusSeconds(1200), "+1 415 555-0101", anna);
        log(CallDirection.IN, CallStatus.ANSWERED, NOW.minusSeconds(1800), "+1 206 555-0199", boris);
        User me = ctx.users().findByLogin("admin".equals(role) ? "admin" : "anna").orElseThrow();
        ctx.session().signIn(me);
        I18n i18n = new I18n(Locale.forLanguageTag(lang));
        TabPane tabs = new TabPane();
        CallScreens screens = new CallScreens(ctx.callService(), ctx.callImport(), ctx.missedCalls(), ctx.clients(),
                new SameThreadExecutor(), i18n, workspace(tabs), dialogs, DISPLAY, () -> me.id())
                .withDialer(dialled::add);
        stage = FxToolkit.setupStage(s -> {
            s.setScene(new Scene(tabs, 1200, 700));
            s.show();
        });
        robot.interact(screens::openCallLog);
        return screens;
    }

    private void log(CallDirection dir, CallStatus status, Instant at, String phone, long user) {
        ctx.callService().log(new Call(null, dir, status, at, status == CallStatus.ANSWERED ? 60 : 0, phone, null,
                null, null, user, null, null, null), user);
    }

    @ParameterizedTest
    @CsvSource({"en,admin", "en,manager", "ru,admin", "ru,manager"})
    void anUnknownCallerBecomesAClientFromTheCallLog(String lang, String role) throws Exception {
        open(lang, role);
        I18n i18n = new I18n(Locale.forLanguageTag(lang));
        // the manager sees her two calls; the administrator all three
        assertThat(rows()).hasSize("admin".equals(role) ? 3 : 2);
        assertThat(message()).isEqualTo(i18n.format("call.log.shown", rows().size(), rows().size()));

        dialogs.prompts.add("Lakeside Dental");
        fire(contextItem("+1 312 311-2424", "callNewClient"));
        WaitForAsyncUtils.waitForFxEvents();
        long id = ctx.clients().search("Lakeside", 5).get(0).id();
        assertThat(openedClients).containsExactly(id);
        ClientCard card = ctx.clients().load(id);
        assertThat(card.client().ownerId()).isEqualTo(ctx.session().userId());
        assertThat(card.channels()).extracting(c -> c.normalized()).containsExactly("+13123112424");
        assertThat(row("+1 312 311-2424").clientName()).isEqualTo("Lakeside Dental");
        assertThat(message()).startsWith(i18n.format("call.number.created", "Lakeside Dental", "+1 312 311-2424"));

        // a double-click on the other unknown call offers the same
        dialogs.prompts.add("Bayside Florist");
        robot.doubleClickOn(rowNode("+1 415 555-0101"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(row("+1 415 555-0101").clientName()).isEqualTo("Bayside Florist");
        assertThat(openedClients).hasSize(2);
        // and now a double-click on it opens its card
        robot.doubleClickOn(rowNode("+1 415 555-0101"));
        assertThat(openedClients).hasSize(3);
        assertThat(openedClients.get(2)).isEqualTo(openedClients.get(1));
    }

    @ParameterizedTest
    @CsvSource({"en,manager", "ru,admin"})
    void aMissedCallIsCalledBackInTheComputersTimeZone(String lang, String role) throws Exception {
        open(lang, role);
        fire(contextItem("+1 312 311-2424", "callBack"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialled).containsExactly("tel:+13123112424");
        // the dialog is prefilled with now in the computer's zone: 09:30 UTC on 10 March is 04:30 in Chicago
        // (CDT, UTC-5, since 8 March), not Moscow's 12:30
        assertThat(robot.lookup("#callTime").queryAs(TextField.class).getText()).isEqualTo("04:30");
        assertThat(robot.lookup("#callPhone").queryAs(TextField.class).getText()).isEqualTo("+1 312 311-2424");
        robot.interact(() -> robot.lookup("#callDuration").queryAs(TextField.class).setText("45"));
        Node save = robot.lookup(".button").match(n -> n instanceof Button b && b.isDefaultButton()).query();
        robot.interact(() -> ((Button) save).fire());
        WaitForAsyncUtils.waitForFxEvents();
        List<CallRow> out = rows().stream().filter(r -> r.direction() == CallDirection.OUT).toList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).phoneNorm()).isEqualTo("+13123112424");
        assertThat(out.get(0).startedAt()).isEqualTo(Instant.parse("2026-03-10T09:30:00Z"));
        assertThat(ctx.missedCalls().unresolved(null)).extracting(m -> m.phoneNorm())
                .doesNotContain("+13123112424");
    }

    @ParameterizedTest
    @CsvSource({"en,admin", "ru,manager"})
    void theLogPagesOnAndFiltersByDays(String lang, String role) throws Exception {
        open(lang, role);
        I18n i18n = new I18n(Locale.forLanguageTag(lang));
        // BULK more calls of anna's, one every hour back from NOW - 1 h
        for (int i = 1; i <= BULK; i++) {
            log(CallDirection.OUT, CallStatus.ANSWERED, NOW.minusSeconds(3600L * i), "+1 312 555-" + (1000 + i % 9000),
                    anna);
        }
        int total = BULK + ("admin".equals(role) ? 3 : 2);
        Button refresh = robot.lookup(".tool-bar .button").match(n -> n instanceof Button b
                && b.getText().equals(i18n.get("action.refresh"))).query();
        robot.interact(refresh::fire);
        assertThat(rows()).hasSize(CallLogViewModel.PAGE);
        assertThat(message()).isEqualTo(i18n.format("call.log.shown", CallLogViewModel.PAGE, total));
        Button more = robot.lookup("#callLogMore").queryAs(Button.class);
        assertThat(more.isVisible()).isTrue();
        robot.clickOn(more);
        robot.clickOn(more);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows()).hasSize(total);
        assertThat(more.isVisible()).isFalse();
        // newest first, no row twice
        List<CallRow> all = rows();
        assertThat(all).extracting(CallRow::id).doesNotHaveDuplicates();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).startedAt()).isBeforeOrEqualTo(all.get(i - 1).startedAt());
        }

        // one day in Chicago: 2026-03-08 00:00 CST .. 2026-03-09 00:00 CDT (23 hours: clocks go forward)
        LocalDate day = LocalDate.of(2026, 3, 8);
        Instant from = day.atStartOfDay(DISPLAY).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(DISPLAY).toInstant();
        long expected = 0;
        for (int i = 1; i <= BULK; i++) {
            Instant at = NOW.minusSeconds(3600L * i);
            if (!at.isBefore(from) && at.isBefore(to)) {
                expected++;
            }
        }
        assertThat(expected).isEqualTo(23);
        robot.interact(() -> {
            robot.lookup("#callLogFrom").queryAs(javafx.scene.control.DatePicker.class).setValue(day);
            robot.lookup("#callLogTo").queryAs(javafx.scene.control.DatePicker.class).setValue(day);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows()).hasSize((int) expected);
        assertThat(message()).isEqualTo(i18n.format("call.log.shown", expected, expected));
    }

    @SuppressWarnings("unchecked")
    private TableView<CallRow> table() {
        return robot.lookup("#callLogTable").queryAs(TableView.class);
    }

    private List<CallRow> rows() {
        return List.copyOf(table().getItems());
    }

    private CallRow row(String phone) {
        return rows().stream().filter(r -> phone.equals(r.phoneRaw())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private TableRow<CallRow> rowNode(String phone) {
        return (TableRow<CallRow>) robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getItem() instanceof CallRow c && phone.equals(c.phoneRaw())).query();
    }

    private MenuItem contextItem(String phone, String id) {
        ContextMenu menu = rowNode(phone).getContextMenu();
        assertThat(menu).as("context menu of " + phone).isNotNull();
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private void fire(MenuItem item) {
        robot.interact(item::fire);
    }

    private String message() {
        return robot.lookup("#callLogMessage").queryAs(Label.class).getText();
    }

    private Workspace workspace(TabPane tabs) {
        return new Workspace() {
            @Override
            public void openTab(String key, String title, Supplier<Node> content) {
                Tab t = new Tab(title, content.get());
                t.setId(key);
                tabs.getTabs().add(t);
                tabs.getSelectionModel().select(t);
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
                openedClients.add(clientId);
            }

            @Override
            public void newClient() {
            }
        };
    }
}
