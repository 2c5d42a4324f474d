package org.deskcrm.persistence;

import org.deskcrm.AppContext;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.model.client.Contact;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.Page;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Sale;
import org.deskcrm.model.deal.StageChange;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.service.client.DuplicateCandidate;
import org.deskcrm.service.client.Requisites;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repository contract. The same test methods run on H2 ({@link H2RepositoryTest}) and on a real
 * PostgreSQL ({@link PostgresRepositoryTest}); each subclass only says how to open its database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContract {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    AppContext ctx;
    long managerId;
    long otherManagerId;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        managerId = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        otherManagerId = ctx.users().insert(User.draft("boris", "Boris Ivanov", Role.MANAGER, null), null);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    ClientService clients() {
        return ctx.clients();
    }

    ClientCard company(String name, String phone) {
        Client c = Client.draft(ClientKind.COMPANY, name).withOwner(managerId);
        return new ClientCard(c, List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, phone)));
    }

    @Test
    void defaultsAreCreatedOnceWithThreePipelines() {
        assertThat(ctx.referenceData().ensureDefaults(Locale.ENGLISH)).isFalse();
        List<Pipeline> pipelines = ctx.pipelines().findAll();
        assertThat(pipelines).extracting(Pipeline::code).containsExactly("leadgen", "sales", "current");
        for (Pipeline p : pipelines) {
            assertThat(p.stages()).extracting(s -> s.kind()).contains(StageKind.OPEN, StageKind.WON, StageKind.LOST);
            assertThat(p.stages()).isSortedAccordingTo((a, b) -> Integer.compare(a.order(), b.order()));
        }
        assertThat(ctx.pipelines().lostReasons()).isNotEmpty();
    }

    @Test
    void cardRoundTripsWithContactsChannelsAndTags() {
        String inn = Requisites.completeInn("770812345");
        Client c = Client.draft(ClientKind.COMPANY, "Ромашка").withOwner(managerId)
                .withRequisites("ООО «Ромашка»", inn, "770801001")
                .withDetails("Москва, ул. Ленина, 1", "Москва", "Retail", "romashka.ru", null, "VIP", List.of("vip", "retail"));
        ClientCard card = new ClientCard(c,
                List.of(Contact.draft("Иван Петров", "Директор", true), Contact.draft("Ольга Смирнова", "Бухгалтер", false)),
                List.of(Channel.ofClient(ChannelKind.PHONE, "8 (495) 123-45-67"),
                        Channel.ofContact(0, ChannelKind.PHONE, "+7 912 000-11-22"),
                        Channel.ofContact(1, ChannelKind.EMAIL, "Olga@Romashka.RU")));
        long id = clients().save(card, managerId).id();

        ClientCard loaded = clients().load(id);
        assertThat(loaded.client().name()).isEqualTo("Ромашка");
        assertThat(loaded.client().inn()).isEqualTo(inn);
        assertThat(loaded.client().tags()).containsExactly("retail", "vip");
        assertThat(loaded.client().createdAt()).isEqualTo(NOW);
        assertThat(loaded.contacts()).extracting(Contact::fullName).containsExactly("Иван Петров", "Ольга Смирнова");
        long ivan = loaded.contacts().get(0).id();
        long olga = loaded.contacts().get(1).id();
        assertThat(loaded.channels()).extracting(Channel::normalized)
                .containsExactlyInAnyOrder("+74951234567", "+79120001122", "olga@romashka.ru");
        assertThat(loaded.channels()).filteredOn(ch -> "+79120001122".equals(ch.normalized()))
                .extracting(Channel::contactId).containsExactly(ivan);
        assertThat(loaded.channels()).filteredOn(ch -> ch.kind() == ChannelKind.EMAIL)
                .extracting(Channel::contactId).containsExactly(olga);
    }

    @Test
    void staleSaveIsRejectedAndLosesNothing() {
        long id = clients().save(company("Вектор", "+7 495 765-43-21"), managerId).id();
        ClientCard first = clients().load(id);
        ClientCard second = clients().load(id);

        long v1 = clients().save(new ClientCard(first.client().withName("Вектор Плюс"), first.contacts(),
                first.channels()), managerId).version();
        assertThat(v1).isEqualTo(first.client().version() + 1);

        ClientCard stale = new ClientCard(second.client().withName("Вектор-М"), second.contacts(), second.channels());
        assertThatThrownBy(() -> clients().save(stale, otherManagerId)).isInstanceOf(ConcurrentEditException.class);
        ClientCard now = clients().load(id);
        assertThat(now.client().name()).isEqualTo("Вектор Плюс");
        assertThat(now.channels()).hasSize(1);

        List<AuditEvent> events = ctx.audit().forRecord("client", id, 10);
        assertThat(events).extracting(AuditEvent::field, AuditEvent::oldValue, AuditEvent::newValue)
                .contains(org.assertj.core.groups.Tuple.tuple("name", "Вектор", "Вектор Плюс"));
        assertThat(events).noneMatch(e -> "Вектор-М".equals(e.newValue()));
    }

    @Test
    void invalidCardIsRejectedWithFieldErrors() {
        Client c = Client.draft(ClientKind.COMPANY, " ").withRequisites(null, "7708123456", "12");
        ClientCard card = new ClientCard(c, List.of(), List.of(Channel.ofClient(ChannelKind.EMAIL, "not-an-email"),
                Channel.ofClient(ChannelKind.PHONE, "12")));
        long before = clients().count(ClientFilter.ALL.withArchived(true));
        assertThatThrownBy(() -> clients().save(card, managerId))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(er -> er.field() + ":" + er.messageKey())
                        .containsExactlyInAnyOrder("name:validation.required", "inn:validation.inn.checksum",
                                "kpp:validation.kpp.format", "channels[0]:validation.email",
                                "channels[1]:validation.phone"));
        assertThat(clients().count(ClientFilter.ALL.withArchived(true))).isEqualTo(before);
    }

    @Test
    void keysetPagingWalksEveryRowOnceInNameOrder() {
        String tag = "paging-" + System.nanoTime();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String name = (i % 3 == 0 ? "Альфа " : i % 3 == 1 ? "Alpha " : "Ёлка ") + (char) ('a' + (i * 7) % 26) + i;
            names.add(name);
            Client c = Client.draft(ClientKind.PERSON, name).withOwner(managerId)
                    .withDetails(null, null, null, null, null, null, List.of(tag));
            clients().save(new ClientCard(c, List.of(), List.of()), managerId);
        }
        ClientFilter filter = ClientFilter.ALL.withTag(tag);
        List<ClientRow> seen = new ArrayList<>();
        ClientRow last = null;
        int pages = 0;
        Page<ClientRow> page;
        do {
            page = clients().page(filter, last, 10);
            seen.addAll(page.rows());
            last = page.rows().isEmpty() ? null : page.rows().get(page.rows().size() - 1);
            pages++;
        } while (page.hasMore());
        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(ClientRow::name).containsExactlyInAnyOrderElementsOf(names);
        assertThat(seen).extracting(ClientRow::sortKey).isSorted();
        assertThat(new HashSet<>(seen.stream().map(ClientRow::id).toList())).hasSize(23);
        assertThat(clients().count(filter)).isEqualTo(23);
        assertThat(clients().count(filter.withOwner(otherManagerId))).isZero();
        assertThat(clients().page(filter.visibleTo(Set.of(otherManagerId)), null, 50).rows()).isEmpty();
    }

    @Test
    void searchFindsByPhoneInAnyFormatEmailInnAndName() {
        String inn = Requisites.completeInn("500100732");
        Client c = Client.draft(ClientKind.COMPANY, "ООО «Северный Ветер»").withOwner(managerId)
                .withRequisites(null, inn, null);
        long id = clients().save(new ClientCard(c, List.of(), List.of(
                Channel.ofClient(ChannelKind.PHONE, "+7 (916) 555-12-34"),
                Channel.ofClient(ChannelKind.EMAIL, "info@sever-veter.ru"))), managerId).id();
        for (String q : List.of("89165551234", "8 916 555 12 34", "+79165551234", "9165551234", "916555",
                "info@sever", inn, "северный", "Северный ве")) {
            assertThat(clients().search(q, 20)).as(q).extracting(ClientRow::id).contains(id);
        }
        assertThat(clients().search("89165551299", 20)).extracting(ClientRow::id).doesNotContain(id);
    }

    @Test
    void duplicatesAreFoundByPhoneInnAndNearlyTheSameName() {
        String inn = Requisites.completeInn("631234567");
        Client c = Client.draft(ClientKind.COMPANY, "Технопарк Самара").withOwner(managerId).withRequisites(null, inn, null);
        long id = clients().save(new ClientCard(c, List.of(), List.of(
                Channel.ofClient(ChannelKind.PHONE, "+7 846 200-30-40"))), managerId).id();

        List<DuplicateCandidate> byPhone = clients().findDuplicates(company("Совсем другое", "8(846)2003040"));
        assertThat(byPhone).extracting(d -> d.client().id(), DuplicateCandidate::reasonKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "duplicate.phone"));
        ClientCard byInn = new ClientCard(Client.draft(ClientKind.COMPANY, "X").withRequisites(null, inn, null),
                List.of(), List.of());
        assertThat(clients().findDuplicates(byInn)).extracting(DuplicateCandidate::reasonKey).containsExactly("duplicate.inn");
        ClientCard byName = new ClientCard(Client.draft(ClientKind.COMPANY, "ООО Технопарк Самарa"), List.of(), List.of());
        assertThat(clients().findDuplicates(byName)).extracting(d -> d.client().id()).containsExactly(id);
        assertThat(clients().findDuplicates(clients().load(id))).isEmpty();
    }

    @Test
    void stageMovesWriteHistoryInTheSameTransaction() {
        Pipeline sales = ctx.pipelines().findByCode("sales").orElseThrow();
        List<org.deskcrm.model.deal.Stage> open = sales.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        long clientId = clients().save(company("Сделочный клиент", "+7 343 111-22-33"), managerId).id();
        long dealId = ctx.deals().insert(Deal.draft("Поставка станков", clientId, managerId, sales.id(),
                open.get(0).id(), new BigDecimal("150000.50")), managerId, NOW);

        Instant t1 = NOW.plus(Duration.ofDays(2));
        Instant t2 = NOW.plus(Duration.ofDays(5));
        long v = ctx.deals().move(dealId, 0, open.get(2).id(), null, null, managerId, t1);
        long backVersion = ctx.deals().move(dealId, v, open.get(1).id(), null, null, managerId, t2);
        assertThatThrownBy(() -> ctx.deals().move(dealId, v, open.get(0).id(), null, null, managerId, t2))
                .isInstanceOf(ConcurrentEditException.class);
        long lostStage = sales.stageOfKind(StageKind.LOST).id();
        assertThatThrownBy(() -> ctx.deals().move(dealId, backVersion, lostStage, null, null, managerId, t2))
                .isInstanceOf(AppException.class).hasMessageContaining("lostReasonRequired");
        long otherPipelineStage = ctx.pipelines().findByCode("leadgen").orElseThrow().firstOpenStage().id();
        assertThatThrownBy(() -> ctx.deals().move(dealId, backVersion, otherPipelineStage, null, null, managerId, t2))
                .isInstanceOf(AppException.class).hasMessageContaining("stageNotInPipeline");
        long reason = ctx.pipelines().lostReasons().keySet().iterator().next();
        Instant t3 = NOW.plus(Duration.ofDays(9));
        ctx.deals().move(dealId, backVersion, lostStage, reason, "ушли к конкуренту", managerId, t3);

        List<StageChange> history = ctx.deals().history(dealId);
        assertThat(history).extracting(StageChange::toStageId)
                .containsExactly(open.get(0).id(), open.get(2).id(), open.get(1).id(), lostStage);
        assertThat(history.get(0).fromStageId()).isNull();
        for (int i = 0; i + 1 < history.size(); i++) {
            assertThat(history.get(i).leftAt()).isEqualTo(history.get(i + 1).changedAt());
            assertThat(history.get(i + 1).fromStageId()).isEqualTo(history.get(i).toStageId());
        }
        assertThat(history.get(3).leftAt()).isNull();
        Deal deal = ctx.deals().find(dealId).orElseThrow();
        assertThat(deal.stageId()).isEqualTo(lostStage);
        assertThat(deal.closedAt()).isEqualTo(t3);
        assertThat(deal.lostReasonId()).isEqualTo(reason);
        assertThat(deal.amount()).isEqualByComparingTo("150000.50");
        assertThat(ctx.database().dsl().select(org.deskcrm.persistence.jooq.Tables.DEAL.REACHED_ORDER)
                .from(org.deskcrm.persistence.jooq.Tables.DEAL).where(org.deskcrm.persistence.jooq.Tables.DEAL.ID.eq(dealId))
                .fetchOne(0, Integer.class)).isEqualTo(open.get(2).order());
    }

    @Test
    void failedTransactionLeavesNoHalfWrittenRows() {
        long clientId = clients().save(company("Транзакция", "+7 812 100-20-30"), managerId).id();
        int before = ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.SALE);
        assertThatThrownBy(() -> ctx.database().inTransaction(() -> {
            ctx.sales().insert(new Sale(null, clientId, null, managerId, "A-1", LocalDate.of(2026, 1, 10),
                    new BigDecimal("100.00"), LocalDate.of(2026, 1, 20), BigDecimal.ZERO, 0));
            // paid more than the amount: violates a CHECK constraint
            ctx.sales().insert(new Sale(null, clientId, null, managerId, "A-2", LocalDate.of(2026, 1, 11),
                    new BigDecimal("100.00"), null, new BigDecimal("150.00"), 0));
        })).isInstanceOf(RuntimeException.class);
        assertThat(ctx.database().dsl().fetchCount(org.deskcrm.persistence.jooq.Tables.SALE)).isEqualTo(before);
        assertThat(ctx.sales().stats(clientId).count()).isZero();
    }

    @Test
    void callsWithTheSameExternalKeyAreStoredOnce() {
        Instant at = NOW.minus(1, ChronoUnit.HOURS);
        Call call = new Call(null, CallDirection.IN, CallStatus.MISSED, at, 0, "89161234567", "+79161234567",
                null, null, managerId, null, null, "pbx-1700000000.42");
        assertThat(ctx.calls().insert(call)).isPresent();
        assertThat(ctx.calls().insert(call)).isEmpty();
        assertThat(ctx.calls().byPhone("+79161234567", 10)).hasSize(1)
                .first().satisfies(c -> assertThat(c.startedAt()).isEqualTo(at));
    }

    @Test
    void taskCompletionIsVersionChecked() {
        long id = ctx.tasks().insert(Task.draft("Перезвонить", TaskKind.CALL, NOW.minus(1, ChronoUnit.DAYS), managerId),
                managerId, NOW);
        assertThat(ctx.tasks().openDueBefore(managerId, NOW)).extracting(Task::id).contains(id);
        long v = ctx.tasks().complete(id, 0, "договорились о встрече", 15, NOW);
        assertThat(v).isEqualTo(1);
        assertThatThrownBy(() -> ctx.tasks().complete(id, 0, "x", 1, NOW)).isInstanceOf(ConcurrentEditException.class);
        assertThat(ctx.tasks().openDueBefore(managerId, NOW)).extracting(Task::id).doesNotContain(id);
        assertThat(ctx.database().dsl().select(org.deskcrm.persistence.jooq.Tables.TASK.STATUS_CODE,
                        org.deskcrm.persistence.jooq.Tables.TASK.TIME_SPENT_MIN)
                .from(org.deskcrm.persistence.jooq.Tables.TASK).where(org.deskcrm.persistence.jooq.Tables.TASK.ID.eq(id))
                .fetchOne().intoList()).containsExactly(TaskStatus.DONE.code(), 15);
    }

    @Test
    void archivedClientsLeaveTheDefaultList() {
        long id = clients().save(company("Архивный", "+7 383 200-00-01"), managerId).id();
        long version = clients().load(id).client().version();
        clients().setArchived(id, version, true, managerId);
        assertThat(clients().search("Архивный", 10)).extracting(ClientRow::archived).containsExactly(true);
        assertThat(clients().page(ClientFilter.ALL, null, 10_000).rows()).extracting(ClientRow::id).doesNotContain(id);
        assertThat(clients().page(ClientFilter.ALL.withArchived(true), null, 10_000).rows()).extracting(ClientRow::id).contains(id);
    }
}
