package org.deskcrm.persistence;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Schema version and row counts, for {@code info}, the first-start check and benchmarks. */
public class StatsRepository {
    /** The tables whose sizes matter to a user, in display order. */
    public static final List<String> MAIN_TABLES = List.of("app_user", "client", "contact", "channel", "deal",
            "deal_stage_history", "sale", "phone_call", "task", "activity", "audit_event");

    private final DSLContext dsl;

    public StatsRepository(Database db) {
        this.dsl = db.dsl();
    }

    public Optional<String> schemaVersion() {
        return dsl.resultQuery("select version from flyway_schema_history where success order by installed_rank desc")
                .fetch(0, String.class).stream().findFirst();
    }

    public Map<String, Long> tableCounts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : MAIN_TABLES) {
            m.put(t, (long) dsl.fetchCount(DSL.table(DSL.name(t))));
        }
        return m;
    }

    /** True when no client exists yet: the window then offers demo data. */
    public boolean hasNoClients() {
        return !dsl.fetchExists(DSL.table(DSL.name("client")));
    }
}
