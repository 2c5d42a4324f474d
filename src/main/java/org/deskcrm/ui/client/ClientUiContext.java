package org.deskcrm.ui.client;

import org.deskcrm.service.client.ClientListService;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.service.client.ClientTimelineService;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * What the client screens need from the application: the services, the window contracts, the link
 * opener for channel buttons, the signed-in user's id (may supply null) and the clock and zone used
 * to show times and compute the lifecycle status.
 */
public record ClientUiContext(ClientService clients, ClientListService lookups, ClientTimelineService timeline,
                              ChannelLinks links, LinkOpener opener, TaskExecutor executor, I18n i18n,
                              Workspace workspace, DialogService dialogs, Supplier<Long> currentUserId,
                              Clock clock, ZoneId zone) {
    Long userId() {
        return currentUserId == null ? null : currentUserId.get();
    }
}
