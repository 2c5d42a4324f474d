package org.deskcrm;

import org.deskcrm.ui.call.CallScreens;
import org.deskcrm.ui.client.ClientScreens;
import org.deskcrm.ui.client.LinkOpener;
import org.deskcrm.ui.control.ControlScreens;
import org.deskcrm.ui.deal.ClientDealSections;
import org.deskcrm.ui.deal.DealScreens;
import org.deskcrm.ui.report.ReportScreens;
import org.deskcrm.ui.settings.SettingsScreens;
import org.deskcrm.ui.shell.NavItem;
import org.deskcrm.ui.shell.Screens;
import org.deskcrm.ui.shell.ShellServices;
import org.deskcrm.ui.shell.StatusBar;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.ui.task.ReminderNotifier;
import org.deskcrm.ui.task.TaskScreens;

import java.util.function.Supplier;

/**
 * Plugs every feature's screens into the shell: the sidebar sections, the client cards, and the
 * reminder pop-ups. The one place that knows all features; each factory is built per opened tab from
 * the shell's services and the signed-in user.
 */
final class FeatureScreens {
    private final Supplier<Long> currentUser;
    private final LinkOpener opener;
    private TaskScreens taskScreens;
    private ShellServices taskScreensFor;

    FeatureScreens(Supplier<Long> currentUser, LinkOpener opener) {
        this.currentUser = currentUser;
        this.opener = opener;
    }

    Screens screens() {
        return new Screens()
                .section(NavItem.HOME, s -> home(s).dashboard())
                .section(NavItem.CLIENTS, s -> withImport(s, merges(s).install(clients(s).clientList())))
                .clientCard((s, id) -> clients(s).clientCard(id))
                .newClientCard((s, key) -> clients(s).newClientCard(key))
                .section(NavItem.DEALS, s -> deals(s).board())
                .section(NavItem.CALLS, s -> calls(s).callLog())
                .section(NavItem.TASKS, s -> tasks(s).taskList())
                .section(NavItem.REPORTS, s -> reports(s).catalog())
                .section(NavItem.CONTROL, s -> control(s).dashboard())
                .section(NavItem.SETTINGS, s -> settings(s).view())
                .shownWhen(NavItem.SETTINGS, s -> s.app().session().isAdmin()); // the rest are the administrator's
    }

    /**
     * Starts the reminder pop-ups (a click opens what the reminder is about) and the reminder count in
     * the status bar (a click opens today's tasks); stop them before the database closes.
     */
    ReminderNotifier startReminders(ShellServices s, StatusBar statusBar) {
        TaskScreens tasks = tasks(s);
        statusBar.onRemindersClicked(() -> tasks.openTasks(TaskView.TODAY));
        CallScreens calls = calls(s);
        ReminderNotifier reminders = tasks.reminderNotifier(target -> {
            if (target.startsWith("call:")) {
                calls.openMissedCalls();
            } else {
                tasks.openTasks();
            }
        });
        reminders.onCount(statusBar::setReminderCount);
        tasks.onTasksChanged(reminders::pollNow);
        reminders.start();
        return reminders;
    }

    /** The client list with its Import button opening the import wizard. */
    private javafx.scene.Node withImport(ShellServices s, javafx.scene.Node list) {
        if (list instanceof org.deskcrm.ui.client.ClientListView view) {
            org.deskcrm.ui.imports.ImportScreens screens = new org.deskcrm.ui.imports.ImportScreens(
                    s.app().imports().service(), s.app().imports().profiles(), s.executor(), s.i18n(), currentUser);
            view.setOnImport(s.i18n().get("imports.wizard.open"), refresh -> screens.open(
                    view.getScene() == null ? null : view.getScene().getWindow(),
                    org.deskcrm.model.io.ImportTarget.CLIENTS, refresh));
        }
        return list;
    }

    /**
     * "Export to Excel" of every list and report in the window: the lists fire export requests that bubble
     * up to {@code root}, where they are run as the signed-in user with progress and Cancel in the status bar.
     */
    void installExports(ShellServices s, javafx.scene.Node root) {
        AppContext app = s.app();
        new org.deskcrm.ui.export.ExportHandler(app.exports(), s.jobs(), s.executor(), s.i18n(), s.workspace(), s.dialogs(),
                new org.deskcrm.ui.export.FxSaveFileChooser(() -> root.getScene() == null ? null : root.getScene().getWindow()),
                org.deskcrm.ui.export.ExportFolder.forCurrentUser(currentUser), new org.deskcrm.ui.export.DesktopFileOpener(),
                currentUser, () -> java.time.LocalDate.now(app.clock().withZone(app.businessZone()))).install(root);
    }

    private ClientScreens clients(ShellServices s) {
        ClientDealSections dealSections = dealSections(s);
        return new ClientScreens(s.app(), s.executor(), s.i18n(), s.workspace(), s.dialogs(), opener, currentUser)
                .withCardSection((id, changed) -> deals(s).clientDeals(id, changed))
                .withCardSection((id, changed) -> clientTasks(s, id, changed))
                .withCardSection(dealSections::sales)
                .withCardSection((id, changed) -> dealSections.needs(id));
    }

    private org.deskcrm.ui.merge.MergeScreens merges(ShellServices s) {
        return new org.deskcrm.ui.merge.MergeScreens(s.app().merge().service(), s.executor(), s.i18n(), s.workspace(),
                currentUser);
    }

    /** The card's open tasks with "New task" and the call feature's "Log call" (both reload the list). */
    private javafx.scene.Node clientTasks(ShellServices s, long clientId, Runnable changed) {
        Runnable[] reload = {() -> { }};
        javafx.scene.Node logCall = calls(s).logCallButton(clientId, () -> {
            reload[0].run();
            changed.run();
        });
        return tasks(s).clientTasks(clientId, id -> s.app().clients().load(id).client().name(), java.util.List.of(logCall),
                r -> reload[0] = r, changed);
    }

    private ClientDealSections dealSections(ShellServices s) {
        AppContext app = s.app();
        DealFeature f = app.dealFeature();
        return new ClientDealSections(f.sales(), f.needs(), f.pipelines(), s.executor(), s.i18n(), s.dialogs(),
                currentUser, () -> java.time.LocalDate.now(app.clock().withZone(app.businessZone())));
    }

    private DealScreens deals(ShellServices s) {
        return new DealScreens(s.app().dealFeature().deals(), s.executor(), s.i18n(), s.workspace(), s.dialogs(),
                currentUser,
                s.app().businessZone());
    }

    private CallScreens calls(ShellServices s) {
        AppContext app = s.app();
        return new CallScreens(app.callService(), app.callImport(), app.missedCalls(), app.clients(), s.executor(),
                s.i18n(), s.workspace(), s.dialogs(), java.time.ZoneId.systemDefault(), currentUser)
                .withDialer(opener::open);
    }

    /** One per window, so that the reminder count's click can switch an open task list to today. */
    private TaskScreens tasks(ShellServices s) {
        if (taskScreens == null || taskScreensFor != s) {
            AppContext app = s.app();
            taskScreens = new TaskScreens(app.taskService(), app.taskTemplates(), app.missedCalls(),
                    app.notifications(), s.executor(), s.i18n(), s.workspace(), s.dialogs(), currentUser, () -> null,
                    app.businessZone())
                    .withClientSearch(text -> app.clients().search(text, 20).stream()
                            .map(r -> new org.deskcrm.ui.task.Named(r.id(), r.name())).toList());
            taskScreensFor = s;
        }
        return taskScreens;
    }

    private ControlScreens control(ShellServices s) {
        return new ControlScreens(s.app().control(), s.executor(), s.i18n(), s.workspace(),
                java.time.ZoneId.systemDefault(), () -> managerOnly(s.app())) // "since" in the computer's zone
                .withMerge(s.i18n().get("merge.menu"), merges(s)::open);
    }

    /** A manager's control lists show only own records; a supervisor's and an administrator's everybody's. */
    private static Long managerOnly(AppContext app) {
        return app.session().user().filter(u -> u.role() == org.deskcrm.model.user.Role.MANAGER)
                .map(org.deskcrm.model.user.User::id).orElse(null);
    }

    private SettingsScreens settings(ShellServices s) {
        DealFeature f = s.app().dealFeature();
        SettingsScreens screens = new SettingsScreens(s.executor(), s.i18n(), s.dialogs());
        if (!s.app().session().isAdmin()) {
            return screens; // settings are the administrator's: anyone else sees the empty page's note
        }
        org.deskcrm.ui.user.UserAdminPages people = new org.deskcrm.ui.user.UserAdminPages(s.app(), s.executor(), s.i18n());
        return screens.withDealPages(f.pipelines(), f.scoring(), f.sales(), f.settings())
                .withPage(new org.deskcrm.ui.settings.SettingsPage("users", s.i18n().get("users.tab"), people::usersPage))
                .withPage(new org.deskcrm.ui.settings.SettingsPage("teams", s.i18n().get("users.teams.tab"),
                        people::teamsPage))
                .withRegionPage(s.app().businessRegion(), s.app().currency());
    }

    /** The signed-in person's dashboard: a manager's own tiles, or the team's for everyone else. */
    private org.deskcrm.ui.home.HomeScreens home(ShellServices s) {
        AppContext app = s.app();
        boolean manager = app.session().user().map(u -> u.role() == org.deskcrm.model.user.Role.MANAGER).orElse(false);
        String login = app.session().user().map(org.deskcrm.model.user.User::login).orElse("");
        return new org.deskcrm.ui.home.HomeScreens(app.home(), s.executor(), s.i18n(), () -> app.reports().support().today(),
                reports(s), control(s), login, manager, () -> managerOnly(app)).withCurrency(app.currency()::currency);
    }

    private ReportScreens reports(ShellServices s) {
        String login = s.app().session().user().map(org.deskcrm.model.user.User::login).orElse("");
        return new ReportScreens(s.app().reports(), s.executor(), s.i18n(), s.workspace()).withGoals(s.app().goals())
                .withPeriods(org.deskcrm.ui.report.ReportPeriods.forLogin(login))
                .withLayouts(org.deskcrm.ui.report.ReportLayouts.forLogin(login))
                .withCurrency(s.app().currency()::currency)
                .exportingThrough((table, file) -> s.app().exports().export(new org.deskcrm.service.export.ExportTarget.Report(table),
                        file, java.util.Objects.requireNonNull(s.app().session().userId(), "signed in"), s.i18n().locale(),
                        org.deskcrm.service.common.Progress.NONE))
                .rememberingPipelines(org.deskcrm.ui.report.PipelineMemory.forCurrentUser(s.app().session()::userId))
                .withTotals(new org.deskcrm.service.report.ReportTotals(s.app().database(), s.app().settings(),
                        s.app().session()::isAdmin));
    }

}
