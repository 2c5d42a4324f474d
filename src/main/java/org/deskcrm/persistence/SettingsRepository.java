package org.deskcrm.persistence;

import org.jooq.DSLContext;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.APP_SETTING;

/** Name/value settings shared by every user of one database (thresholds, time zone, scoring bands...). */
public class SettingsRepository {
    private final DSLContext dsl;

    public SettingsRepository(Database db) {
        this.dsl = db.dsl();
    }

    /** The setting holding the one business time zone: days, periods and due times are cut in it. */
    public static final String BUSINESS_TIME_ZONE = "business.time_zone";
    /** Used when the setting is missing or not a valid zone id (the seeded value is the same). */
    public static final ZoneId DEFAULT_BUSINESS_ZONE = ZoneId.of("Europe/Moscow");

    /** The business time zone; every service cuts days and periods in this one zone. */
    public ZoneId businessZone() {
        return businessZone(get(BUSINESS_TIME_ZONE).orElse(null));
    }

    /** Parses a business time zone setting value, falling back to {@link #DEFAULT_BUSINESS_ZONE}. */
    public static ZoneId businessZone(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_BUSINESS_ZONE;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            return DEFAULT_BUSINESS_ZONE;
        }
    }

    public Optional<String> get(String name) {
        return dsl.select(APP_SETTING.VAL).from(APP_SETTING).where(APP_SETTING.NAME.eq(name)).fetchOptional(APP_SETTING.VAL);
    }

    public Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        dsl.selectFrom(APP_SETTING).orderBy(APP_SETTING.NAME).forEach(r -> m.put(r.getName(), r.getVal()));
        return m;
    }

    public void put(String name, String value) {
        dsl.transaction(() -> {
            int n = dsl.update(APP_SETTING).set(APP_SETTING.VAL, value)
                    .set(APP_SETTING.UPDATED_AT, OffsetDateTime.now())
                    .set(APP_SETTING.VERSION, APP_SETTING.VERSION.plus(1))
                    .where(APP_SETTING.NAME.eq(name)).execute();
            if (n == 0) {
                dsl.insertInto(APP_SETTING, APP_SETTING.NAME, APP_SETTING.VAL).values(name, value).execute();
            }
        });
    }
}
