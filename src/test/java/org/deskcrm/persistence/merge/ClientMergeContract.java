package org.deskcrm.persistence.merge;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.Contact;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Sale;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.merge.MergeField;
import org.deskcrm.model.merge.MergeRequest;
import org.deskcrm.model.merge.MergeResult;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.totals.DealTotals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The merge of two clients on a real database: every child row of the merged client ends on the survivor
 * (counted per table by this test's own SQL, before and after), duplicates of the survivor's channels and
 * tags are dropped, a failure midway leaves everything as it was, a manager cannot merge a colleague's
 * client, and the stored deal totals stay equal to a rebuild. {@link H2ClientMergeTest} and
 * {@link PostgresClientMergeTest} only say which database.
 */
abstract class ClientMergeContract {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    /** Every table with a foreign key to client, as this test knows them (checked against the schema). */
    static final List<String> CHILD_TABLES = List.of("activity", "channel", "client_need", "client_tag", "contact",
            "deal", "phone_call", "sale", "task", "task_template");

    AppContext app;
    long admin;
    User anna;
    User boris;
    long survivor;
    long merged;
    long colleagues;

    abstract Database openDatabase();

    @BeforeEach
    void seed() throws SQLException {
        app = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        admin = app.ensureReferenceData(Locale.ENGLISH);
        anna = user("anna", "Anna Petrova");
        boris = user("boris", "Boris Orlov");
        survivor = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Acme").withOwner(anna.id()),
                List.of(Contact.draft("Ivan Sidorov", "CEO", true)),
                List.of(Channel.ofClient(ChannelKind.PHONE, "+7 495 123-45-67"),
                        Channel.ofContact(0, ChannelKind.EMAIL, "ivan@acme.ru"))), admin).id();
        merged = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "ACME Ltd").withOwner(anna.id())
                .withRequisites("ООО «Акме»", "7707083893", null),
                List.of(Contact.draft("Olga Lebedeva", "Buyer", true), Contact.draft("Petr Ivanov", null, false)),
                List.of(Channel.ofClient(ChannelKind.PHONE, "8 (495) 123-45-67"), // the survivor's number
                        Channel.ofClient(ChannelKind.EMAIL, "office@acme.ru"),
                        Channel.ofContact(0, ChannelKind.PHONE, "+7 916 000-11-22"))), admin).id();
        colleagues = app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Boris's client")
                .withOwner(boris.id()), List.of(), List.of()), admin).id();
        tag(survivor, "vip");
        tag(merged, "vip");
        tag(merged, "wholesale");

        Pipeline sales = app.pipelines().findByCode("sales").orElseThrow();
        long product = app.pipelines().addProduct("SKU-9", "Widget", "pcs", new BigDecimal("100"));
        deal(survivor, "Survivor's deal", sales, false);
        deal(merged, "Merged open deal", sales, false);
        deal(merged, "Merged won deal", sales, true); // its win records a sale
        app.dealFeature().sales().add(new Sale(null, merged, null, anna.id(), "INV-1", LocalDate.of(2026, 2, 1),
                new BigDecimal("250.00"), null, BigDecimal.ZERO, 0), admin);
        app.taskService().create(new Task(null, "Call back", null, TaskKind.CALL,
                org.deskcrm.model.task.TaskStatus.OPEN, NOW.plusSeconds(3600), null, anna.id(), null, merged, null,
                null, null, null, 0), admin);
        app.clientTimeline().addNote(merged, anna.id(), "Asked for a price list");
        app.clientTimeline().addNote(survivor, anna.id(), "Met at the fair");
        try (Connection c = app.database().dataSource().getConnection()) {
            exec(c, "INSERT INTO client_need (client_id, product_id, quantity) VALUES (?, ?, 2)", merged, product);
            exec(c, "INSERT INTO task_template (title, kind_code, recurrence, anchor_date, client_id) "
                    + "VALUES ('Quarterly report', 'other', 'quarterly', DATE '2026-01-01', ?)", merged);
            long answered = call(c, merged, "answered");
            long missed = call(c, merged, "missed");
            exec(c, "INSERT INTO missed_call (call_id, manager_id, due_at) VALUES (?, ?, TIMESTAMP WITH TIME ZONE "
                    + "'2026-03-11 09:00:00+00')", missed, anna.id());
            call(c, survivor, "answered");
            assertThat(answered).isNotEqualTo(missed);
        }
    }

    @AfterEach
    void close() {
        app.close();
    }

    User user(String login, String name) {
        long id = app.users().insert(User.draft(login, name, Role.MANAGER, null), null);
        return app.users().findById(id).orElseThrow();
    }

    void deal(long clientId, String title, Pipeline p, boolean won) {
        var saved = app.dealFeature().deals().create(Deal.draft(title, clientId, anna.id(), p.id(),
                p.firstOpenStage().id(), new BigDecimal("1000.00")), List.<DealLine>of(), admin);
        if (won) {
            app.dealFeature().deals().move(saved.id(), saved.version(), p.stageOfKind(StageKind.WON).id(), null, null,
                    admin);
        }
    }

    void tag(long clientId, String name) throws SQLException {
        try (Connection c = app.database().dataSource().getConnection()) {
            Long tagId = null;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM tag WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        tagId = r.getLong(1);
                    }
                }
            }
            if (tagId == null) {
                exec(c, "INSERT INTO tag (name) VALUES ('" + name + "')");
                tagId = scalar(c, "SELECT id FROM tag WHERE name = '" + name + "'");
            }
            exec(c, "INSERT INTO client_tag (client_id, tag_id) VALUES (?, ?)", clientId, tagId);
        }
    }

    static long call(Connection c, long clientId, String status) throws SQLException {
        String key = "k" + System.nanoTime();
        exec(c, "INSERT INTO phone_call (direction, status_code, started_at, phone_raw, phone_norm, client_id, "
                + "external_key) VALUES ('in', ?, TIMESTAMP WITH TIME ZONE '2026-03-09 10:00:00+00', '84951234567', "
                + "'+74951234567', ?, ?)", status, clientId, key);
        return scalar(c, "SELECT id FROM phone_call WHERE external_key = '" + key + "'");
    }

    static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    static long scalar(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Rows per child table pointing at the client, and its missed calls (through their calls). */
    Map<String, Long> counts(long clientId) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = app.database().dataSource().getConnection()) {
            for (String t : CHILD_TABLES) {
                counts.put(t, scalar(c, "SELECT COUNT(*) FROM " + t + " WHERE client_id = ?", clientId));
            }
            counts.put("missed_call", scalar(c, "SELECT COUNT(*) FROM missed_call m JOIN phone_call p "
                    + "ON p.id = m.call_id WHERE p.client_id = ?", clientId));
            counts.put("client", scalar(c, "SELECT COUNT(*) FROM client WHERE id = ?", clientId));
        }
        return counts;
    }

    long version(long clientId) {
        return app.clients().load(clientId).client().version();
    }

    @Test
    void theTestKnowsEveryTableThatPointsAtAClient() throws SQLException {
        Set<String> referencing = new TreeSet<>();
        try (Connection c = app.database().dataSource().getConnection();
             ResultSet r = c.getMetaData().getExportedKeys(null, null, "client")) {
            while (r.next()) {
                referencing.add(r.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        assertThat(referencing).containsExactlyInAnyOrderElementsOf(CHILD_TABLES);
        assertThat(new TreeSet<>(ClientMergeRepository.childTables())).containsExactlyElementsOf(new TreeSet<>(CHILD_TABLES));
    }

    @Test
    void everyChildRowEndsOnTheSurvivorAndOnlyDuplicatesAreDropped() throws SQLException {
        Map<String, Long> a = counts(survivor);
        Map<String, Long> b = counts(merged);
        // what the seed made, counted by hand: the merged client has 2 contacts, 3 channels, 2 tags, 2 deals,
        // 2 sales (the won deal's and INV-1), 1 need, 2 calls (1 missed), 1 task, 1 template, 1 note
        assertThat(b).containsEntry("contact", 2L).containsEntry("channel", 3L).containsEntry("client_tag", 2L)
                .containsEntry("deal", 2L).containsEntry("sale", 2L).containsEntry("client_need", 1L)
                .containsEntry("phone_call", 2L).containsEntry("missed_call", 1L).containsEntry("task", 1L)
                .containsEntry("task_template", 1L).containsEntry("activity", 1L);
        Set<MergeField> take = EnumSet.of(MergeField.NAME, MergeField.LEGAL_NAME, MergeField.INN);

        MergeResult result = app.merge().service().merge(new MergeRequest(survivor, version(survivor), merged,
                version(merged), take), admin);

        Map<String, Long> after = counts(survivor);
        Map<String, Long> gone = counts(merged);
        for (String t : a.keySet()) {
            if (t.equals("client")) {
                continue;
            }
            long dropped = t.equals("channel") || t.equals("client_tag") ? 1 : 0; // the same phone, the tag "vip"
            assertThat(after.get(t)).as(t).isEqualTo(a.get(t) + b.get(t) - dropped);
            assertThat(gone.get(t)).as(t).isZero();
        }
        assertThat(after.get("client")).isEqualTo(1);
        assertThat(gone.get("client")).isZero();
        assertThat(result.duplicateChannels()).isEqualTo(1);
        assertThat(result.duplicateTags()).isEqualTo(1);
        assertThat(result.moved()).containsEntry("deal", 2).containsEntry("phone_call", 2).containsEntry("contact", 2);

        ClientCard card = app.clients().load(survivor);
        assertThat(card.client().name()).isEqualTo("ACME Ltd");
        assertThat(card.client().inn()).isEqualTo("7707083893");
        assertThat(card.client().legalName()).isEqualTo("ООО «Акме»");
        assertThat(card.client().tags()).containsExactlyInAnyOrder("vip", "wholesale");
        // the survivor keeps its primary contact; the merged client's is an ordinary one now
        assertThat(card.contacts().stream().filter(Contact::primary).map(Contact::fullName)).containsExactly("Ivan Sidorov");
        // two sales moved over: the status is recomputed from them
        assertThat(card.client().purchaseCount()).isEqualTo(2);
        // the event feed has both sides
        assertThat(app.audit().forRecord("client", survivor, 50)).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("merged_from");
            assertThat(e.newValue()).isEqualTo(merged + " ACME Ltd");
        });
        assertThat(app.audit().forRecord("client", merged, 50)).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("merged_into");
            assertThat(e.userId()).isEqualTo(admin);
        });
        // the stored deal totals equal a fresh computation from the deals
        DealTotals.Rebuild check = new DealTotals(app.database().dsl()).rebuild(s -> { });
        assertThat(check.wasBuilt()).isTrue();
        assertThat(check.repaired()).isZero();
    }

    @Test
    void aFailureMidwayLeavesBothClientsAsTheyWere() throws SQLException {
        Map<String, Long> a = counts(survivor);
        Map<String, Long> b = counts(merged);
        long staleVersion = version(merged);
        // someone edits the merged client after the user looked at it: the merge fails at its last write,
        // after every child row was moved
        ClientCard fresh = app.clients().load(merged);
        app.clients().save(new ClientCard(fresh.client().withName("ACME Ltd."), fresh.contacts(), fresh.channels()),
                admin);

        assertThatThrownBy(() -> app.merge().service().merge(new MergeRequest(survivor, version(survivor), merged,
                staleVersion, EnumSet.of(MergeField.NAME)), admin)).isInstanceOf(ConcurrentEditException.class);

        assertThat(counts(survivor)).isEqualTo(a);
        assertThat(counts(merged)).isEqualTo(b);
        assertThat(app.clients().load(survivor).client().name()).isEqualTo("Acme");
        assertThat(app.audit().forRecord("client", survivor, 50)).noneSatisfy(e ->
                assertThat(e.field()).isEqualTo("merged_from"));
        assertThat(new DealTotals(app.database().dsl()).rebuild(s -> { }).repaired()).isZero();
    }

    @Test
    void aManagerMergesOnlyOwnClients() throws SQLException {
        Map<String, Long> a = counts(survivor);
        Map<String, Long> c = counts(colleagues);
        app.session().signIn(anna);
        try {
            assertThatThrownBy(() -> app.merge().service().merge(new MergeRequest(survivor, 0, colleagues, 0,
                    Set.of()), anna.id())).isInstanceOf(NotFoundException.class);
            assertThat(counts(survivor)).isEqualTo(a);
            assertThat(counts(colleagues)).isEqualTo(c);
            // own clients merge
            app.merge().service().merge(new MergeRequest(survivor, version(survivor), merged, version(merged),
                    Set.of()), anna.id());
            assertThat(counts(merged).get("client")).isZero();
        } finally {
            app.session().signOut();
        }
    }
}
