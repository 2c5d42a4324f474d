package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.report.ReportLookups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report rows are labelled with client names read either by key (a few clients, ids bound as one array) or
 * in one pass over the table (many clients): both give the names of exactly the clients asked for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientNamesContract {
    AppContext ctx;
    List<Long> clients = new ArrayList<>();

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        ReportData data = new ReportData(ctx);
        for (int i = 0; i < 40; i++) {
            clients.add(data.client("Client " + i, null, Instant.parse("2025-01-01T00:00:00Z")));
        }
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    void aFewClientsAreLookedUpByKey() {
        Map<Long, String> names = new ReportLookups(ctx.database()).clientNames(List.of(clients.get(3), clients.get(7), -1L));
        assertThat(names).containsOnly(Map.entry(clients.get(3), "Client 3"), Map.entry(clients.get(7), "Client 7"));
    }

    @Test
    void manyClientsAreReadInOnePass() {
        List<Long> asked = new ArrayList<>(clients.subList(0, 30));
        asked.add(-5L);
        Map<Long, String> names = new ReportLookups(ctx.database()).clientNames(asked);
        assertThat(names).hasSize(30).containsEntry(clients.get(0), "Client 0").containsEntry(clients.get(29), "Client 29")
                .doesNotContainKey(clients.get(30));
    }

    @Test
    void noClientsNoQuery() {
        assertThat(new ReportLookups(ctx.database()).clientNames(List.of())).isEmpty();
    }
}
