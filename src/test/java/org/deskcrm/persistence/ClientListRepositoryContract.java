package org.deskcrm.persistence;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientCursor;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientListItem;
import org.deskcrm.model.client.ClientListPage;
import org.deskcrm.model.client.ClientSort;
import org.deskcrm.model.client.TimelineEntry;
import org.deskcrm.model.client.TimelineKind;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.task.Activity;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;

/**
 * Keyset paging of the client list in every order and direction (walked page by page and compared
 * with the order computed here from the raw rows, ties and never-bought clients included), the
 * filters and counts, and the timeline query. Runs on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientListRepositoryContract {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    static final int BULK = 67;

    AppContext ctx;
    ClientListRepository list;
    TimelineRepository timeline;
    long managerId;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        managerId = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        ClientBulk.insert(ctx.database(), BULK, Instant.parse("2024-01-01T00:00:00Z"), null);
        // ties: several clients share a last purchase date and a creation time
        ctx.database().dsl().update(CLIENT).set(CLIENT.LAST_PURCHASE_ON, LocalDate.of(2025, 2, 1))
                .where(CLIENT.ID.in(6L, 12L, 18L, 24L)).execute();
        var created8 = ctx.database().dsl().select(CLIENT.CREATED_AT).from(CLIENT).where(CLIENT.ID.eq(8L))
                .fetchOne(CLIENT.CREATED_AT);
        ctx.database().dsl().update(CLIENT).set(CLIENT.CREATED_AT, created8).where(CLIENT.ID.in(7L, 9L)).execute();
        list = new ClientListRepository(ctx.database());
        timeline = new TimelineRepository(ctx.database());
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    record Raw(long id, String key, Instant created, LocalDate last, boolean archived) {
    }

    List<Raw> raw() {
        return ctx.database().dsl().select(CLIENT.ID, CLIENT.NAME_NORM, CLIENT.CREATED_AT, CLIENT.LAST_PURCHASE_ON,
                        CLIENT.ARCHIVED).from(CLIENT)
                .fetch(r -> new Raw(r.value1(), r.value2(), r.value3().toInstant(), r.value4(), r.value5()));
    }

    static Comparator<Raw> order(ClientSort sort, boolean desc) {
        Comparator<Raw> byId = Comparator.comparingLong(Raw::id);
        Comparator<Raw> c = switch (sort) {
            case NAME -> Comparator.comparing(Raw::key).thenComparing(byId);
            case CREATED -> Comparator.comparing(Raw::created).thenComparing(byId);
            case LAST_PURCHASE -> Comparator.comparing(Raw::last).thenComparing(byId);
        };
        if (desc) {
            c = c.reversed();
        }
        if (sort == ClientSort.LAST_PURCHASE) {
            Comparator<Raw> inner = c;
            // never-bought clients last in both directions, by id in the same direction
            c = (a, b) -> {
                if ((a.last() == null) != (b.last() == null)) {
                    return a.last() == null ? 1 : -1;
                }
                if (a.last() == null) {
                    return desc ? Long.compare(b.id(), a.id()) : Long.compare(a.id(), b.id());
                }
                return inner.compare(a, b);
            };
        }
        return c;
    }

    List<Long> walk(ClientFilter filter, ClientSort sort, boolean desc, int pageSize) {
        List<Long> ids = new ArrayList<>();
        ClientCursor cursor = null;
        for (int guard = 0; guard < 1_000; guard++) {
            ClientListPage page = list.page(filter, ClientListRepository.Text.NONE, sort, desc, cursor, pageSize);
            page.items().stream().map(ClientListItem::id).forEach(ids::add);
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            if (!page.hasMore()) {
                assertThat(page.next()).isNull();
                return ids;
            }
            cursor = page.next();
        }
        throw new AssertionError("paging does not end");
    }

    @Test
    void keysetPagingMatchesTheFullOrderInEverySortAndDirection() {
        for (boolean archived : new boolean[]{false, true}) {
            List<Raw> rows = raw().stream().filter(r -> archived || !r.archived()).toList();
            for (ClientSort sort : ClientSort.values()) {
                for (boolean desc : new boolean[]{false, true}) {
                    List<Long> expected = rows.stream().sorted(order(sort, desc)).map(Raw::id).toList();
                    for (int size : new int[]{1, 7, 1_000}) {
                        assertThat(walk(ClientFilter.ALL.withArchived(archived), sort, desc, size))
                                .as("%s %s archived=%s page=%d", sort, desc ? "desc" : "asc", archived, size)
                                .containsExactlyElementsOf(expected);
                    }
                }
            }
        }
    }

    @Test
    void countsAndTextRestrictions() {
        long notArchived = raw().stream().filter(r -> !r.archived()).count();
        assertThat(list.count(ClientFilter.ALL, ClientListRepository.Text.NONE)).isEqualTo(notArchived);
        assertThat(list.count(ClientFilter.ALL.withArchived(true), null)).isEqualTo(raw().size());
        // "bulk client 00001x": 10..19 without the archived 10
        var prefix = ClientListRepository.Text.namePrefix("bulk client 00001");
        assertThat(list.count(ClientFilter.ALL, prefix)).isEqualTo(9);
        assertThat(list.page(ClientFilter.ALL, prefix, ClientSort.CREATED, true, null, 100).items())
                .extracting(ClientListItem::id).containsExactly(19L, 18L, 17L, 16L, 15L, 14L, 13L, 12L, 11L);
        var ids = ClientListRepository.Text.ids(Set.of(3L, 5L, 10L));
        assertThat(list.page(ClientFilter.ALL, ids, ClientSort.NAME, false, null, 100).items())
                .extracting(ClientListItem::id).containsExactly(3L, 5L);
        assertThat(list.count(ClientFilter.ALL, ClientListRepository.Text.ids(Set.of()))).isZero();
    }

    @Test
    void tagAndOwnerFiltersAndTagList() {
        ClientCard card = new ClientCard(Client.draft(ClientKind.COMPANY, "Tagged Ltd").withOwner(managerId)
                .withDetails(null, null, null, null, null, null, List.of("vip", "wholesale")), List.of(),
                List.of(Channel.ofClient(ChannelKind.PHONE, "+7 912 000-11-22")));
        long id = ctx.clients().save(card, managerId).id();
        assertThat(list.tags()).contains("vip", "wholesale");
        assertThat(list.page(ClientFilter.ALL.withTag("vip"), null, ClientSort.NAME, false, null, 10).items())
                .extracting(ClientListItem::id).containsExactly(id);
        assertThat(list.count(ClientFilter.ALL.withOwner(managerId), null)).isEqualTo(1);
        ClientListItem item = list.page(ClientFilter.ALL.withOwner(managerId), null, ClientSort.NAME, false, null, 10)
                .items().get(0);
        assertThat(item.row().primaryPhone()).isEqualTo("+7 912 000-11-22");
        assertThat(item.row().ownerName()).isEqualTo("Anna Petrova");
        assertThat(item.createdAt()).isEqualTo(NOW);
    }

    @Test
    void timelineMergesEveryKindNewestFirst() {
        long id = ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Timeline Co"), List.of(),
                List.of(Channel.ofClient(ChannelKind.PHONE, "+7 343 100-20-30"))), managerId).id();
        Instant t = NOW.minus(Duration.ofDays(10));
        ctx.calls().insert(new Call(null, CallDirection.IN, CallStatus.MISSED, t, 0, "+7 343 100-20-30",
                "+73431002030", id, null, managerId, null, null, null));
        ctx.calls().insert(new Call(null, CallDirection.OUT, CallStatus.ANSWERED, t.plusSeconds(3600), 95,
                "+7 343 100-20-30", "+73431002030", id, null, managerId, "Agreed on a demo", null, null));
        Task task = Task.draft("Send the proposal", TaskKind.PROPOSAL, t.plus(Duration.ofDays(1)), managerId);
        ctx.tasks().insert(new Task(null, task.title(), null, task.kind(), task.status(), task.dueAt(), null,
                managerId, null, id, null, null, null, null, 0), managerId, t);
        ctx.tasks().insertActivity(new Activity(null, ActivityKind.MEETING, id, null, null, managerId,
                t.plus(Duration.ofDays(2)), "Met at the office", "Discussed prices"));
        Pipeline sales = ctx.pipelines().findByCode("sales").orElseThrow();
        var open = sales.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        long dealId = ctx.deals().insert(Deal.draft("Machines", id, managerId, sales.id(), open.get(0).id(),
                new BigDecimal("1000.00")), managerId, t.plus(Duration.ofDays(3)));
        ctx.deals().move(dealId, 0, open.get(1).id(), null, null, managerId, t.plus(Duration.ofDays(4)));

        List<TimelineEntry> entries = timeline.forClient(id, 50);
        assertThat(entries).extracting(TimelineEntry::kind).containsExactly(TimelineKind.EDIT, TimelineKind.DEAL,
                TimelineKind.DEAL, TimelineKind.NOTE, TimelineKind.TASK, TimelineKind.CALL, TimelineKind.CALL);
        assertThat(entries).extracting(TimelineEntry::at).isSortedAccordingTo(Comparator.reverseOrder());
        TimelineEntry move = entries.get(1);
        assertThat(move.from()).isEqualTo(open.get(0).name());
        assertThat(move.to()).isEqualTo(open.get(1).name());
        assertThat(move.title()).isEqualTo("Machines");
        assertThat(move.amount()).isEqualByComparingTo("1000.00");
        assertThat(entries.get(2).from()).isNull();
        assertThat(entries.get(3).code()).isEqualTo("meeting");
        assertThat(entries.get(4).code()).isEqualTo("proposal:open");
        assertThat(entries.get(5).code()).isEqualTo("out:answered");
        assertThat(entries.get(5).amount()).isEqualByComparingTo("95");
        assertThat(entries.get(5).userName()).isEqualTo("Anna Petrova");
        assertThat(entries.get(0).code()).isEqualTo("create");
        assertThat(timeline.forClient(id, 1)).hasSize(5);
    }
}
