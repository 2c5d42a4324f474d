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

    FeatureScreens(Supplier<Long> currentUser, LinkOpener opener) {
        this.currentUser = currentUser;
        this.opener = opener;
    }

    Screens screens() {
        return new Screens()
                .section(NavItem.CLIENTS, s -> clients(s).clientList())
                .clientCard((s, id) -> clients(s).clientCard(id))
                .newClientCard((s, key) -> clients(s).newClientCard(key))
                .section(NavItem.DEALS, s -> deals(s).board())
                .section(NavItem.CALLS, s -> calls(s).callLog())
                .section(NavItem.TASKS, s -> tasks(s).taskList())
                .section(NavItem.REPORTS, s -> reports(s).catalog())
                .section(NavItem.CONTROL, s -> control(s).dashboard())
                .section(NavItem.SETTINGS, s -> settings(s).view());
    }

    /** Starts the reminder pop-ups (a click opens what the reminder is about); stop them before the database closes. */
    ReminderNotifier startReminders(ShellServices s) {
        TaskScreens tasks = tasks(s);
        CallScreens calls = calls(s);
        ReminderNotifier reminders = tasks.reminderNotifier(target -> {
            if (target.startsWith("call:")) {
                calls.openMissedCalls();
            } else {
                tasks.openTasks();
            }
        });
        reminders.start();
        return reminders;
    }

    private ClientScreens clients(ShellServices s) {
        ClientDealSections dealSections = dealSections(s);
        return new ClientScreens(s.app(), s.executor(), s.i18n(), s.workspace(), s.dialogs(), opener, currentUser)
                .withCardSection(dealSections::sales)
                .withCardSection((id, changed) -> dealSections.needs(id));
    }

    private ClientDealSections dealSections(ShellServices s) {
        AppContext app = s.app();
        DealFeature f = app.dealFeature();
        return new ClientDealSections(f.sales(), f.needs(), f.pipelines(), s.executor(), s.i18n(), s.dialogs(),
                currentUser, () -> java.time.LocalDate.now(app.clock().withZone(app.businessZone())));
    }

    private DealScreens deals(ShellServices s) {
        return new DealScreens(s.app().dealFeature().deals(), s.executor(), s.i18n(), s.workspace(), s.dialogs(),
                currentUser);
    }

    private CallScreens calls(ShellServices s) {
        AppContext app = s.app();
        return new CallScreens(app.callService(), app.callImport(), app.missedCalls(), app.clients(), s.executor(),
                s.i18n(), s.workspace(), s.dialogs(), app.businessZone(), currentUser);
    }

    private TaskScreens tasks(ShellServices s) {
        AppContext app = s.app();
        return new TaskScreens(app.taskService(), app.taskTemplates(), app.missedCalls(), app.notifications(),
                s.executor(), s.i18n(), s.workspace(), s.dialogs(), currentUser, () -> null);
    }

    private ControlScreens control(ShellServices s) {
        return new ControlScreens(s.app().control(), s.executor(), s.i18n(), s.workspace(),
                s.app().businessZone(), () -> null);
    }

    private SettingsScreens settings(ShellServices s) {
        DealFeature f = s.app().dealFeature();
        return new SettingsScreens(s.executor(), s.i18n(), s.dialogs())
                .withDealPages(f.pipelines(), f.scoring(), f.sales(), f.settings());
    }

    private ReportScreens reports(ShellServices s) {
        return new ReportScreens(s.app().reports(), s.executor(), s.i18n(), s.workspace());
    }

}
