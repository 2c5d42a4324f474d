package org.deskcrm.service.user;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallFilter;
import org.deskcrm.model.call.CallRow;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientListItem;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.model.client.ClientSort;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealFilter;
import org.deskcrm.model.deal.DealRow;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.deal.StageTotal;
import org.deskcrm.model.search.SearchHit;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskRow;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.CallLogRepository;
import org.deskcrm.persistence.ClientListRepository;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DealQueryRepository;
import org.deskcrm.persistence.TaskListRepository;
import org.deskcrm.persistence.TimelineRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Per-query visibility: two managers in two teams (and a teammate of the first, and the first team's
 * supervisor) each own a client, a deal, calls and tasks; every read query asked with a manager's scope
 * returns only that manager's records (and the team's shared queue), whatever ids or filters are asked
 * for. Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VisibilityContract {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    AppContext ctx;
    Database db;
    long team1;
    long team2;
    User anna;   // manager, team 1
    User olga;   // manager, team 1
    User boris;  // manager, team 2
    User sveta;  // supervisor of team 1
    final Map<Long, Long> clientOf = new java.util.HashMap<>();
    final Map<Long, Long> dealOf = new java.util.HashMap<>();
    final Map<Long, Long> callOf = new java.util.HashMap<>();
    final Map<Long, Long> taskOf = new java.util.HashMap<>();
    long queueTask1;
    long queueTask2;

    abstract Database openDatabase();

    @BeforeAll
    void seed() {
        db = openDatabase();
        ctx = new AppContext(db, Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.ensureReferenceData(Locale.forLanguageTag("ru"));
        team1 = ctx.users().insertTeam("Север", null);
        team2 = ctx.users().insertTeam("Юг", null);
        anna = user("anna", "Анна Петрова", Role.MANAGER, team1);
        olga = user("olga", "Ольга Смирнова", Role.MANAGER, team1);
        boris = user("boris", "Борис Иванов", Role.MANAGER, team2);
        sveta = user("sveta", "Светлана Орлова", Role.SUPERVISOR, team1);
        Pipeline sales = ctx.pipelines().findByCode("sales").orElseThrow();
        long stage = sales.stages().stream().filter(s -> s.kind() == StageKind.OPEN).findFirst().orElseThrow().id();
        int n = 0;
        for (User u : List.of(anna, olga, boris)) {
            n++;
            String phone = "+7 912 000-00-0" + n;
            long client = ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Клиент " + u.login())
                    .withOwner(u.id()), List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, phone))), u.id()).id();
            clientOf.put(u.id(), client);
            dealOf.put(u.id(), ctx.deals().insert(Deal.draft("Сделка " + u.login(), client, u.id(), sales.id(), stage,
                    new BigDecimal("1000")), u.id(), NOW));
            callOf.put(u.id(), ctx.calls().insert(new Call(null, CallDirection.OUT, CallStatus.ANSWERED,
                    NOW.minus(Duration.ofHours(n)), 60, phone, "+7912000000" + n, client, null, u.id(), null, null, null)).orElseThrow());
            taskOf.put(u.id(), ctx.taskService().create(new Task(null, "Задача " + u.login(), null, TaskKind.CALL,
                    org.deskcrm.model.task.TaskStatus.OPEN, NOW.plus(Duration.ofHours(1)), null, u.id(), null, client,
                    null, null, null, null, 0), u.id()));
        }
        queueTask1 = ctx.taskService().createRequest("Очередь Север", null, null, team1, anna.id());
        queueTask2 = ctx.taskService().createRequest("Очередь Юг", null, null, team2, boris.id());
    }

    private User user(String login, String name, Role role, long team) {
        long id = ctx.users().insert(User.draft(login, name, role, team), null);
        return ctx.users().findById(id).orElseThrow();
    }

    @AfterEach
    void signOut() {
        ctx.session().signOut();
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    private static AccessScope scope(User u) {
        return AccessScope.of(u);
    }

    private Set<Long> allClients() {
        return Set.copyOf(clientOf.values());
    }

    @Test
    void clientListPageAndCountShowOnlyOwnClients() {
        ClientListRepository list = new ClientListRepository(db);
        for (User u : List.of(anna, olga, boris)) {
            for (ClientSort sort : ClientSort.values()) {
                for (boolean desc : new boolean[]{false, true}) {
                    List<Long> ids = list.page(ClientFilter.ALL, ClientListRepository.Text.NONE, sort, desc, null, 50,
                            scope(u)).items().stream().map(ClientListItem::row).map(ClientRow::id).toList();
                    assertThat(ids).as("%s %s %s", u.login(), sort, desc).containsExactly(clientOf.get(u.id()));
                }
            }
            assertThat(list.count(ClientFilter.ALL, ClientListRepository.Text.NONE, scope(u))).isEqualTo(1);
            // asking for another manager's client by owner filter or by id still returns nothing
            assertThat(list.page(ClientFilter.ALL.withOwner(boris.id() == u.id() ? anna.id() : boris.id()),
                    ClientListRepository.Text.NONE, ClientSort.NAME, false, null, 50, scope(u)).items()).isEmpty();
            assertThat(list.count(ClientFilter.ALL, ClientListRepository.Text.ids(allClients()), scope(u))).isEqualTo(1);
            assertThat(list.count(ClientFilter.ALL, ClientListRepository.Text.namePrefix("клиент"), scope(u)))
                    .isEqualTo(1);
        }
        assertThat(list.count(ClientFilter.ALL, ClientListRepository.Text.NONE, AccessScope.all())).isEqualTo(3);
    }

    @Test
    void supervisorSeesTheTeamAndAdminEverything() {
        ClientListRepository list = new ClientListRepository(db);
        List<Long> ids = list.page(ClientFilter.ALL, ClientListRepository.Text.NONE, ClientSort.NAME, false, null, 50,
                scope(sveta)).items().stream().map(i -> i.row().id()).toList();
        assertThat(ids).containsExactlyInAnyOrder(clientOf.get(anna.id()), clientOf.get(olga.id()));
        assertThat(new DealQueryRepository(db).rows(DealFilter.ALL, 50, scope(sveta))).extracting(DealRow::id)
                .containsExactlyInAnyOrder(dealOf.get(anna.id()), dealOf.get(olga.id()));
        assertThat(new TaskListRepository(db).all(null, 50, scope(sveta))).extracting(r -> r.task().id())
                .containsExactlyInAnyOrder(taskOf.get(anna.id()), taskOf.get(olga.id()), queueTask1);
        assertThat(new CallLogRepository(db).list(CallFilter.ALL, 50, AccessScope.all())).hasSize(3);
        assertThat(list.count(ClientFilter.ALL, ClientListRepository.Text.NONE, AccessScope.team(null))).isZero();
    }

    @Test
    void byIdLookupsOfAnotherManagersRecordsFindNothing() {
        ClientRepository clients = new ClientRepository(db);
        DealQueryRepository deals = new DealQueryRepository(db);
        CallLogRepository calls = new CallLogRepository(db);
        TaskListRepository tasks = new TaskListRepository(db);
        TimelineRepository timeline = new TimelineRepository(db);
        for (User u : List.of(anna, olga, boris)) {
            for (User other : List.of(anna, olga, boris)) {
                boolean own = u.id().equals(other.id());
                long client = clientOf.get(other.id());
                assertThat(clients.findCard(client, scope(u)).isPresent()).as("%s card of %s", u.login(), other.login())
                        .isEqualTo(own);
                assertThat(deals.row(dealOf.get(other.id()), scope(u)).isPresent()).isEqualTo(own);
                assertThat(ctx.deals().find(dealOf.get(other.id()), scope(u)).isPresent()).isEqualTo(own);
                assertThat(calls.find(callOf.get(other.id()), scope(u)).isPresent()).isEqualTo(own);
                assertThat(tasks.find(taskOf.get(other.id()), scope(u)).isPresent()).isEqualTo(own);
                assertThat(timeline.forClient(client, 20, scope(u)).isEmpty()).isEqualTo(!own);
            }
            assertThat(clients.rows(allClients(), scope(u))).extracting(ClientRow::id)
                    .containsExactly(clientOf.get(u.id()));
            assertThat(clients.idsByNamePrefix("клиент", 10, scope(u))).containsExactly(clientOf.get(u.id()));
        }
    }

    @Test
    void dealCallAndTaskListsShowOnlyOwnRecordsAndTheTeamQueue() {
        DealQueryRepository deals = new DealQueryRepository(db);
        CallLogRepository calls = new CallLogRepository(db);
        TaskListRepository tasks = new TaskListRepository(db);
        for (User u : List.of(anna, olga, boris)) {
            assertThat(deals.rows(DealFilter.ALL, 50, scope(u))).extracting(DealRow::id)
                    .containsExactly(dealOf.get(u.id()));
            Map<Long, StageTotal> totals = deals.stageTotals(DealFilter.ALL, scope(u));
            assertThat(totals.values().stream().mapToLong(StageTotal::count).sum()).isEqualTo(1);
            assertThat(ctx.deals().byTitlePrefix("сделка", 10, scope(u))).extracting(Deal::id)
                    .containsExactly(dealOf.get(u.id()));
            assertThat(calls.list(CallFilter.ALL, 50, scope(u))).extracting(CallRow::id)
                    .containsExactly(callOf.get(u.id()));
            assertThat(calls.count(CallFilter.ALL.withUser(boris.id()), scope(u))).isEqualTo(u == boris ? 1 : 0);
            long queue = u.teamId() == team1 ? queueTask1 : queueTask2;
            assertThat(tasks.all(null, 50, scope(u))).extracting(r -> r.task().id())
                    .containsExactlyInAnyOrder(taskOf.get(u.id()), queue);
            assertThat(tasks.requests(null, 50, scope(u))).extracting(r -> r.task().id()).containsExactly(queue);
            assertThat(tasks.openDueBetween(null, NOW, NOW.plus(Duration.ofDays(1)), 50, scope(u)))
                    .extracting(r -> r.task().id()).containsExactly(taskOf.get(u.id()));
        }
    }

    @Test
    void servicesOfTheWindowReadInTheSignedInUsersScope() {
        ctx.session().signIn(anna);
        assertThat(ctx.clientList().page(ClientQuery.DEFAULT, null, 50).items()).extracting(i -> i.row().id())
                .containsExactly(clientOf.get(anna.id()));
        assertThat(ctx.clientList().count(ClientQuery.DEFAULT)).isEqualTo(1);
        List<SearchHit> hits = ctx.globalSearch().search("Клиент", 10);
        hits = List.copyOf(hits);
        assertThat(ctx.globalSearch().search("сделка", 10)).hasSize(1);
        assertThat(ctx.globalSearch().search("+7 912 000-00-03", 10)).isEmpty(); // boris's phone
        assertThat(ctx.globalSearch().search("+7 912 000-00-01", 10)).hasSize(1);
        assertThat(hits).hasSize(1);
        assertThat(ctx.dealFeature().deals().rows(DealFilter.ALL, 50)).hasSize(1);
        assertThat(ctx.callService().list(CallFilter.ALL, 50)).hasSize(1);
        assertThat(ctx.taskService().list(TaskView.ALL, null, null)).extracting(r -> r.task().id())
                .containsExactlyInAnyOrder(taskOf.get(anna.id()), queueTask1);
        assertThat(ctx.clientTimeline().timeline(clientOf.get(boris.id()), 10)).isEmpty();
        assertThatThrownBy(() -> ctx.clients().load(clientOf.get(boris.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ctx.dealFeature().deals().card(dealOf.get(boris.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ctx.taskService().find(taskOf.get(boris.id()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void reportsOfAManagerShowOnlyOwnFigures() {
        org.deskcrm.model.report.ReportFilter period = org.deskcrm.model.report.ReportFilter.period(
                java.time.LocalDate.of(2026, 3, 8), java.time.LocalDate.of(2026, 3, 12));
        var feed = ctx.reports().get(org.deskcrm.service.report.EventFeedReport.NAME);
        int user = feed.run(period).index("user");
        assertThat(feed.run(period).rows()).extracting(r -> r.values().get(user)).contains(anna.fullName(),
                boris.fullName());
        ctx.session().signIn(anna);
        // a manager gets own figures only: the own ones for the own name or team, nothing for a colleague or
        // another team (never the manager's own figures under the colleague's name; ADR 0008)
        for (var f : List.of(period, period.withManager(anna.id()), period.withTeam(team1))) {
            assertThat(feed.run(f).rows()).isNotEmpty().extracting(r -> r.values().get(user))
                    .containsOnly(anna.fullName());
        }
        for (var f : List.of(period.withManager(boris.id()), period.withTeam(team2), period.withManager(olga.id()))) {
            assertThat(feed.run(f).rows()).isEmpty();
        }
        ctx.session().signIn(sveta);
        assertThat(feed.run(period).rows()).extracting(r -> r.values().get(user))
                .contains(anna.fullName(), olga.fullName()).doesNotContain(boris.fullName());
        assertThat(feed.run(period.withTeam(team2)).rows()).isEmpty();
        assertThat(feed.run(period.withManager(boris.id())).rows()).isEmpty();
    }

    @Test
    void aManagerCannotWriteAnotherManagersRecordsById() {
        ctx.session().signIn(boris);
        ClientCard annas;
        ctx.session().signOut();
        annas = ctx.clients().load(clientOf.get(anna.id()));
        ctx.session().signIn(boris);
        ClientCard renamed = new ClientCard(annas.client().withName("Чужой"), annas.contacts(), annas.channels());
        assertThatThrownBy(() -> ctx.clients().save(renamed, boris.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ctx.clients().setArchived(annas.client().id(), annas.client().version(), true,
                boris.id())).isInstanceOf(NotFoundException.class);
        TaskRow annasTask = new TaskListRepository(db).find(taskOf.get(anna.id()), AccessScope.all()).orElseThrow();
        assertThatThrownBy(() -> ctx.taskService().complete(annasTask.task().id(), annasTask.task().version(), "x",
                1, boris.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ctx.taskService().cancel(annasTask.task().id(), annasTask.task().version(),
                boris.id())).isInstanceOf(NotFoundException.class);
        Deal annasDeal = ctx.deals().find(dealOf.get(anna.id())).orElseThrow();
        assertThatThrownBy(() -> ctx.dealFeature().deals().move(annasDeal.id(), annasDeal.version(),
                annasDeal.stageId() + 1, null, null, boris.id())).isInstanceOf(NotFoundException.class);
        ctx.session().signOut();
        assertThat(ctx.clients().load(clientOf.get(anna.id())).client().name()).isEqualTo("Клиент anna");
        assertThat(new TaskListRepository(db).find(taskOf.get(anna.id()), AccessScope.all()).orElseThrow().task()
                .status()).isEqualTo(org.deskcrm.model.task.TaskStatus.OPEN);
        assertThat(allClients().stream().map(id -> ctx.clients().load(id).client().archived())
                .collect(Collectors.toSet())).containsExactly(false);
    }
}
