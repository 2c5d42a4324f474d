package org.deskcrm.ui.client;

import org.deskcrm.model.client.TimelineKind;

/** A timeline entry as the card shows it: already localized and formatted. */
public record TimelineItem(TimelineKind kind, String when, String headline, String detail, String user) {
}
