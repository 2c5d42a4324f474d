package org.deskcrm.service.demo;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.client.LifecycleRules;
import org.deskcrm.service.client.Requisites;
import org.deskcrm.service.common.Progress;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CHANNEL;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.CONTACT;
import static org.deskcrm.persistence.jooq.Tables.DEAL;
import static org.deskcrm.persistence.jooq.Tables.DEAL_STAGE_HISTORY;
import static org.deskcrm.persistence.jooq.Tables.GOAL;
import static org.deskcrm.persistence.jooq.Tables.MISSED_CALL;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.PIPELINE;
import static org.deskcrm.persistence.jooq.Tables.SALE;
import static org.deskcrm.persistence.jooq.Tables.STAGE;
import static org.deskcrm.persistence.jooq.Tables.TAG;
import static org.deskcrm.persistence.jooq.Tables.TASK;

/**
 * The demo-data contract: one SMALL generation per database, checked record by record. Runs on H2
 * ({@link H2DemoDataTest}) and on a real PostgreSQL ({@link PostgresDemoDataTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoDataContract {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZONE);

    AppContext ctx;
    DSLContext dsl;
    DemoResult result;

    abstract Database openDatabase();

    @BeforeAll
    void generate() {
        ctx = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        dsl = ctx.database().dsl();
        result = ctx.demoData().generate(DemoSize.SMALL, Locale.forLanguageTag("ru"), 7, Progress.NONE);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    void countsMatchTheSizeAndTheResult() {
        assertThat(dsl.fetchCount(CLIENT)).isEqualTo(DemoSize.SMALL.clients());
        assertThat(dsl.fetchCount(DEAL)).isEqualTo(DemoSize.SMALL.deals());
        assertThat(dsl.fetchCount(PHONE_CALL)).isEqualTo(DemoSize.SMALL.calls());
        for (String table : List.of("client", "contact", "channel", "client_tag", "deal", "deal_line",
                "deal_stage_history", "sale", "client_need", "phone_call", "missed_call", "task", "activity",
                "goal", "lead_source_cost")) {
            long rows = dsl.fetchCount(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(table)));
            assertThat(result.rows().get(table)).as(table).isEqualTo(rows);
            assertThat(rows).as(table).isPositive();
        }
        // about three stage changes per deal, as in the benchmark set
        assertThat(dsl.fetchCount(DEAL_STAGE_HISTORY)).isBetween(2 * DemoSize.SMALL.deals(), 5 * DemoSize.SMALL.deals());
    }

    @Test
    void everyDealHistoryIsConsistentWithTheDeal() {
        Map<Long, Record> stages = new HashMap<>();
        dsl.selectFrom(STAGE).fetch().forEach(s -> stages.put(s.getId(), s));
        Map<Long, List<Record>> history = new HashMap<>();
        dsl.selectFrom(DEAL_STAGE_HISTORY).orderBy(DEAL_STAGE_HISTORY.DEAL_ID, DEAL_STAGE_HISTORY.ID).fetch()
                .forEach(h -> history.computeIfAbsent(h.getDealId(), k -> new ArrayList<>()).add(h));
        Set<String> outcomes = new HashSet<>();
        dsl.selectFrom(DEAL).fetch().forEach(d -> {
            List<Record> rows = history.get(d.getId());
            assertThat(rows).as("history of deal %d", d.getId()).isNotEmpty();
            assertThat(rows.get(0).get(DEAL_STAGE_HISTORY.FROM_STAGE_ID)).isNull();
            assertThat(rows.get(0).get(DEAL_STAGE_HISTORY.CHANGED_AT).toInstant()).isEqualTo(d.getCreatedAt().toInstant());
            int reached = 0;
            for (int i = 0; i < rows.size(); i++) {
                Record h = rows.get(i);
                Record to = stages.get(h.get(DEAL_STAGE_HISTORY.TO_STAGE_ID));
                assertThat(to.get(STAGE.PIPELINE_ID)).isEqualTo(d.getPipelineId());
                if (!"lost".equals(to.get(STAGE.KIND_CODE))) {
                    reached = Math.max(reached, to.get(STAGE.SORT_ORDER));
                }
                assertThat(h.get(DEAL_STAGE_HISTORY.CHANGED_AT).toInstant()).isBeforeOrEqualTo(NOW);
                if (i > 0) {
                    Record prev = rows.get(i - 1);
                    assertThat(h.get(DEAL_STAGE_HISTORY.FROM_STAGE_ID)).isEqualTo(prev.get(DEAL_STAGE_HISTORY.TO_STAGE_ID));
                    assertThat(h.get(DEAL_STAGE_HISTORY.CHANGED_AT).toInstant())
                            .isAfterOrEqualTo(prev.get(DEAL_STAGE_HISTORY.CHANGED_AT).toInstant());
                    assertThat(prev.get(DEAL_STAGE_HISTORY.LEFT_AT).toInstant())
                            .isEqualTo(h.get(DEAL_STAGE_HISTORY.CHANGED_AT).toInstant());
                }
            }
            Record last = rows.get(rows.size() - 1);
            assertThat(last.get(DEAL_STAGE_HISTORY.TO_STAGE_ID)).as("deal %d", d.getId()).isEqualTo(d.getStageId());
            assertThat(last.get(DEAL_STAGE_HISTORY.LEFT_AT)).isNull();
            assertThat(d.getStageChangedAt().toInstant()).isEqualTo(last.get(DEAL_STAGE_HISTORY.CHANGED_AT).toInstant());
            assertThat(d.getReachedOrder()).isEqualTo(reached);
            String kind = stages.get(d.getStageId()).get(STAGE.KIND_CODE);
            outcomes.add(kind);
            if ("open".equals(kind)) {
                assertThat(d.getClosedAt()).isNull();
                assertThat(d.getLostReasonId()).isNull();
            } else {
                assertThat(d.getClosedAt().toInstant()).isEqualTo(d.getStageChangedAt().toInstant());
            }
            if ("lost".equals(kind)) {
                assertThat(d.getLostReasonId()).as("lost reason of deal %d", d.getId()).isNotNull();
            }
        });
        assertThat(outcomes).containsExactlyInAnyOrder("open", "won", "lost");
        assertThat(dsl.selectDistinct(DEAL.PIPELINE_ID).from(DEAL).fetch()).hasSize(3);
    }

    @Test
    void wonDealsOfConversionAndCurrentClientsHaveOneSaleEach() {
        Map<Long, Record> sales = new HashMap<>();
        dsl.selectFrom(SALE).fetch().forEach(s -> {
            assertThat(sales.put(s.getDealId(), s)).as("second sale of deal %d", s.getDealId()).isNull();
            assertThat(s.getPaidAmount()).isBetween(BigDecimal.ZERO, s.getAmount());
            assertThat(s.getDueDate()).isAfterOrEqualTo(s.getSaleDate());
        });
        List<Record> won = dsl.select(DEAL.ID, DEAL.AMOUNT, DEAL.CLOSED_AT, DEAL.CLIENT_ID, PIPELINE.CODE)
                .from(DEAL).join(STAGE).on(STAGE.ID.eq(DEAL.STAGE_ID)).join(PIPELINE).on(PIPELINE.ID.eq(DEAL.PIPELINE_ID))
                .where(STAGE.KIND_CODE.eq("won")).fetch().stream().map(r -> (Record) r).toList();
        int withSale = 0;
        for (Record d : won) {
            Record s = sales.get(d.get(DEAL.ID));
            if ("leadgen".equals(d.get(PIPELINE.CODE))) {
                assertThat(s).isNull();
                continue;
            }
            withSale++;
            assertThat(s).as("sale of won deal %d", d.get(DEAL.ID)).isNotNull();
            assertThat(s.get(SALE.AMOUNT)).isEqualByComparingTo(d.get(DEAL.AMOUNT));
            assertThat(s.get(SALE.CLIENT_ID)).isEqualTo(d.get(DEAL.CLIENT_ID));
            assertThat(s.get(SALE.SALE_DATE)).isEqualTo(LocalDate.ofInstant(d.get(DEAL.CLOSED_AT).toInstant(), ZONE));
        }
        assertThat(sales).hasSize(withSale);
        assertThat(sales.values()).anyMatch(s -> s.get(SALE.DUE_DATE).isBefore(TODAY)
                && s.get(SALE.PAID_AMOUNT).compareTo(s.get(SALE.AMOUNT)) < 0);
        assertThat(sales.values()).anyMatch(s -> s.get(SALE.PAID_AMOUNT).compareTo(s.get(SALE.AMOUNT)) == 0);
    }

    @Test
    void lifecycleStatusFollowsTheRulesFromEachClientsSales() {
        Map<Long, List<LocalDate>> purchases = new HashMap<>();
        dsl.select(SALE.CLIENT_ID, SALE.SALE_DATE).from(SALE).fetch()
                .forEach(r -> purchases.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        Set<String> seen = new HashSet<>();
        dsl.selectFrom(CLIENT).fetch().forEach(c -> {
            List<LocalDate> days = purchases.getOrDefault(c.getId(), List.of());
            LocalDate last = days.stream().max(LocalDate::compareTo).orElse(null);
            LocalDate first = days.stream().min(LocalDate::compareTo).orElse(null);
            String expected = LifecycleRules.DEFAULT.status(days.size(), last, TODAY).code();
            assertThat(c.getLifecycleCode()).as("client %d", c.getId()).isEqualTo(expected);
            assertThat(c.getPurchaseCount()).isEqualTo(days.size());
            assertThat(c.getLastPurchaseOn()).isEqualTo(last);
            assertThat(c.getFirstPurchaseOn()).isEqualTo(first);
            seen.add(expected);
        });
        assertThat(seen).contains("potential", "regular", "churned");
    }

    @Test
    void phonesAreStoredRawAndNormalizedAndFindTheirCard() {
        var phones = ctx.phones();
        List<Record> rows = dsl.select(CHANNEL.CLIENT_ID, CHANNEL.VALUE_RAW, CHANNEL.VALUE_NORM).from(CHANNEL)
                .where(CHANNEL.KIND_CODE.in("phone", "whatsapp")).orderBy(CHANNEL.ID).fetch()
                .stream().map(r -> (Record) r).toList();
        assertThat(rows).isNotEmpty();
        Set<String> shapes = new HashSet<>();
        for (Record r : rows) {
            String raw = r.get(CHANNEL.VALUE_RAW);
            assertThat(r.get(CHANNEL.VALUE_NORM)).matches("\\+\\d{10,14}").isEqualTo(phones.normalizeOrDigits(raw));
            shapes.add(raw.replaceAll("\\d", "9"));
        }
        assertThat(shapes).as("raw formats").hasSizeGreaterThan(4);
        for (int i = 0; i < rows.size(); i += rows.size() / 25 + 1) {
            Record r = rows.get(i);
            List<Long> found = ctx.clients().search(r.get(CHANNEL.VALUE_RAW), 20).stream().map(ClientRow::id).toList();
            assertThat(found).as("search by %s", r.get(CHANNEL.VALUE_RAW)).contains(r.get(CHANNEL.CLIENT_ID));
        }
    }

    @Test
    void callsMatchTheirClientsPhonesOrNoCardAtAll() {
        Map<Long, Set<String>> numbers = new HashMap<>();
        Set<String> all = new HashSet<>();
        dsl.select(CHANNEL.CLIENT_ID, CHANNEL.VALUE_NORM).from(CHANNEL).where(CHANNEL.KIND_CODE.eq("phone")).fetch()
                .forEach(r -> {
                    numbers.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2());
                    all.add(r.value2());
                });
        int unknown = 0;
        for (Record c : dsl.selectFrom(PHONE_CALL).fetch()) {
            String norm = c.get(PHONE_CALL.PHONE_NORM);
            assertThat(ctx.phones().normalizeOrDigits(c.get(PHONE_CALL.PHONE_RAW))).isEqualTo(norm);
            Long client = c.get(PHONE_CALL.CLIENT_ID);
            if (client == null) {
                unknown++;
                assertThat(all).doesNotContain(norm);
            } else {
                assertThat(numbers.get(client)).contains(norm);
            }
            boolean answered = "answered".equals(c.get(PHONE_CALL.STATUS_CODE));
            assertThat(c.get(PHONE_CALL.DURATION_SEC) > 0).isEqualTo(answered);
            assertThat(c.get(PHONE_CALL.STARTED_AT).toInstant()).isBeforeOrEqualTo(NOW);
        }
        assertThat(unknown).isPositive();
        assertThat(dsl.fetchCount(PHONE_CALL, PHONE_CALL.DIRECTION.eq("in"))).isPositive();
        assertThat(dsl.fetchCount(PHONE_CALL, PHONE_CALL.DIRECTION.eq("out"))).isPositive();
        // every missed-call record is a missed incoming call; most were called back
        assertThat(dsl.fetchCount(MISSED_CALL.join(PHONE_CALL).on(PHONE_CALL.ID.eq(MISSED_CALL.CALL_ID)),
                PHONE_CALL.STATUS_CODE.ne("missed").or(PHONE_CALL.DIRECTION.ne("in")))).isZero();
        assertThat(dsl.fetchCount(MISSED_CALL, MISSED_CALL.RESOLVED_BY_CALL_ID.isNotNull())).isPositive();
        assertThat(dsl.fetchCount(MISSED_CALL, MISSED_CALL.ESCALATED_AT.isNotNull())).isPositive();
    }

    @Test
    void companiesHaveValidRequisitesAndOnePrimaryContact() {
        int withInn = 0;
        for (Record c : dsl.selectFrom(CLIENT).fetch()) {
            String inn = c.get(CLIENT.INN);
            if (inn != null) {
                withInn++;
                assertThat(Requisites.isValidInn(inn)).as("INN %s", inn).isTrue();
            }
            String kpp = c.get(CLIENT.KPP);
            if (kpp != null) {
                assertThat(inn).hasSize(10);
                assertThat(Requisites.isValidKpp(kpp)).as("KPP %s", kpp).isTrue();
            }
        }
        assertThat(withInn).isGreaterThan(DemoSize.SMALL.clients() / 3);
        Map<Long, Long> primaries = dsl.select(CONTACT.CLIENT_ID, CONTACT.IS_PRIMARY).from(CONTACT).fetch().stream()
                .filter(r -> r.value2()).collect(Collectors.groupingBy(r -> r.value1(), Collectors.counting()));
        Set<Long> withContacts = new HashSet<>(dsl.selectDistinct(CONTACT.CLIENT_ID).from(CONTACT).fetch(CONTACT.CLIENT_ID));
        assertThat(withContacts).isNotEmpty();
        for (Long client : withContacts) {
            assertThat(primaries.get(client)).as("primary contacts of %d", client).isEqualTo(1L);
        }
    }

    @Test
    void tasksGoalsAndUsersLookLikeAWorkingTeam() {
        OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
        assertThat(dsl.fetchCount(TASK, TASK.STATUS_CODE.eq("open").and(TASK.DUE_AT.lt(now)))).isPositive();
        assertThat(dsl.fetchCount(TASK, TASK.STATUS_CODE.eq("open").and(TASK.DUE_AT.gt(now)))).isPositive();
        assertThat(dsl.fetchCount(TASK, TASK.STATUS_CODE.eq("done").and(TASK.DONE_AT.isNotNull()))).isPositive();
        List<Long> managers = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.ROLE_CODE.eq("manager"))
                .fetch(APP_USER.ID);
        assertThat(managers).hasSizeGreaterThanOrEqualTo(4);
        assertThat(dsl.fetchCount(APP_USER, APP_USER.ROLE_CODE.eq("supervisor"))).isEqualTo(1);
        assertThat(dsl.selectDistinct(APP_USER.TEAM_ID).from(APP_USER).where(APP_USER.ROLE_CODE.eq("manager")).fetch())
                .hasSize(2);
        assertThat(dsl.fetchCount(APP_USER, APP_USER.PASSWORD_HASH.isNotNull())).isZero();
        // six metrics a month for every manager over three years and the two months around today
        for (Long m : managers) {
            assertThat(dsl.fetchCount(GOAL, GOAL.USER_ID.eq(m))).isEqualTo(6 * (36 + 2));
        }
    }

    @Test
    void refusesADatabaseThatAlreadyHoldsData() {
        int clients = dsl.fetchCount(CLIENT);
        assertThatThrownBy(() -> ctx.demoData().generate(DemoSize.SMALL, Locale.ENGLISH, 7, Progress.NONE))
                .isInstanceOfSatisfying(AppException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("demo.error.notEmpty"));
        assertThat(dsl.fetchCount(CLIENT)).isEqualTo(clients);
    }

    @Test
    void theIndexesDroppedForTheLoadAreBack() {
        List<String> names = List.of("ix_deal_cohort", "ix_phone_call_user", "ix_dsh_to_stage", "ix_client_name",
                "ix_channel_value", "ix_task_assignee", "ix_sale_date", "ix_activity_user");
        String sql = ctx.database().isPostgres()
                ? "select indexname from pg_indexes where schemaname = current_schema()"
                : "select index_name from information_schema.indexes where table_schema = current_schema()";
        List<String> present = dsl.resultQuery(sql).fetch(0, String.class);
        assertThat(present).containsAll(names);
    }

    @Test
    void identitiesContinueAfterTheGeneratedIds() {
        long maxUser = dsl.select(org.jooq.impl.DSL.max(APP_USER.ID)).from(APP_USER).fetchOne().value1();
        long user = ctx.users().insert(User.draft("after.demo", "After Demo", Role.MANAGER, null), null);
        assertThat(user).isGreaterThan(maxUser);
        long maxTag = dsl.select(org.jooq.impl.DSL.max(TAG.ID)).from(TAG).fetchOne().value1();
        long tag = dsl.insertInto(TAG, TAG.NAME).values("after demo").returning(TAG.ID).fetchOne(TAG.ID);
        assertThat(tag).isGreaterThan(maxTag);
        long call = dsl.insertInto(PHONE_CALL, PHONE_CALL.DIRECTION, PHONE_CALL.STATUS_CODE, PHONE_CALL.STARTED_AT,
                        PHONE_CALL.PHONE_RAW, PHONE_CALL.PHONE_NORM)
                .values("in", "missed", NOW.atOffset(ZoneOffset.UTC), "1", "1").returning(PHONE_CALL.ID)
                .fetchOne(PHONE_CALL.ID);
        assertThat(call).isGreaterThan(DemoSize.SMALL.calls());
        dsl.deleteFrom(PHONE_CALL).where(PHONE_CALL.ID.eq(call)).execute();
    }
}
