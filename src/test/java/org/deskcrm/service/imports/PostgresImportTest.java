package org.deskcrm.service.imports;

import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The import contract on a real PostgreSQL, and what only PostgreSQL needs. */
class PostgresImportTest extends ImportContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }

    /**
     * A large import leaves the statistics of the tables it wrote current: the next file's lookups (a list of a
     * thousand INNs, phones, names) are planned for the tables as they are, not for the empty tables of before
     * (measured: a second file of 20 000 clients 62 s with the old statistics, 2.2 s with fresh ones).
     */
    @Test
    void aLargeImportLeavesCurrentStatistics() {
        int rows = ImportService.STATISTICS_AFTER + 200;
        StringBuilder file = new StringBuilder("name;phone\n");
        for (int i = 0; i < rows; i++) {
            file.append("Statistics client ").append(i).append(";+7 499 ").append(String.format("%03d-%02d-%02d",
                    i / 10_000, i / 100 % 100, i % 100)).append('\n');
        }
        assertThat(run(csv(file.toString()), "many.csv", ImportTarget.CLIENTS, ImportSettings.defaults()).created())
                .isEqualTo(rows);
        Long analyzed = ctx.database().dsl().fetchOne("SELECT count(*) FROM pg_stat_user_tables"
                + " WHERE relname IN ('client', 'channel') AND last_analyze IS NOT NULL").get(0, Long.class);
        assertThat(analyzed).isEqualTo(2);
        Double tuples = ctx.database().dsl().fetchOne("SELECT reltuples FROM pg_class WHERE relname = 'client'"
                + " AND relnamespace = current_schema()::regnamespace").get(0, Double.class);
        assertThat(tuples).isGreaterThanOrEqualTo(rows);
    }
}
