package org.deskcrm.ui.call;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.call.MissedCall;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.MutableClock;
import org.deskcrm.service.call.CallField;
import org.deskcrm.service.call.CallImportFormat;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.task.TimeFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The call view models against a real H2 database, with a same-thread executor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallViewModelTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");

    final SameThreadExecutor executor = new SameThreadExecutor();
    final I18n i18n = new I18n(Locale.ENGLISH);
    final TimeFormat time = new TimeFormat(ZoneId.of("Europe/Moscow"), Locale.ENGLISH);
    AppContext ctx;
    long anna;

    @BeforeAll
    void open() {
        ctx = new AppContext(TestDatabases.h2(), new MutableClock(NOW));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        anna = ctx.users().insert(User.draft("anna", "Anna", Role.MANAGER, null), null);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    void manualEntryReadsTheFormSavesAndShowsFieldErrors() {
        CallEntryViewModel vm = new CallEntryViewModel(ctx.callService(), executor, i18n, time, NOW);
        assertThat(vm.dateProperty().get()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(vm.timeProperty().get()).isEqualTo("12:30");
        vm.phoneProperty().set("12");
        vm.durationProperty().set("1:30");
        AtomicBoolean saved = new AtomicBoolean();
        vm.save(anna, c -> saved.set(true));
        assertThat(saved).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Number: “12” is not a phone number");

        vm.phoneProperty().set("8 916 111-22-33");
        vm.timeProperty().set("12:00");
        vm.save(anna, c -> {
            saved.set(true);
            assertThat(c.durationSec()).isEqualTo(90);
            assertThat(c.startedAt()).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
            assertThat(c.phoneNorm()).isEqualTo("+79161112233");
        });
        assertThat(saved).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();

        CallLogViewModel log = new CallLogViewModel(ctx.callService(), ctx.clients(), executor, i18n,
                new ScriptedDialogs(), time);
        log.directionProperty().set(CallDirection.OUT);
        log.refresh();
        assertThat(log.rows()).extracting(r -> r.phoneNorm()).contains("+79161112233");
        assertThat(log.messageProperty().get()).startsWith("Showing");
    }

    @Test
    void importDialogPreviewsMapsAndImportsOnce() {
        String csv = "id,when,who,dir,secs\n"
                + "x1,2026-03-09 10:00:00,+7 916 222-00-01,in,0\n"
                + "x2,2026-03-09 10:05:00,+7 916 222-00-01,out,30\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        CallImportViewModel vm = new CallImportViewModel(ctx.callImport(), executor, i18n);
        vm.formatProperty().set(CallImportFormat.CSV);
        vm.load("calls.csv", bytes);
        assertThat(vm.headers()).containsExactly("id", "when", "who", "dir", "secs");
        assertThat(vm.canImportProperty().get()).isFalse();
        assertThat(vm.issues()).contains("Line 1: choose the column with the start time.");

        vm.column(CallField.ID).set("id");
        vm.column(CallField.START).set("when");
        vm.column(CallField.NUMBER).set("who");
        vm.column(CallField.DIRECTION).set("dir");
        vm.column(CallField.DURATION).set("secs");
        vm.preview();
        assertThat(vm.issues()).isEmpty();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.canImportProperty().get()).isTrue();

        AtomicBoolean done = new AtomicBoolean();
        vm.runImport(anna, () -> done.set(true));
        assertThat(done).isTrue();
        assertThat(vm.resultProperty().get()).startsWith("Read 2: added 2, already imported 0");

        vm.preview();
        vm.runImport(anna, () -> { });
        assertThat(vm.resultProperty().get()).startsWith("Read 2: added 0, already imported 2");
    }

    @Test
    void unknownNumberIsAttachedThroughSearchAndChoiceOrPutOnAList() {
        Client c = Client.draft(ClientKind.COMPANY, "Vega Trading").withOwner(anna);
        long vega = ctx.clients().save(new ClientCard(c, List.of(),
                List.of(Channel.ofClient(ChannelKind.PHONE, "+7 812 555-00-00"))), anna).id();
        ctx.callService().log(new org.deskcrm.model.call.Call(null, CallDirection.IN, CallStatus.MISSED,
                NOW.minusSeconds(3600), 0, "+7 916 333-00-01", null, null, null, null, null, null, null), anna);
        ctx.callService().log(new org.deskcrm.model.call.Call(null, CallDirection.IN, CallStatus.MISSED,
                NOW.minusSeconds(1800), 0, "+7 916 333-00-02", null, null, null, null, null, null, null), anna);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        UnknownNumbersViewModel vm = new UnknownNumbersViewModel(ctx.callService(), ctx.clients(), executor, i18n,
                dialogs);
        vm.refresh();
        var first = vm.rows().stream().filter(u -> u.phoneNorm().equals("+79163330001")).findFirst().orElseThrow();
        dialogs.prompts.add("vega");
        dialogs.choices.add(0);
        vm.attach(first, anna);
        assertThat(dialogs.offered.get(0)).containsExactly("Vega Trading");
        assertThat(vm.messageProperty().get()).contains("attached to Vega Trading; 1 calls linked");
        assertThat(vm.rows()).extracting(u -> u.phoneNorm()).doesNotContain("+79163330001");
        assertThat(ctx.missedCalls().unresolved(null)).filteredOn(m -> m.phoneNorm().equals("+79163330001"))
                .extracting(MissedCall::clientId).containsExactly(vega);

        var second = vm.rows().stream().filter(u -> u.phoneNorm().equals("+79163330002")).findFirst().orElseThrow();
        dialogs.choices.add(3); // spam
        vm.putOnList(second, anna);
        assertThat(vm.messageProperty().get()).contains("“Spam”");
        assertThat(vm.rows()).extracting(u -> u.phoneNorm()).doesNotContain("+79163330002");

        MissedCallsViewModel missed = new MissedCallsViewModel(ctx.missedCalls(), executor, i18n);
        missed.refresh(anna);
        assertThat(missed.rows()).extracting(MissedCall::phoneNorm).contains("+79163330001")
                .doesNotContain("+79163330002");
        assertThat(missed.stateText(missed.rows().get(0))).isEqualTo("Waiting for a callback");
    }
}
