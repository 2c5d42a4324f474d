package org.deskcrm.service.user;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallFilter;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.CallLogRepository;
import org.deskcrm.persistence.ClientListRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.persistence.TaskListRepository;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.persistence.totals.CallTotals;
import org.deskcrm.persistence.user.DatabaseRoles;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoSize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rights enforced by PostgreSQL (V41, ADR 0015) on demo data: each person's own login role, through a
 * plain JDBC connection, reads exactly the rows the application shows that person in every table with
 * owned records, cannot write another manager's records, cannot erase the audit trail, and cannot
 * change people or rights.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresDatabaseRightsTest {
    private static final String PASSWORD = "own-secret-1";
    /** Every table with owned records and, for the owner's connection, the rows a set of people sees. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        // ?1 = the owner ids the person sees, ?2 = the person's team (both independent of the policies)
        String clients = "(select id from client where owner_id = any(?1))";
        String deals = "(select id from deal where owner_id = any(?1))";
        String calls = "(select id from phone_call where user_id = any(?1) or client_id in " + clients + ")";
        EXPECTED.put("client", "select count(*) from client where owner_id = any(?1)");
        EXPECTED.put("contact", "select count(*) from contact where client_id in " + clients);
        EXPECTED.put("channel", "select count(*) from channel where client_id in " + clients);
        EXPECTED.put("client_tag", "select count(*) from client_tag where client_id in " + clients);
        EXPECTED.put("client_need", "select count(*) from client_need where client_id in " + clients);
        EXPECTED.put("deal", "select count(*) from deal where owner_id = any(?1)");
        EXPECTED.put("deal_line", "select count(*) from deal_line where deal_id in " + deals);
        EXPECTED.put("deal_stage_history", "select count(*) from deal_stage_history where deal_id in " + deals);
        EXPECTED.put("deal_total", "select count(*) from deal_total where owner_id = any(?1)");
        EXPECTED.put("sale", "select count(*) from sale where owner_id = any(?1) or client_id in " + clients);
        EXPECTED.put("phone_call", "select count(*) from phone_call where id in " + calls);
        EXPECTED.put("missed_call", "select count(*) from missed_call where manager_id = any(?1) or call_id in " + calls);
        EXPECTED.put("task", "select count(*) from task where assignee_id = any(?1)"
                + " or (assignee_id is null and team_id = ?2)");
        EXPECTED.put("activity", "select count(*) from activity where user_id = any(?1) or client_id in " + clients
                + " or deal_id in " + deals);
        EXPECTED.put("audit_event", "select count(*) from audit_event where user_id = any(?1)");
    }

    private Database db;
    private AppContext ctx;
    private DatabaseConfig owner;
    private final List<User> people = new ArrayList<>();

    @BeforeAll
    void seed() {
        owner = TestDatabases.postgresConfig();
        db = Database.open(owner, 4);
        ctx = new AppContext(db, Clock.fixed(Instant.parse("2026-03-10T09:30:00Z"), ZoneOffset.UTC));
        ctx.demoData().generate(DemoSize.SMALL, Locale.forLanguageTag("ru"), 17, Progress.NONE);
        List<User> all = ctx.users().findAll();
        // an administrator, every supervisor, and managers of two teams (the demo's people)
        all.stream().filter(u -> u.role() == Role.ADMIN).findFirst().ifPresent(people::add);
        all.stream().filter(u -> u.role() == Role.SUPERVISOR).forEach(people::add);
        all.stream().filter(u -> u.role() == Role.MANAGER).collect(Collectors.groupingBy(User::teamId)).values()
                .stream().limit(2).forEach(team -> people.addAll(team.subList(0, Math.min(2, team.size()))));
        // the demo's supervisor heads both teams without being in one (so sees nothing, in the window too):
        // a supervisor who is a member of the first manager's team sees that team
        Long firstTeam = people.stream().filter(u -> u.role() == Role.MANAGER).findFirst().orElseThrow().teamId();
        long teamSupervisor = ctx.users().insert(User.draft("team.lead", "Team Lead", Role.SUPERVISOR, firstTeam), null);
        people.add(ctx.users().findById(teamSupervisor).orElseThrow());
        assertThat(people.get(0).role()).isEqualTo(Role.ADMIN);
        assertThat(people.stream().map(User::role).distinct()).contains(Role.MANAGER, Role.SUPERVISOR);
        DatabaseRoles roles = new DatabaseRoles(db);
        assertThat(roles.enabled()).isTrue();
        for (User u : people) {
            roles.create(u.login(), u.role(), PASSWORD.toCharArray(), true);
        }
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    private Connection connectAs(User u) throws SQLException {
        // the test server's URL names its superuser (?user=postgres), which would win over the login given here
        String url = owner.url().replaceFirst("\\?.*$", "");
        Connection c = DriverManager.getConnection(url, u.login(), PASSWORD);
        assertThat(count(c, "select count(*) from pg_roles where rolname = current_user and rolname = '"
                + u.login().replace("'", "''") + "'")).as("connected as %s", u.login()).isOne();
        return c;
    }

    /** The owner ids a person sees, from the people table (the rule of AccessScope, restated). */
    private Long[] visibleOwners(User u) {
        List<User> all = ctx.users().findAll();
        return switch (u.role()) {
            case ADMIN -> all.stream().map(User::id).toArray(Long[]::new);
            case SUPERVISOR -> all.stream().filter(p -> u.teamId() != null && u.teamId().equals(p.teamId()))
                    .map(User::id).toArray(Long[]::new);
            case MANAGER -> new Long[]{u.id()};
        };
    }

    private long expected(String table, User u) throws SQLException {
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password())) {
            String sql = EXPECTED.get(table);
            Array owners = c.createArrayOf("bigint", visibleOwners(u));
            List<Object> params = new ArrayList<>();
            StringBuilder jdbc = new StringBuilder();
            for (int i = 0; i < sql.length(); i++) {
                if (sql.charAt(i) == '?' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                    params.add(sql.charAt(++i) == '1' ? owners : u.teamId());
                    jdbc.append('?');
                } else {
                    jdbc.append(sql.charAt(i));
                }
            }
            if (u.role() == Role.ADMIN) { // an administrator sees every row, owned or not
                jdbc.setLength(0);
                jdbc.append("select count(*) from ").append(table);
                params.clear();
            }
            try (PreparedStatement ps = c.prepareStatement(jdbc.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    private String scramOf(String login) throws SQLException {
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
             PreparedStatement ps = c.prepareStatement("select rolpassword from pg_authid where rolname = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyPersonsOwnRoleReadsExactlyTheRowsTheApplicationShows() throws SQLException {
        ClientListRepository clients = new ClientListRepository(db);
        CallLogRepository calls = new CallLogRepository(db);
        TaskListRepository tasks = new TaskListRepository(db);
        for (User u : people) {
            AccessScope scope = AccessScope.of(u);
            try (Connection c = connectAs(u)) {
                for (String table : EXPECTED.keySet()) {
                    long visible = count(c, "select count(*) from " + table);
                    assertThat(visible).as("%s (%s) rows of %s", u.login(), u.role(), table).isEqualTo(expected(table, u));
                    if (u.role() == Role.MANAGER && table.equals("client")) {
                        assertThat(visible).as("a manager sees fewer clients than exist").isPositive()
                                .isLessThan(expected(table, people.get(0)));
                    }
                }
                // the application's own scoped queries agree with what the database lets the role read
                assertThat(count(c, "select count(*) from client"))
                        .isEqualTo(clients.count(ClientFilter.ALL.withArchived(true), ClientListRepository.Text.NONE, scope));
                assertThat(count(c, "select count(*) from deal")).isEqualTo(new org.deskcrm.persistence.DealQueryRepository(db)
                        .stageTotals(org.deskcrm.model.deal.DealFilter.ALL, scope).values().stream()
                        .mapToLong(org.deskcrm.model.deal.StageTotal::count).sum());
                assertThat(count(c, "select count(*) from phone_call")).isEqualTo(calls.count(CallFilter.ALL, scope));
                assertThat(count(c, "select count(*) from task")).isEqualTo(tasks.all(null, 1_000_000, scope).size());
            }
        }
    }

    @Test
    void rowSecurityCostIsPrinted() throws SQLException {
        User manager = people.stream().filter(u -> u.role() == Role.MANAGER).findFirst().orElseThrow();
        User lead = people.get(people.size() - 1);
        for (User u : List.of(manager, lead)) {
            try (Connection mine = connectAs(u);
                 Connection all = DriverManager.getConnection(owner.url(), owner.user(), owner.password())) {
                StringBuilder line = new StringBuilder(u.role() + " " + u.login() + ":");
                for (String table : List.of("client", "deal", "deal_stage_history", "phone_call", "activity", "task")) {
                    long[] ms = new long[2];
                    long[] rows = new long[2];
                    for (int round = 0; round < 3; round++) { // the last round counts (warm caches, plans)
                        for (int i = 0; i < 2; i++) {
                            long t0 = System.nanoTime();
                            rows[i] = count(i == 0 ? mine : all, "select count(*) from " + table);
                            ms[i] = (System.nanoTime() - t0) / 1_000;
                        }
                    }
                    line.append(String.format(" %s %d/%d rows %.1f/%.1f ms;", table, rows[0], rows[1], ms[0] / 1e3,
                            ms[1] / 1e3));
                }
                System.out.println("row security cost (own role / owner): " + line);
            }
        }
    }

    @Test
    void aManagersSelectOfClientsReturnsOnlyOwnClients() throws SQLException {
        User manager = people.stream().filter(u -> u.role() == Role.MANAGER).findFirst().orElseThrow();
        long all;
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password())) {
            all = count(c, "select count(*) from client");
        }
        Set<Long> owners = new java.util.HashSet<>();
        int rows = 0;
        try (Connection c = connectAs(manager); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM client")) {
            while (rs.next()) {
                owners.add(rs.getLong("owner_id"));
                rows++;
            }
        }
        assertThat(rows).isPositive().isLessThan((int) all);
        assertThat(owners).containsExactly(manager.id());
    }

    @Test
    void writesToAnotherManagersRecordsAreRefusedByTheDatabase() throws SQLException {
        List<User> managers = people.stream().filter(u -> u.role() == Role.MANAGER).toList();
        User anna = managers.get(0);
        User other = managers.get(1);
        long othersDeal;
        long ownDeal;
        long othersClient;
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password())) {
            othersDeal = count(c, "select min(id) from deal where owner_id = " + other.id());
            ownDeal = count(c, "select min(id) from deal where owner_id = " + anna.id());
            othersClient = count(c, "select min(id) from client where owner_id = " + other.id());
        }
        try (Connection c = connectAs(anna); Statement s = c.createStatement()) {
            // another manager's rows are not there to update or delete
            assertThat(s.executeUpdate("UPDATE deal SET amount = amount + 1 WHERE id = " + othersDeal)).isZero();
            assertThat(s.executeUpdate("DELETE FROM deal_line WHERE deal_id = " + othersDeal)).isZero();
            assertThat(s.executeUpdate("UPDATE client SET name = 'x' WHERE id = " + othersClient)).isZero();
            // nor can an own record be handed to another manager, or a record be created in another's name
            assertThatThrownBy(() -> s.executeUpdate("UPDATE deal SET owner_id = " + other.id() + " WHERE id = " + ownDeal))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO client (kind, name, name_norm, owner_id) VALUES"
                    + " ('company', 'Stolen', 'stolen', " + other.id() + ")"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            // an own record stays writable
            assertThat(s.executeUpdate("UPDATE deal SET amount = amount WHERE id = " + ownDeal)).isOne();
        }
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password())) {
            assertThat(count(c, "select count(*) from client where name = 'x' or name = 'Stolen'")).isZero();
            assertThat(count(c, "select owner_id from deal where id = " + ownDeal)).isEqualTo(anna.id());
        }
    }

    @Test
    void theAuditTrailIsAppendOnlyAndPeopleAndRightsAreTheOwners() throws SQLException {
        for (User u : people) {
            try (Connection c = connectAs(u); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event")).as(u.login())
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET details = 'x'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_event"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("UPDATE app_user SET role_code = 'admin' WHERE login = current_user"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO user_role (code, rank_no) VALUES ('boss', 9)"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                // appending an own event works
                assertThat(s.executeUpdate("INSERT INTO audit_event (occurred_at, user_id, action, details) VALUES"
                        + " (now(), " + u.id() + ", 'export', 'test')")).isOne();
            }
        }
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password())) {
            assertThat(count(c, "select count(*) from audit_event where details = 'test'")).isEqualTo(people.size());
        }
    }

    /**
     * With psql and an own login nobody copies the colleagues' password hashes (V44): the column is refused,
     * the database's functions answer only about the session's own login, and the program on that
     * connection still signs its person in, sees that an administrator has a password, and lists people.
     */
    @Test
    void nobodyReadsAnotherPersonsPasswordHash() throws SQLException {
        User admin = people.get(0);
        User manager = people.stream().filter(u -> u.role() == Role.MANAGER).findFirst().orElseThrow();
        ctx.users().setPasswordHash(admin.id(), new PasswordHasher().hash("admin-secret-1".toCharArray()));
        String managersHash = new PasswordHasher().hash("app-secret-2".toCharArray());
        ctx.users().setPasswordHash(manager.id(), managersHash);
        for (User u : people) {
            try (Connection c = connectAs(u); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("SELECT password_hash FROM app_user")).as(u.login())
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM app_user")).as(u.login())
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.executeQuery("SELECT id FROM app_user WHERE password_hash LIKE '$%'"))
                        .as(u.login()).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThat(count(c, "select count(*) from app_user")).as("the people stay listed").isGreaterThan(1);
                for (User other : List.of(admin, manager)) {
                    try (ResultSet rs = s.executeQuery("SELECT deskcrm_own_password_hash('"
                            + other.login().replace("'", "''") + "')")) {
                        rs.next();
                        if (other.id().equals(u.id())) {
                            assertThat(rs.getString(1)).as("%s's own", u.login()).isNotNull();
                        } else {
                            assertThat(rs.getString(1)).as("%s reads %s's", u.login(), other.login()).isNull();
                        }
                    }
                }
            }
        }
        DatabaseConfig own = new DatabaseConfig(owner.url().replaceFirst("\\?.*$", ""), manager.login(), PASSWORD);
        try (Database mine = Database.open(own, 2)) {
            AppContext window = new AppContext(mine, Clock.systemUTC());
            assertThat(window.auth().needsAdminPassword()).isFalse();
            assertThat(window.users().findAll()).extracting(User::login).contains(admin.login(), manager.login());
            assertThat(window.auth().signIn(manager.login(), "app-secret-2".toCharArray()).id()).isEqualTo(manager.id());
            assertThatThrownBy(() -> window.auth().signIn(manager.login(), "wrong-pass".toCharArray()))
                    .isInstanceOf(org.deskcrm.model.common.AppException.class);
        }
    }

    @Test
    void aTemporaryTableCannotStandInForThePeopleTable() throws SQLException {
        User manager = people.stream().filter(u -> u.role() == Role.MANAGER).findFirst().orElseThrow();
        long own;
        try (Connection c = connectAs(manager); Statement s = c.createStatement()) {
            own = count(c, "select count(*) from client");
            s.execute("CREATE TEMP TABLE app_user AS SELECT id, login, 'admin'::varchar AS role_code, team_id, active"
                    + " FROM public.app_user");
            assertThat(count(c, "select count(*) from client")).isEqualTo(own);
        }
    }

    @Test
    void theProgramOnAPersonsOwnConnectionGetsOnlyThatPersonsRows() throws SQLException {
        User manager = people.stream().filter(u -> u.role() == Role.MANAGER).findFirst().orElseThrow();
        DatabaseConfig own = new DatabaseConfig(owner.url().replaceFirst("\\?.*$", ""), manager.login(), PASSWORD);
        try (Database mine = Database.open(own, 2)) {
            assertThat(mine.isSchemaOwner()).isFalse();
            assertThat(mine.migrationsApplied()).isZero();
            // the system actor's unrestricted query (scope ALL): the database narrows it to the manager's clients
            assertThat(new ClientListRepository(mine).count(ClientFilter.ALL.withArchived(true),
                    ClientListRepository.Text.NONE, AccessScope.all())).isEqualTo(expected("client", manager));
            assertThat(new CallLogRepository(mine).count(CallFilter.ALL, AccessScope.all()))
                    .isEqualTo(expected("phone_call", manager));
            // the window on this connection lets only this person sign in (another login is refused before
            // its password is checked, and the refusal is recorded without naming anyone else's account)
            AppContext window = new AppContext(mine, Clock.systemUTC());
            assertThatThrownBy(() -> window.auth().signIn("admin", "any-password".toCharArray()))
                    .isInstanceOf(org.deskcrm.model.common.AppException.class)
                    .hasFieldOrPropertyWithValue("messageKey", "auth.error.connectionLogin");
            // the person's own sign-in works under the database's rights (sign-in time, event, throttle table),
            // and a change of the own password changes the database login's password too
            ctx.users().setPasswordHash(manager.id(), new PasswordHasher().hash("app-secret-1".toCharArray()));
            assertThat(window.auth().signIn(manager.login(), "app-secret-1".toCharArray()).id()).isEqualTo(manager.id());
            String before = scramOf(manager.login());
            window.auth().changeOwnPassword("app-secret-1".toCharArray(), PASSWORD.toCharArray(), PASSWORD.toCharArray());
            assertThat(scramOf(manager.login())).startsWith("SCRAM-SHA-256$").isNotEqualTo(before);
            assertThat(window.auth().signIn(manager.login(), PASSWORD.toCharArray()).id()).isEqualTo(manager.id());
        }
        assertThat(db.isSchemaOwner()).isTrue();
    }

    @Test
    void aManagerOnTheOwnConnectionLogsACallThatChangesAnotherPersonsCallTotals() throws SQLException {
        User manager = people.stream().filter(u -> u.role() == Role.MANAGER).findFirst().orElseThrow();
        // the latest incoming call another person took: the manager's call of the same number an hour later
        // makes it no longer the caller's only call, which changes that person's call totals row
        String number;
        Instant earlier;
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
             PreparedStatement ps = c.prepareStatement("select phone_raw, started_at from phone_call"
                     + " where user_id <> ? and direction = 'in' order by started_at desc, id desc limit 1")) {
            ps.setLong(1, manager.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("the demo has another person's incoming call").isTrue();
                number = rs.getString(1);
                earlier = rs.getTimestamp(2).toInstant();
            }
        }
        Instant at = earlier.plus(Duration.ofHours(1));
        DatabaseConfig own = new DatabaseConfig(owner.url().replaceFirst("\\?.*$", ""), manager.login(), PASSWORD);
        try (AppContext window = new AppContext(Database.open(own, 2),
                Clock.fixed(at.plus(Duration.ofDays(1)), ZoneOffset.UTC))) {
            var saved = window.callService().log(new Call(null, CallDirection.IN, CallStatus.ANSWERED, at, 95,
                    number, null, null, null, manager.id(), null, null, null), manager.id());
            assertThat(saved.id()).isNotNull();
        }
        // the totals the manager's role wrote equal the calls: the owner's rebuild finds nothing to repair
        assertThat(new CallTotals(db.dsl()).rebuild(step -> { }).repaired()).isZero();
    }

    @Test
    void aManagerOnTheOwnConnectionWritesANoteThatAddsToTheActivityTotals() throws SQLException {
        User manager = people.stream().filter(u -> u.role() == Role.MANAGER).findFirst().orElseThrow();
        long client;
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
             PreparedStatement ps = c.prepareStatement("select min(id) from client where owner_id = ?")) {
            ps.setLong(1, manager.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                client = rs.getLong(1);
                assertThat(client).as("the demo gives the manager a client").isPositive();
            }
        }
        long before = activityTotal(manager.id());
        DatabaseConfig own = new DatabaseConfig(owner.url().replaceFirst("\\?.*$", ""), manager.login(), PASSWORD);
        try (AppContext window = new AppContext(Database.open(own, 2), Clock.systemUTC())) {
            assertThat(window.clientTimeline().addNote(client, manager.id(), "Called back, sends the contract")).isPositive();
        }
        // the manager's role wrote the totals row (no permission error), and the owner's rebuild agrees with it
        assertThat(activityTotal(manager.id())).isEqualTo(before + 1);
        assertThat(new org.deskcrm.persistence.totals.ActivityTotals(db.dsl()).rebuild(step -> { }).repaired()).isZero();
    }

    /** The person's notes, meetings and proposals in the day rows of the activity totals. */
    private long activityTotal(long userId) throws SQLException {
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
             PreparedStatement ps = c.prepareStatement(
                     "select coalesce(sum(activity_count), 0) from activity_total where user_id = ? and day_no > 1000000")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void roleNamesAreQuotedByTheServerAndForeignRolesAreLeftAlone() throws SQLException {
        DatabaseRoles roles = new DatabaseRoles(db);
        String hostile = "x\"; DROP TABLE client; --";
        roles.create(hostile, Role.MANAGER, null, false);
        assertThat(roles.state(hostile).exists()).isTrue();
        assertThat(roles.state(hostile).groups()).containsExactlyInAnyOrder("deskcrm_manager", "deskcrm_user");
        try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
             Statement s = c.createStatement()) {
            assertThat(count(c, "select count(*) from client")).isPositive();
            s.execute("DROP ROLE IF EXISTS outsider");
            s.execute("CREATE ROLE outsider LOGIN");
        }
        assertThatThrownBy(() -> roles.setPassword("outsider", "taken-over".toCharArray()))
                .isInstanceOf(org.deskcrm.model.common.AppException.class)
                .hasFieldOrPropertyWithValue("messageKey", "users.error.databaseRoleForeign");
        assertThatThrownBy(() -> roles.create("postgres", Role.ADMIN, "x".toCharArray(), true))
                .isInstanceOf(org.deskcrm.model.common.AppException.class);
        assertThat(roles.state("outsider").groups()).isEmpty();
    }
}
