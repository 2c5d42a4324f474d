package org.deskcrm.model.call;

import java.time.Instant;

/** A number deliberately kept off the cards (blacklist, job seekers, personal, spam). */
public record PhoneListEntry(long id, PhoneListKind list, String phoneNorm, String phoneRaw, String note,
                             Long addedBy, Instant addedAt) {
}
