package org.deskcrm.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants in the model, OffsetDateTime (UTC) at the JDBC boundary: both databases then agree. */
final class Times {
    private Times() {
    }

    static OffsetDateTime odt(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime o) {
        return o == null ? null : o.toInstant();
    }
}
