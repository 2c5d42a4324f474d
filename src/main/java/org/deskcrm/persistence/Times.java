package org.deskcrm.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants in the model, OffsetDateTime (UTC) at the JDBC boundary: both databases then agree. */
public final class Times {
    private Times() {
    }

    public static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime o) {
        return o == null ? null : o.toInstant();
    }
}
