package org.deskcrm.service.demo;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.SALE;

/** Whole runs on H2: the same seed gives the same data, cancel leaves nothing, force adds, English works. */
class DemoDataRunsTest {
    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final DemoSize TINY = new DemoSize(40, 160, 240, 2);

    private static AppContext open() {
        return new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The generated records as text, in id order (ids included). */
    private static String fingerprint(DSLContext dsl) {
        return dsl.selectFrom(CLIENT).orderBy(CLIENT.ID).fetch().formatCSV()
                + dsl.selectFrom(CHANNEL).orderBy(CHANNEL.ID).fetch().formatCSV()
                + dsl.selectFrom(DEAL).orderBy(DEAL.ID).fetch().formatCSV()
                + dsl.selectFrom(DEAL_STAGE_HISTORY).orderBy(DEAL_STAGE_HISTORY.ID).fetch().formatCSV()
                + dsl.selectFrom(SALE).orderBy(SALE.ID).fetch().formatCSV()
                + dsl.selectFrom(PHONE_CALL).orderBy(PHONE_CALL.ID).fetch().formatCSV()
                + dsl.select(APP_USER.LOGIN, APP_USER.FULL_NAME).from(APP_USER).orderBy(APP_USER.ID).fetch().formatCSV();
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        Locale ru = Locale.forLanguageTag("ru");
        String first;
        String second;
        String other;
        try (AppContext a = open(); AppContext b = open(); AppContext c = open()) {
            a.demoData().generate(TINY, ru, 42, Progress.NONE);
            b.demoData().generate(TINY, ru, 42, Progress.NONE);
            c.demoData().generate(TINY, ru, 43, Progress.NONE);
            first = fingerprint(a.database().dsl());
            second = fingerprint(b.database().dsl());
            other = fingerprint(c.database().dsl());
        }
        assertThat(first).hasSizeGreaterThan(10_000).isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void cancellingRemovesEverythingTheRunWrote() {
        try (AppContext ctx = open()) {
            DSLContext dsl = ctx.database().dsl();
            AtomicInteger updates = new AtomicInteger();
            Progress cancelling = new Progress() {
                @Override
                public void update(String stepKey, long done, long total) {
                    if (stepKey.equals("demo.step.clients")) {
                        updates.incrementAndGet();
                    }
                }

                @Override
                public boolean isCancelled() {
                    return updates.get() >= 2;
                }
            };
            DemoSize size = new DemoSize(600, 1_200, 1_200, 1);
            assertThatThrownBy(() -> ctx.demoData().generate(size, Locale.ENGLISH, 1, cancelling))
                    .isInstanceOf(DemoCancelledException.class);
            for (String table : List.of("client", "contact", "channel", "deal", "deal_stage_history", "sale",
                    "phone_call", "missed_call", "task", "activity", "goal", "team", "tag", "product")) {
                assertThat(dsl.fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(table)))).as(table).isZero();
            }
            assertThat(dsl.fetchCount(APP_USER)).as("only the administrator").isEqualTo(1);
            // the indexes dropped for the load are back, and a later run succeeds
            assertThat(dsl.fetchCount(org.jooq.impl.DSL.table("information_schema.indexes"),
                    org.jooq.impl.DSL.field("index_name").in("ix_deal_cohort", "ix_phone_call_user",
                            "ix_dsh_to_stage"))).isEqualTo(3);
            DemoResult result = ctx.demoData().generate(TINY, Locale.ENGLISH, 1, Progress.NONE);
            assertThat(result.rows().get("deal")).isEqualTo(TINY.deals());
        }
    }

    @Test
    void forceAddsToADatabaseThatHasData() {
        try (AppContext ctx = open()) {
            ctx.demoData().generate(TINY, Locale.ENGLISH, 5, Progress.NONE);
            DemoResult second = ctx.demoData().generate(TINY, Locale.ENGLISH, 5, true, Progress.NONE);
            DSLContext dsl = ctx.database().dsl();
            assertThat(dsl.fetchCount(CLIENT)).isEqualTo(2 * TINY.clients());
            assertThat(dsl.fetchCount(DEAL)).isEqualTo(2 * TINY.deals());
            assertThat(dsl.fetchCount(PHONE_CALL)).isEqualTo(2 * TINY.calls());
            assertThat(second.rows().get("app_user")).isPositive();
            assertThat(dsl.selectDistinct(APP_USER.LOGIN).from(APP_USER).fetch()).hasSize(dsl.fetchCount(APP_USER));
        }
    }

    @Test
    void englishDataUsesEnglishNamesAndInternationalNumbers() {
        try (AppContext ctx = open()) {
            DemoResult result = ctx.demoData().generate(TINY, Locale.ENGLISH, 9, Progress.NONE);
            Map<String, Long> rows = result.rows();
            assertThat(rows.get("client")).isEqualTo(TINY.clients());
            DSLContext dsl = ctx.database().dsl();
            List<String> names = dsl.select(CLIENT.NAME).from(CLIENT).fetch(CLIENT.NAME);
            long latin = names.stream().filter(n -> n.matches("[\\p{IsLatin}0-9 .,()'-]+")).count();
            assertThat(latin).isGreaterThan(names.size() * 8 / 10);
            dsl.select(CHANNEL.VALUE_RAW, CHANNEL.VALUE_NORM).from(CHANNEL).where(CHANNEL.KIND_CODE.eq("phone")).fetch()
                    .forEach(r -> assertThat(ctx.phones().normalizeOrDigits(r.value1())).isEqualTo(r.value2()));
        }
    }
}
