package org.deskcrm.persistence;

import org.jooq.DSLContext;

import java.time.OffsetDateTime;
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
