package org.deskcrm.ui.shell;

import org.deskcrm.AppContext;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

/** What a feature screen gets from the main window when it is created. */
public record ShellServices(AppContext app, Workspace workspace, TaskExecutor executor, I18n i18n,
                            DialogService dialogs, LongJobs jobs) {
}
