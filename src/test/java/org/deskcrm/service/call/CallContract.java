package org.deskcrm.service.call;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallFilter;
import org.deskcrm.model.call.CallRow;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.call.MissedCall;
import org.deskcrm.model.call.MissedCallState;
import org.deskcrm.model.call.PhoneListKind;
import org.deskcrm.model.call.UnknownNumber;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.notify.Notification;
import org.deskcrm.model.notify.NotificationKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.MutableClock;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls, PBX import, unknown numbers and missed-call control on a real database; run on H2
 * ({@link H2CallTest}) and PostgreSQL ({@link PostgresCallTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CallContract {
    static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    MutableClock clock;
    AppContext ctx;
    long anna;
    long boris;
    long sveta;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        clock = new MutableClock(T0);
        ctx = new AppContext(openDatabase(), clock);
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        sveta = ctx.users().insert(User.draft("sveta", "Sveta Supervisor", Role.SUPERVISOR, null), null);
        long team = ctx.users().insertTeam("Sales", sveta);
        anna = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, team), null);
        boris = ctx.users().insert(User.draft("boris", "Boris Ivanov", Role.MANAGER, team), null);
        setExtension(anna, "101");
        setExtension(boris, "102");
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    private void setExtension(long userId, String ext) {
        try (Connection c = ctx.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE app_user SET phone = ? WHERE id = ?")) {
            ps.setString(1, ext);
            ps.setLong(2, userId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long client(String name, String phone, long owner) {
        Client c = Client.draft(ClientKind.COMPANY, name).withOwner(owner);
        return ctx.clients().save(new ClientCard(c, List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, phone))),
                owner).id();
    }

    Call call(CallDirection d, CallStatus s, Instant at, String phone) {
        return new Call(null, d, s, at, s == CallStatus.ANSWERED ? 60 : 0, phone, null, null, null, null, null,
                null, null);
    }

    static byte[] resource(String name) {
        try (InputStream in = CallContract.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean targets(List<Notification> list, NotificationKind kind, long callId) {
        return list.stream().anyMatch(n -> n.kind() == kind && n.target().equals("call:" + callId));
    }

    // ------------------------------------------------------------------ missed-call control

    @Test
    void missNotifiesManagerAtOnceAndAnOutgoingCallWithinTheWindowReturnsIt() {
        client("Callback Ltd", "+7 495 222-33-01", anna);
        clock.set(T0);
        Call miss = ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED, T0, "8 (495) 222-33-01"), null);
        assertThat(miss.clientId()).isNotNull();
        assertThat(targets(ctx.notifications().drain(anna), NotificationKind.MISSED_CALL, miss.id())).isTrue();
        MissedCall m = ctx.missedCalls().find(miss.id()).orElseThrow();
        assertThat(m.state()).isEqualTo(MissedCallState.OPEN);
        assertThat(m.dueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(m.managerId()).isEqualTo(anna);

        clock.set(T0.plus(Duration.ofHours(23)));
        Call back = ctx.callService().log(call(CallDirection.OUT, CallStatus.ANSWERED, clock.instant(),
                "+74952223301"), anna);
        MissedCall returned = ctx.missedCalls().find(miss.id()).orElseThrow();
        assertThat(returned.state()).isEqualTo(MissedCallState.RETURNED);
        assertThat(returned.resolvedByCallId()).isEqualTo(back.id());

        clock.set(T0.plus(Duration.ofHours(25)));
        List<Notification> escalated = ctx.missedCalls().sweep();
        assertThat(targets(escalated, NotificationKind.MISSED_CALL_ESCALATED, miss.id())).isFalse();
        assertThat(ctx.missedCalls().find(miss.id()).orElseThrow().escalatedAt()).isNull();
    }

    @Test
    void missWithoutCallbackIsEscalatedToTheSupervisorAtTheEndOfTheWindow() {
        client("Silent Ltd", "+7 495 222-33-02", anna);
        Instant t1 = T0.plus(Duration.ofDays(3));
        clock.set(t1);
        Call miss = ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED, t1, "84952223302"), null);
        // a later unanswered call from the same number is another miss, not a callback
        clock.set(t1.plus(Duration.ofHours(2)));
        Call again = ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED, clock.instant(), "84952223302"),
                null);

        clock.set(t1.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(59)));
        assertThat(targets(ctx.missedCalls().sweep(), NotificationKind.MISSED_CALL_ESCALATED, miss.id())).isFalse();
        assertThat(ctx.missedCalls().find(miss.id()).orElseThrow().state()).isEqualTo(MissedCallState.OPEN);

        clock.set(t1.plus(Duration.ofHours(24)));
        List<Notification> escalated = ctx.missedCalls().sweep();
        assertThat(escalated).filteredOn(n -> n.target().equals("call:" + miss.id()))
                .extracting(Notification::recipientId).containsExactly(sveta);
        assertThat(ctx.missedCalls().find(miss.id()).orElseThrow().state()).isEqualTo(MissedCallState.ESCALATED);
        assertThat(ctx.missedCalls().find(again.id()).orElseThrow().state()).isEqualTo(MissedCallState.OPEN);
        assertThat(ctx.missedCalls().overdue()).extracting(MissedCall::callId).contains(miss.id())
                .doesNotContain(again.id());
        // escalated once only
        assertThat(targets(ctx.missedCalls().sweep(), NotificationKind.MISSED_CALL_ESCALATED, miss.id())).isFalse();

        // an answered incoming call from the number later returns both (late for the first)
        clock.set(t1.plus(Duration.ofHours(26)));
        ctx.callService().log(call(CallDirection.IN, CallStatus.ANSWERED, clock.instant(), "+7 495 222 33 02"), anna);
        assertThat(ctx.missedCalls().find(miss.id()).orElseThrow().state()).isEqualTo(MissedCallState.RETURNED_LATE);
        assertThat(ctx.missedCalls().find(again.id()).orElseThrow().state()).isEqualTo(MissedCallState.RETURNED);
        assertThat(ctx.missedCalls().overdue()).extracting(MissedCall::callId).doesNotContain(miss.id());
    }

    @Test
    void answeredIncomingCallInsideTheWindowReturnsTheMiss() {
        client("Ringback Ltd", "+7 495 222-33-03", boris);
        Instant t2 = T0.plus(Duration.ofDays(6));
        clock.set(t2);
        Call miss = ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED, t2, "+74952223303"), null);
        assertThat(ctx.missedCalls().find(miss.id()).orElseThrow().managerId()).isEqualTo(boris);
        clock.set(t2.plus(Duration.ofHours(5)));
        ctx.callService().log(call(CallDirection.IN, CallStatus.ANSWERED, clock.instant(), "+74952223303"), boris);
        assertThat(ctx.missedCalls().find(miss.id()).orElseThrow().state()).isEqualTo(MissedCallState.RETURNED);
        assertThat(ctx.missedCalls().unresolved(boris)).extracting(MissedCall::callId).doesNotContain(miss.id());
    }

    @Test
    void missesSavedByAnotherPathAreBackfilledQuietly() {
        long owner = client("Backfill Ltd", "+7 495 222-33-04", boris);
        Instant t = T0.plus(Duration.ofDays(12));
        clock.set(t);
        long recent = ctx.calls().insert(new Call(null, CallDirection.IN, CallStatus.MISSED, t.minus(Duration.ofHours(2)),
                0, "84952223304", "+74952223304", owner, null, null, null, null, null)).orElseThrow();
        long old = ctx.calls().insert(new Call(null, CallDirection.IN, CallStatus.MISSED, t.minus(Duration.ofHours(30)),
                0, "89995550404", "+79995550404", null, null, anna, null, null, null)).orElseThrow();
        ctx.notifications().drain(null);
        assertThat(ctx.missedCalls().backfill()).isEqualTo(2);
        assertThat(ctx.notifications().pending()).isEmpty();
        MissedCall r = ctx.missedCalls().find(recent).orElseThrow();
        assertThat(r.state()).isEqualTo(MissedCallState.OPEN);
        assertThat(r.managerId()).isEqualTo(boris);
        MissedCall o = ctx.missedCalls().find(old).orElseThrow();
        assertThat(o.state()).isEqualTo(MissedCallState.ESCALATED);
        assertThat(o.escalatedAt()).isEqualTo(o.dueAt());
        assertThat(o.managerId()).isEqualTo(anna);
        assertThat(ctx.missedCalls().backfill()).isZero();
    }

    @Test
    void callbackWindowComesFromTheSettings() {
        ctx.settings().put(MissedCallService.WINDOW_SETTING, "4");
        try {
            assertThat(ctx.missedCalls().window()).isEqualTo(Duration.ofHours(4));
        } finally {
            ctx.settings().put(MissedCallService.WINDOW_SETTING, "24");
        }
        assertThat(ctx.missedCalls().window()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void manualEntryIsValidated() {
        Call bad = new Call(null, CallDirection.OUT, CallStatus.ANSWERED, T0.plus(Duration.ofDays(400)), -5, "12",
                null, null, null, null, null, null, null);
        assertThatThrownBy(() -> ctx.callService().log(bad, anna)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(er -> er.field() + ":" + er.messageKey())
                        .containsExactlyInAnyOrder("startedAt:call.validation.future",
                                "durationSec:call.validation.duration", "phone:call.validation.phone"));
    }

    // ------------------------------------------------------------------ import

    @Test
    void asteriskImportIsIdempotentMatchesNumbersAndControlsMisses() {
        long romashka = client("Ромашка", "+7 495 111-22-33", anna);
        clock.set(Instant.parse("2026-03-09T14:00:00Z"));
        byte[] file = resource("/calls/asterisk-master.csv");

        CallImportPreview preview = ctx.callImport().preview(file, CallImportFormat.ASTERISK, null);
        assertThat(preview.issues()).isEmpty();
        assertThat(preview.rows()).hasSize(9);
        Call first = preview.rows().get(0).call();
        assertThat(first.direction()).isEqualTo(CallDirection.IN);
        assertThat(first.status()).isEqualTo(CallStatus.ANSWERED);
        assertThat(first.durationSec()).isEqualTo(180);
        assertThat(first.phoneNorm()).isEqualTo("+74951112233");
        assertThat(first.userId()).isEqualTo(anna);
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2026-03-09T07:00:00Z")); // Moscow time in the file
        assertThat(preview.rows()).extracting(r -> r.call().direction()).containsExactly(CallDirection.IN,
                CallDirection.IN, CallDirection.OUT, CallDirection.IN, CallDirection.OUT, CallDirection.INTERNAL,
                CallDirection.IN, CallDirection.IN, CallDirection.OUT);
        assertThat(preview.rows()).extracting(r -> r.call().status()).containsExactly(CallStatus.ANSWERED,
                CallStatus.MISSED, CallStatus.ANSWERED, CallStatus.MISSED, CallStatus.NO_ANSWER, CallStatus.ANSWERED,
                CallStatus.MISSED, CallStatus.ANSWERED, CallStatus.ANSWERED);
        assertThat(preview.rows().get(4).call().userId()).isEqualTo(boris);
        assertThat(preview.rows().get(7).call().phoneNorm()).isEqualTo("+79165550003");

        int before = ctx.callService().count(CallFilter.ALL);
        CallImportResult r1 = ctx.callImport().importCalls(file, CallImportFormat.ASTERISK, null, anna, Progress.NONE);
        assertThat(r1).isEqualTo(new CallImportResult(9, 9, 0, 4, 4, 3, 2));
        assertThat(ctx.callService().count(CallFilter.ALL)).isEqualTo(before + 9);
        assertThat(ctx.callService().list(CallFilter.ALL.withClient(romashka), 100)).hasSize(4)
                .allSatisfy(row -> assertThat(row.clientName()).isEqualTo("Ромашка"));

        CallImportResult r2 = ctx.callImport().importCalls(file, CallImportFormat.ASTERISK, null, anna, Progress.NONE);
        assertThat(r2.added()).isZero();
        assertThat(r2.duplicates()).isEqualTo(9);
        assertThat(ctx.callService().count(CallFilter.ALL)).isEqualTo(before + 9);

        List<MissedCall> open = ctx.missedCalls().unresolved(null);
        assertThat(open).extracting(MissedCall::phoneNorm).contains("+79165550002")
                .doesNotContain("+79165550001", "+74951112233");

        // unknown numbers: attach one to a card, put another on a list
        assertThat(ctx.callService().unknownNumbers(100)).extracting(UnknownNumber::phoneNorm)
                .contains("+79165550001", "+79165550002", "+79165550003");
        UnknownNumber u1 = ctx.callService().unknownNumbers(100).stream()
                .filter(u -> u.phoneNorm().equals("+79165550001")).findFirst().orElseThrow();
        assertThat(u1.calls()).isEqualTo(2);
        assertThat(u1.missed()).isEqualTo(1);
        int unknownBefore = ctx.callService().unknownNumberCount();

        long newClient = client("Новый клиент", "+7 812 000-00-01", boris);
        int linked = ctx.callService().attachToClient("+79165550001", u1.phoneRaw(), newClient, boris);
        assertThat(linked).isEqualTo(2);
        assertThat(ctx.callService().list(CallFilter.ALL.withClient(newClient), 10)).hasSize(2)
                .extracting(CallRow::phoneNorm).containsOnly("+79165550001");
        assertThat(ctx.clients().load(newClient).channels()).extracting(Channel::normalized)
                .contains("+79165550001", "+78120000001");

        ctx.callService().putOnList("+79165550002", "89165550002", PhoneListKind.SPAM, "robocall", anna);
        List<String> unknown = ctx.callService().unknownNumbers(100).stream().map(UnknownNumber::phoneNorm).toList();
        assertThat(unknown).doesNotContain("+79165550001", "+79165550002").contains("+79165550003");
        assertThat(ctx.callService().unknownNumberCount()).isEqualTo(unknownBefore - 2);
        assertThat(ctx.callService().listOf("+79165550002")).contains(PhoneListKind.SPAM);
        assertThat(ctx.missedCalls().unresolved(null)).extracting(MissedCall::phoneNorm)
                .doesNotContain("+79165550002");

        // a later call from the attached number is matched at once
        Call later = ctx.callService().log(call(CallDirection.IN, CallStatus.ANSWERED,
                Instant.parse("2026-03-09T13:50:00Z"), "8 916 555-00-01"), boris);
        assertThat(later.clientId()).isEqualTo(newClient);
    }

    @Test
    void malformedRowsAreReportedWithLineNumbersAndNothingIsImported() {
        String csv = String.join("\n",
                "\"\",\"89160000001\",\"101\",\"from-trunk\",\"\",\"SIP/t-1\",\"SIP/101-1\",\"Dial\",\"\","
                        + "\"2026-03-08 10:00:00\",\"\",\"2026-03-08 10:00:09\",9,0,\"NO ANSWER\",\"DOCUMENTATION\",\"m.1\",\"\"",
                "\"\",\"89160000002\",\"101\",\"from-trunk\"",
                "\"\",\"89160000003\",\"101\",\"from-trunk\",\"\",\"SIP/t-1\",\"SIP/101-1\",\"Dial\",\"\","
                        + "\"yesterday\",\"\",\"\",9,0,\"NO ANSWER\",\"DOCUMENTATION\",\"m.3\",\"\"",
                "\"\",\"89160000004\",\"101\",\"from-trunk\",\"\",\"SIP/t-1\",\"SIP/101-1\",\"Dial\",\"\","
                        + "\"2026-03-08 10:00:00\",\"\",\"\",9,x,\"NO ANSWER\",\"DOCUMENTATION\",\"m.4\",\"\"",
                "\"\",\"89160000005\",\"101\",\"from-trunk\",\"\",\"SIP/t-1\",\"SIP/101-1\",\"Dial\",\"\","
                        + "\"2026-03-08 10:00:00\",\"\",\"\",9,0,\"EXPLODED\",\"DOCUMENTATION\",\"m.5\",\"\"");
        int before = ctx.callService().count(CallFilter.ALL);
        assertThatThrownBy(() -> ctx.callImport().importCalls(csv.getBytes(Charset.forName("UTF-8")),
                CallImportFormat.ASTERISK, null, anna, Progress.NONE))
                .isInstanceOfSatisfying(CallImportException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("call.import.error.invalid");
                    assertThat(e.issues()).extracting(ImportIssue::line, ImportIssue::messageKey).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2, "call.import.error.fieldCount"),
                            org.assertj.core.groups.Tuple.tuple(3, "call.import.error.date"),
                            org.assertj.core.groups.Tuple.tuple(4, "call.import.error.duration"),
                            org.assertj.core.groups.Tuple.tuple(5, "call.import.error.status"));
                });
        assertThat(ctx.callService().count(CallFilter.ALL)).isEqualTo(before);
    }

    @Test
    void anonymousCallerIsLoggedButNeitherUnknownNorUnderControl() {
        String row = "\"\",\"\",\"101\",\"from-trunk\",\"\"\"Anonymous\"\" <anonymous>\",\"SIP/t-9\",\"SIP/101-9\","
                + "\"Dial\",\"\",\"2026-03-07 10:00:00\",\"\",\"2026-03-07 10:00:09\",9,0,\"NO ANSWER\","
                + "\"DOCUMENTATION\",\"anon.1\",\"\"";
        CallImportResult r = ctx.callImport().importCalls(row.getBytes(Charset.forName("UTF-8")),
                CallImportFormat.ASTERISK, null, anna, Progress.NONE);
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.missedOpened()).isZero();
        List<CallRow> rows = ctx.callService().list(CallFilter.ALL.withPeriod(Instant.parse("2026-03-07T00:00:00Z"),
                Instant.parse("2026-03-08T00:00:00Z")), 10);
        assertThat(rows).extracting(CallRow::phoneRaw, CallRow::phoneNorm, CallRow::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("anonymous", "", CallStatus.MISSED));
        assertThat(ctx.callService().unknownNumbers(1000)).extracting(UnknownNumber::phoneNorm).doesNotContain("");
    }

    @Test
    void genericCsvInWindows1251WithAMappingImportsOnce() {
        String csv = "Номер звонка;Дата;Направление;Телефон;Результат;Длительность\r\n"
                + "A-1;08.03.2026 09:15;Входящий;+7 (916) 700-00-01;пропущен;0\r\n"
                + "A-2;08.03.2026 09:40;Исходящий;8 916 700 00 01;отвечен;2:05\r\n"
                + "A-3;08.03.2026 10:00;Входящий;+7 916 700-00-02;отвечен;45\r\n";
        byte[] bytes = csv.getBytes(Charset.forName("windows-1251"));
        CallCsvMapping mapping = CallCsvMapping.empty().with(CallField.ID, "Номер звонка")
                .with(CallField.START, "Дата").with(CallField.DIRECTION, "направление")
                .with(CallField.NUMBER, "Телефон").with(CallField.STATUS, "Результат")
                .with(CallField.DURATION, "Длительность");
        assertThat(ctx.callImport().headers(bytes)).containsExactly("Номер звонка", "Дата", "Направление", "Телефон",
                "Результат", "Длительность");
        CallImportPreview p = ctx.callImport().preview(bytes, CallImportFormat.CSV, mapping);
        assertThat(p.issues()).isEmpty();
        assertThat(p.rows()).extracting(r -> r.call().durationSec()).containsExactly(0, 125, 45);
        CallImportResult r = ctx.callImport().importCalls(bytes, CallImportFormat.CSV, mapping, anna, Progress.NONE);
        assertThat(r.added()).isEqualTo(3);
        assertThat(r.missedOpened()).isEqualTo(1);
        assertThat(r.missedReturned()).isEqualTo(1);
        assertThat(ctx.callImport().importCalls(bytes, CallImportFormat.CSV, mapping, anna, Progress.NONE).added())
                .isZero();

        CallCsvMapping noStart = CallCsvMapping.empty().with(CallField.NUMBER, "Телефон");
        assertThat(ctx.callImport().preview(bytes, CallImportFormat.CSV, noStart).issues())
                .extracting(ImportIssue::messageKey)
                .contains("call.import.error.mappingStart", "call.import.error.mappingDirection");
    }

    @Test
    void notificationsAreDrainedPerUser() {
        Map<Long, Integer> seen = new java.util.HashMap<>();
        java.util.function.Consumer<Notification> listener = n -> seen.merge(n.recipientId(), 1, Integer::sum);
        ctx.notifications().addListener(listener);
        try {
            Instant t = T0.plus(Duration.ofDays(9));
            clock.set(t);
            ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED, t, "+7 999 123-45-67"), null);
            // no card and no extension: the supervisors are told
            assertThat(seen).containsKey(sveta);
            assertThat(ctx.notifications().drain(sveta)).anyMatch(n -> n.kind() == NotificationKind.MISSED_CALL);
            assertThat(ctx.notifications().drain(sveta)).isEmpty();
        } finally {
            ctx.notifications().removeListener(listener);
        }
    }

    @Test
    void aMissNobodyWasToldAboutIsDeliveredOnceByTheSweepOfAWindow() {
        Instant t = T0.plus(Duration.ofDays(21));
        clock.set(t);
        // logged where no window listens (the command line): the miss waits, nobody counted as told
        Call miss = ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED, t, "+7 999 765-43-21"), null);
        assertThat(ctx.missedCalls().find(miss.id()).orElseThrow().notifiedAt()).isNull();
        assertThat(ctx.missedCalls().sweep()).noneMatch(n -> n.target().equals("call:" + miss.id()));
        ctx.notifications().drain(null);
        java.util.function.Consumer<Notification> window = n -> { };
        ctx.notifications().addListener(window);
        try {
            clock.set(t.plus(Duration.ofMinutes(5)));
            assertThat(ctx.missedCalls().sweep()).filteredOn(n -> n.target().equals("call:" + miss.id()))
                    .extracting(Notification::kind, Notification::recipientId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationKind.MISSED_CALL, sveta));
            assertThat(ctx.missedCalls().find(miss.id()).orElseThrow().notifiedAt()).isEqualTo(clock.instant());
            assertThat(ctx.missedCalls().sweep()).noneMatch(n -> n.target().equals("call:" + miss.id()));
            // a miss logged while a window listens counts as told at once
            Call seen = ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED, clock.instant(),
                    "+7 999 765-43-22"), null);
            assertThat(ctx.missedCalls().find(seen.id()).orElseThrow().notifiedAt()).isEqualTo(clock.instant());
        } finally {
            ctx.notifications().removeListener(window);
            ctx.notifications().drain(null);
        }
    }

    private static String cdr(String src, String dst, String localStart, boolean answered, String uniqueId) {
        return "\"\",\"" + src + "\",\"" + dst + "\",\"from-trunk\",\"\",\"SIP/t-1\",\"SIP/101-1\",\"Dial\",\"\",\""
                + localStart + "\",\"" + (answered ? localStart : "") + "\",\"" + localStart + "\"," + (answered ? "65,60,\"ANSWERED\"" : "9,0,\"NO ANSWER\"")
                + ",\"DOCUMENTATION\",\"" + uniqueId + "\",\"\"";
    }

    @Test
    void importControlsAndReturnsMissesSetBasedLikeOneByOne() {
        long lutik = client("Лютик", "+7 495 222-33-44", boris);
        ctx.callService().putOnList("+79165550099", "89165550099", PhoneListKind.SPAM, "robot", anna);
        // a miss already under control before the file: returned by the file's outgoing call
        Call old = ctx.callService().log(call(CallDirection.IN, CallStatus.MISSED,
                Instant.parse("2026-02-10T05:00:00Z"), "+7 495 222-33-44"), boris);
        String file = String.join("\n",
                cdr("84952223344", "101", "2026-02-10 10:00:00", false, "batch.1"), // miss of the card: boris
                cdr("89165550077", "101", "2026-02-10 10:05:00", false, "batch.2"), // unknown number: the user rung
                cdr("101", "84952223344", "2026-02-10 10:10:00", true, "batch.3"),  // returns the old miss and batch.1
                cdr("84952223344", "101", "2026-02-10 10:20:00", false, "batch.4"), // a later miss
                cdr("84952223344", "101", "2026-02-10 10:30:00", true, "batch.5"),  // answered: returns batch.4 only
                cdr("89165550099", "101", "2026-02-10 10:40:00", false, "batch.6"), // spam: logged, not controlled
                cdr("84952223344", "101", "2026-02-10 10:30:00", false, "batch.7")); // same second as batch.5: open
        byte[] bytes = file.getBytes(Charset.forName("UTF-8"));

        CallImportResult r = ctx.callImport().importCalls(bytes, CallImportFormat.ASTERISK, null, anna, Progress.NONE);

        assertThat(r.added()).isEqualTo(7);
        assertThat(r.matched()).isEqualTo(5);
        assertThat(r.missedOpened()).isEqualTo(4); // batch.1, .2, .4, .7
        assertThat(r.missedReturned()).isEqualTo(3); // the old miss, batch.1, batch.4
        List<CallRow> rows = ctx.callService().list(CallFilter.ALL.withPeriod(Instant.parse("2026-02-10T06:00:00Z"),
                Instant.parse("2026-02-10T08:00:00Z")), 10).stream()
                .sorted(java.util.Comparator.comparing(CallRow::startedAt).thenComparing(CallRow::id)).toList();
        assertThat(rows).hasSize(7);
        CallRow m1 = rows.get(0);
        CallRow unknown = rows.get(1);
        CallRow out = rows.get(2);
        CallRow m4 = rows.get(3);
        CallRow answered = rows.stream().filter(x -> x.status() == CallStatus.ANSWERED && x.direction() == CallDirection.IN)
                .findFirst().orElseThrow();
        CallRow sameSecond = rows.stream().filter(x -> x.status() == CallStatus.MISSED
                && x.startedAt().equals(answered.startedAt())).findFirst().orElseThrow();
        CallRow spam = rows.get(6);
        assertThat(m1.clientId()).isEqualTo(lutik);
        assertThat(ctx.missedCalls().find(old.id()).orElseThrow().resolvedByCallId()).isEqualTo(out.id());
        assertThat(ctx.missedCalls().find(m1.id()).orElseThrow())
                .satisfies(m -> assertThat(m.resolvedByCallId()).isEqualTo(out.id()))
                .satisfies(m -> assertThat(m.managerId()).isEqualTo(boris));
        assertThat(ctx.missedCalls().find(m4.id()).orElseThrow().resolvedByCallId()).isEqualTo(answered.id());
        assertThat(ctx.missedCalls().find(sameSecond.id()).orElseThrow().resolvedAt()).isNull();
        assertThat(ctx.missedCalls().find(unknown.id()).orElseThrow())
                .satisfies(m -> assertThat(m.resolvedAt()).isNull())
                .satisfies(m -> assertThat(m.managerId()).isEqualTo(anna));
        assertThat(spam.phoneNorm()).isEqualTo("+79165550099");
        assertThat(ctx.missedCalls().find(spam.id())).isEmpty();

        CallImportResult again = ctx.callImport().importCalls(bytes, CallImportFormat.ASTERISK, null, anna,
                Progress.NONE);
        assertThat(again.added()).isZero();
        assertThat(again.duplicates()).isEqualTo(7);
        assertThat(again.missedOpened()).isZero();
    }
}
