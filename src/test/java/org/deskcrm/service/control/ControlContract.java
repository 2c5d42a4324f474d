package org.deskcrm.service.control;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.control.ControlIndicator;
import org.deskcrm.model.control.ControlItem;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.task.Activity;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.MutableClock;
import org.deskcrm.service.client.Requisites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every control indicator against one hand-built fixture whose expected counts are worked out in
 * the comments; each count must equal the length of its list. Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ControlContract {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    static final Instant LONG_AGO = Instant.parse("2025-06-01T09:00:00Z");

    MutableClock clock;
    AppContext ctx;
    long anna;
    long boris;
    long c1, c2, c3, c4, c5, c6, c7, c8;
    long d1, d2, d3, d4, d5;
    long t1, t4;
    long m1;

    abstract Database openDatabase();

    @BeforeAll
    void fixture() throws SQLException {
        clock = new MutableClock(LONG_AGO);
        ctx = new AppContext(openDatabase(), clock);
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        anna = ctx.users().insert(User.draft("anna", "Anna", Role.MANAGER, null), null);
        boris = ctx.users().insert(User.draft("boris", "Boris", Role.MANAGER, null), null);
        String inn = Requisites.completeInn("770812345");

        // created long ago (candidates for "forgotten")
        c1 = save("Альфа Трейд", "Москва", null, List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 100-00-01")));
        c2 = save("Бета Строй", "Москва", inn, List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 100-00-02")));
        c3 = save("Гамма", null, null, List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 100-00-03")));
        c4 = save("Дельта", "Тверь", inn, List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 100-00-04")));
        c6 = save("Зета", null, null, List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 100-00-06")));
        long v6 = ctx.clients().load(c6).client().version();
        ctx.clients().setArchived(c6, v6, true, anna);
        // created now
        clock.set(NOW);
        c5 = save("Эпсилон", "Казань", null, List.of(Channel.ofClient(ChannelKind.PHONE, "8 495 100 00 01")));
        c7 = save("Омега Групп", "Казань", null, List.of(Channel.ofClient(ChannelKind.EMAIL, "info@omega.ru"),
                Channel.ofClient(ChannelKind.PHONE, "+7 495 100-00-07")));
        c8 = save("Омега Груп", null, null, List.of());
        sql("INSERT INTO channel (client_id, kind_code, value_raw, value_norm) VALUES (" + c1
                + ", 'email', 'info@alfa', 'info@alfa')");
        sql("INSERT INTO required_field (entity, field_name) VALUES ('client', 'address')");

        // contacts: a recent call with C1, an old note on C3, a recent meeting on C4
        ctx.callService().log(call(CallDirection.OUT, CallStatus.ANSWERED, Instant.parse("2026-03-01T10:00:00Z"),
                "+74951000001"), anna);
        ctx.tasks().insertActivity(new Activity(null, ActivityKind.NOTE, c3, null, null, anna,
                Instant.parse("2025-07-01T10:00:00Z"), "note", "old"));
        ctx.tasks().insertActivity(new Activity(null, ActivityKind.MEETING, c4, null, null, anna,
                Instant.parse("2026-02-01T10:00:00Z"), "meeting", null));

        // missed calls: M1 (C4) never returned; M2 (C1) returned; M3 (C7) still inside the window
        m1 = ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED, NOW.minus(Duration.ofHours(30)),
                "+74951000004"), null).id();
        ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED, NOW.minus(Duration.ofHours(30)),
                "+74951000001"), null);
        ctx.callService().log(call(CallDirection.OUT, CallStatus.NO_ANSWER, NOW.minus(Duration.ofHours(29)),
                "+74951000001"), anna);
        ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED, NOW.minus(Duration.ofHours(2)),
                "+74951000007"), null);

        // deals in "Lead conversion": Needs identified (14 days), Proposal sent (14), Negotiation (21), Won
        Pipeline sales = ctx.pipelines().findByCode("sales").orElseThrow();
        List<Stage> open = sales.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        long won = sales.stageOfKind(StageKind.WON).id();
        d1 = deal("D1", c1, sales, open.get(0).id(), days(20));
        d2 = deal("D2", c1, sales, open.get(2).id(), days(5));
        d3 = deal("D3", c2, sales, open.get(1).id(), days(30));
        d4 = deal("D4", c4, sales, won, days(1));
        d5 = deal("D5", c4, sales, open.get(0).id(), days(2));
        t1 = task("T1", NOW.minus(Duration.ofHours(1)), anna, c1, d2);
        task("T2", NOW.plus(Duration.ofDays(1)), anna, c2, d3);
        long t3 = task("T3", NOW.minus(Duration.ofDays(2)), anna, c4, d5);
        ctx.taskService().complete(t3, 0, "done", 10, anna);
        t4 = task("T4", NOW.minus(Duration.ofDays(3)), boris, null, null);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    private static Instant days(int n) {
        return NOW.minus(Duration.ofDays(n));
    }

    private long save(String name, String address, String inn, List<Channel> channels) {
        Client c = Client.draft(ClientKind.COMPANY, name).withOwner(anna).withRequisites(null, inn, null)
                .withDetails(address, null, null, null, null, null, List.of());
        return ctx.clients().save(new ClientCard(c, List.of(), channels), anna).id();
    }

    private static Call call(CallDirection d, CallStatus s, Instant at, String phone) {
        return new Call(null, d, s, at, 0, phone, null, null, null, null, null, null, null);
    }

    private long deal(String title, long client, Pipeline p, long stageId, Instant created) {
        Deal d = new Deal(null, title, client, null, anna, p.id(), stageId, new BigDecimal("1000.00"), null, null, 0,
                ScoreBand.COLD, null, null, created, null, null, 0);
        return ctx.deals().insert(d, anna, created);
    }

    private long task(String title, Instant due, long assignee, Long client, Long deal) {
        return ctx.taskService().create(new Task(null, title, null, TaskKind.CALL, TaskStatus.OPEN, due, null,
                assignee, null, client, deal, null, null, null, 0), assignee);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = ctx.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private List<Long> ids(ControlIndicator i) {
        List<ControlItem> list = ctx.control().list(i, null);
        assertThat(list).as("list of %s", i).hasSize(ctx.control().count(i, null));
        List<Long> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.id()));
        return ids;
    }

    @Test
    void openDealsWithoutAnOpenTask() {
        // D1 has no task, D5 only a done one; D2, D3 have open tasks; D4 is won
        assertThat(ids(ControlIndicator.DEALS_WITHOUT_TASK)).containsExactlyInAnyOrder(d1, d5);
    }

    @Test
    void overdueTasks() {
        // T1 (1 h late) and T4 (3 days late); T2 is due tomorrow, T3 is done
        assertThat(ids(ControlIndicator.OVERDUE_TASKS)).containsExactly(t4, t1);
        assertThat(ctx.control().count(ControlIndicator.OVERDUE_TASKS, boris)).isEqualTo(1);
        assertThat(ctx.control().list(ControlIndicator.OVERDUE_TASKS, boris)).extracting(ControlItem::id)
                .containsExactly(t4);
    }

    @Test
    void missedCallsNotReturnedWithinTheWindow() {
        // M1 is 30 h old and never returned; M2 was returned; M3 is 2 h old
        assertThat(ids(ControlIndicator.UNRETURNED_MISSED_CALLS)).containsExactly(m1);
        ControlItem item = ctx.control().list(ControlIndicator.UNRETURNED_MISSED_CALLS, null).get(0);
        assertThat(item.clientId()).isEqualTo(c4);
        assertThat(item.reasonArgs()).containsExactly("Дельта", 30L);
    }

    @Test
    void dealsStuckInAStageLongerThanItsLimit() {
        // D1: 20 days in a 14-day stage; D3: 30 days in a 14-day stage; D2: 5 of 21; D5: 2 of 14
        assertThat(ids(ControlIndicator.STUCK_DEALS)).containsExactly(d3, d1);
        ControlItem d1Item = ctx.control().list(ControlIndicator.STUCK_DEALS, null).get(1);
        assertThat(d1Item.reasonArgs()).containsExactly("Needs identified", 20L, 14);
    }

    @Test
    void badlyFilledClients() {
        // address is required: C3 and C8 lack it; C1 has a malformed email; archived C6 is ignored
        assertThat(ids(ControlIndicator.BADLY_FILLED_CLIENTS)).containsExactlyInAnyOrder(c1, c3, c8);
        Map<Long, ControlItem> byId = new java.util.HashMap<>();
        ctx.control().list(ControlIndicator.BADLY_FILLED_CLIENTS, null).forEach(i -> byId.put(i.id(), i));
        assertThat(byId.get(c1).reasonKey()).isEqualTo("control.reason.malformed");
        assertThat(byId.get(c1).reasonArgs()).containsExactly("email", "info@alfa", 1);
        assertThat(byId.get(c3).reasonKey()).isEqualTo("control.reason.missing");
    }

    @Test
    void forgottenClients() {
        // C2: never contacted since creation long ago; C3: last note in July 2025 (> 90 days);
        // C1 had a call, C4 a meeting, C5/C7/C8 are new, C6 is archived
        assertThat(ids(ControlIndicator.FORGOTTEN_CLIENTS)).containsExactlyInAnyOrder(c2, c3);
    }

    @Test
    void suspectedDuplicates() {
        // C1+C5 share a phone, C2+C4 an INN, C7+C8 have near-identical names
        assertThat(ids(ControlIndicator.SUSPECTED_DUPLICATES)).containsExactlyInAnyOrder(c1, c5, c2, c4, c7, c8);
        assertThat(ctx.control().count(ControlIndicator.SUSPECTED_DUPLICATES, boris)).isZero();
    }

    @Test
    void dashboardCountsMatchTheHandComputedFixture() {
        Map<ControlIndicator, Integer> counts = ctx.control().counts(null);
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                ControlIndicator.DEALS_WITHOUT_TASK, 2,
                ControlIndicator.OVERDUE_TASKS, 2,
                ControlIndicator.UNRETURNED_MISSED_CALLS, 1,
                ControlIndicator.STUCK_DEALS, 2,
                ControlIndicator.BADLY_FILLED_CLIENTS, 3,
                ControlIndicator.FORGOTTEN_CLIENTS, 2,
                ControlIndicator.SUSPECTED_DUPLICATES, 6));
    }

    /** A team with Anna in it (Boris stays outside); created once, reused by the scope tests. */
    private Long annaTeam;

    private long annaTeam() throws SQLException {
        if (annaTeam == null) {
            annaTeam = ctx.users().insertTeam("North", null);
            sql("update app_user set team_id = " + annaTeam + " where id = " + anna);
        }
        return annaTeam;
    }

    private List<Long> scopedIds(org.deskcrm.model.user.AccessScope scope, ControlIndicator i, Long managerId) {
        ctx.control().restrictedTo(() -> scope);
        try {
            List<Long> ids = ctx.control().list(i, managerId).stream().map(ControlItem::id).toList();
            assertThat(ctx.control().count(i, managerId)).as("count of %s in %s", i, scope).isEqualTo(ids.size());
            assertThat(ctx.control().counts(managerId).get(i)).as("dashboard count of %s", i).isEqualTo(ids.size());
            return ids;
        } finally {
            ctx.control().restrictedTo(org.deskcrm.model.user.AccessScope::all);
        }
    }

    private List<Long> unscopedIds(ControlIndicator i, Long managerId) {
        return ctx.control().list(i, managerId).stream().map(ControlItem::id).toList();
    }

    @Test
    void aManagerSeesOnlyOwnRecordsWhateverTheScreenAsks() {
        var annaScope = org.deskcrm.model.user.AccessScope.owner(anna, null);
        var borisScope = org.deskcrm.model.user.AccessScope.owner(boris, null);
        for (ControlIndicator i : ControlIndicator.values()) {
            assertThat(scopedIds(annaScope, i, null)).as("%s for Anna", i).isEqualTo(unscopedIds(i, anna));
            assertThat(scopedIds(borisScope, i, null)).as("%s for Boris", i).isEqualTo(unscopedIds(i, boris));
            assertThat(scopedIds(borisScope, i, anna)).as("%s: Boris asking for Anna's", i).isEmpty();
        }
        assertThat(scopedIds(borisScope, ControlIndicator.OVERDUE_TASKS, null)).containsExactly(t4);
        assertThat(scopedIds(annaScope, ControlIndicator.OVERDUE_TASKS, null)).containsExactly(t1);
    }

    @Test
    void aSupervisorSeesTheTeamAndAnAdministratorEverybody() throws SQLException {
        var team = org.deskcrm.model.user.AccessScope.team(annaTeam());
        var emptyTeam = org.deskcrm.model.user.AccessScope.team(ctx.users().insertTeam("Empty " + System.nanoTime(), null));
        int seenSomething = 0;
        for (ControlIndicator i : ControlIndicator.values()) {
            assertThat(scopedIds(team, i, null)).as("%s for Anna's supervisor", i).isEqualTo(unscopedIds(i, anna));
            assertThat(scopedIds(team, i, boris)).as("%s: Boris is outside the team", i).isEmpty();
            assertThat(scopedIds(emptyTeam, i, null)).as("%s for an empty team", i).isEmpty();
            assertThat(scopedIds(org.deskcrm.model.user.AccessScope.all(), i, null)).as("%s for the administrator", i)
                    .isEqualTo(unscopedIds(i, null));
            seenSomething += unscopedIds(i, anna).size();
        }
        assertThat(seenSomething).as("the fixture gives Anna's team something to see").isGreaterThan(10);
        assertThat(scopedIds(team, ControlIndicator.OVERDUE_TASKS, null)).containsExactly(t1);
    }

    @Test
    void nameSimilarity() {
        assertThat(NameSimilarity.similar("омегагрупп", "омегагруп")).isTrue();
        assertThat(NameSimilarity.similar("ромашка", "ромашко")).isTrue();
        assertThat(NameSimilarity.similar("ромашка", "ромашка2024")).isFalse();
        assertThat(NameSimilarity.similar("гамма", "дельта")).isFalse();
        assertThat(NameSimilarity.compact("ромашка-м плюс")).isEqualTo("ромашкамплюс");
    }
}
