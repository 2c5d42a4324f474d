package org.deskcrm.ui.client;

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
import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.client.TimelineKind;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.service.client.Requisites;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCardViewModelTest {
    static final String INN = Requisites.completeInn("770708389");

    ClientUiFixture fx;
    RecordingWorkspace workspace;
    ScriptedDialogs dialogs;

    @BeforeEach
    void open() {
        fx = new ClientUiFixture();
        workspace = new RecordingWorkspace();
        dialogs = new ScriptedDialogs();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    ClientCardViewModel newCard() {
        ClientCardViewModel vm = new ClientCardViewModel(fx.context(new SameThreadExecutor(), workspace, dialogs),
                "client:new:1");
        vm.initNew();
        return vm;
    }

    ClientCardViewModel card(long id) {
        ClientCardViewModel vm = new ClientCardViewModel(fx.context(new SameThreadExecutor(), workspace, dialogs),
                ClientScreens.cardKey(id));
        vm.load(id);
        return vm;
    }

    long count() {
        return fx.app.clients().count(ClientFilter.ALL.withArchived(true));
    }

    long existing(String name, String phone) {
        return fx.app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, name), List.of(),
                List.of(Channel.ofClient(ChannelKind.PHONE, phone))), fx.managerId).id();
    }

    void fillCompany(ClientCardViewModel vm) {
        vm.nameProperty().set("ООО «Вектор»");
        vm.innProperty().set(INN);
        vm.kppProperty().set("770701001");
        vm.addChannel(ChannelKind.PHONE).valueProperty().set("8 (495) 123-45-67");
        ContactRow ivan = vm.addContact();
        ivan.fullNameProperty().set("Иван Петров");
        ivan.jobTitleProperty().set("Директор");
        ivan.primaryProperty().set(true);
        vm.addChannel(ivan, ChannelKind.PHONE).valueProperty().set("+7 912 345-67-89");
        vm.addChannel(ivan, ChannelKind.EMAIL).valueProperty().set("Ivan@Vector.ru");
        ContactRow olga = vm.addContact();
        olga.fullNameProperty().set("Ольга Смирнова");
        olga.jobTitleProperty().set("Бухгалтер");
        vm.addChannel(olga, ChannelKind.TELEGRAM).valueProperty().set("@olga_buh");
    }

    @Test
    void createsACompanyWithTwoContactsAndNormalizedChannels() {
        ClientCardViewModel vm = newCard();
        assertThat(vm.ownerProperty().get().id()).isEqualTo(fx.managerId);
        assertThat(vm.titleProperty().get()).isEqualTo("New client");
        fillCompany(vm);
        vm.tagsProperty().set("vip, wholesale, vip");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(workspace.titles.get("client:new:1")).isEqualTo("ООО «Вектор» *");

        vm.save();

        assertThat(vm.messageKindProperty().get()).isEqualTo(ClientCardViewModel.MessageKind.INFO);
        assertThat(vm.clientId()).isNotNull();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.persistedProperty().get()).isTrue();
        // once saved, the new card's tab is the client's tab: opening the client selects it
        assertThat(vm.tabKey()).isEqualTo(ClientScreens.cardKey(vm.clientId()));
        assertThat(workspace.titles).doesNotContainKey("client:new:1");
        assertThat(workspace.titles.get(ClientScreens.cardKey(vm.clientId()))).isEqualTo("ООО «Вектор»");
        assertThat(workspace.statuses).hasSize(1);
        ClientCard saved = fx.app.clients().load(vm.clientId());
        assertThat(saved.client().inn()).isEqualTo(INN);
        assertThat(saved.client().ownerId()).isEqualTo(fx.managerId);
        assertThat(saved.client().tags()).containsExactly("vip", "wholesale");
        assertThat(saved.contacts()).extracting(c -> c.fullName() + "/" + c.jobTitle() + "/" + c.primary())
                .containsExactly("Иван Петров/Директор/true", "Ольга Смирнова/Бухгалтер/false");
        assertThat(saved.channels()).extracting(Channel::normalized)
                .containsExactlyInAnyOrder("+74951234567", "+79123456789", "ivan@vector.ru", "olga_buh");
        long ivanId = saved.contacts().get(0).id();
        assertThat(saved.channels()).filteredOn(ch -> "+79123456789".equals(ch.normalized()))
                .extracting(Channel::contactId).containsExactly(ivanId);
        // the card now shows what is stored: contact rows carry ids, channels sit under their contact
        assertThat(vm.contacts()).extracting(ContactRow::id).doesNotContainNull();
        assertThat(vm.contacts().get(0).channels()).hasSize(2);
        assertThat(vm.channels()).hasSize(1);
        assertThat(vm.timeline().items()).extracting(TimelineItem::kind).containsExactly(TimelineKind.EDIT);
    }

    @Test
    void badInnIsShownAtTheFieldAndNothingIsSaved() {
        ClientCardViewModel vm = newCard();
        fillCompany(vm);
        vm.innProperty().set("7707083894"); // wrong control digit
        long before = count();
        vm.save();
        assertThat(count()).isEqualTo(before);
        assertThat(vm.errorProperty("inn").get()).isEqualTo("INN control digits do not match: check for a typo");
        assertThat(vm.errorProperty("name").get()).isEmpty();
        assertThat(vm.messageKindProperty().get()).isEqualTo(ClientCardViewModel.MessageKind.ERROR);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.nameProperty().get()).isEqualTo("ООО «Вектор»");
        // fixed: the error goes away and the card saves
        vm.innProperty().set(INN);
        vm.save();
        assertThat(vm.errorProperty("inn").get()).isEmpty();
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void contactAndChannelErrorsAreShownOnTheirRows() {
        ClientCardViewModel vm = newCard();
        vm.nameProperty().set("Someone");
        vm.kindProperty().set(ClientKind.PERSON);
        ContactRow nameless = vm.addContact();
        ChannelRow email = vm.addChannel(nameless, ChannelKind.EMAIL);
        email.valueProperty().set("not-an-email");
        ChannelRow phone = vm.addChannel(ChannelKind.PHONE);
        phone.valueProperty().set("12");
        vm.kppProperty().set("770701001");
        vm.save();
        assertThat(nameless.nameErrorProperty().get()).isEqualTo("Required");
        assertThat(email.errorProperty().get()).isEqualTo("Not an email address: not-an-email");
        assertThat(phone.errorProperty().get()).isEqualTo("Not a phone number: 12");
        assertThat(vm.errorProperty("kpp").get()).startsWith("KPP is only for organizations");
        assertThat(vm.clientId()).isNull();
        vm.removeContact(nameless); // its channel stays with the client
        assertThat(vm.channels()).containsExactly(phone, email);
    }

    @Test
    void duplicatePhoneAsksAndCancelOpenOrSaveAnyway() {
        long other = existing("Старый клиент", "+79123456789");
        long before = count();
        ClientCardViewModel vm = newCard();
        vm.nameProperty().set("Новый клиент");
        vm.addChannel(ChannelKind.PHONE).valueProperty().set("8 (912) 345-67-89");

        dialogs.answer(2);
        vm.save();
        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.asked.get(0).options()).containsExactly("Open existing", "Save anyway", "Cancel");
        assertThat(dialogs.asked.get(0).message()).contains("Старый клиент").contains("same phone 8 (912) 345-67-89");
        assertThat(count()).isEqualTo(before);
        assertThat(vm.busyProperty().get()).isFalse();

        dialogs.answer(0);
        vm.save();
        assertThat(workspace.openedClients).containsExactly(other);
        assertThat(count()).isEqualTo(before);

        dialogs.answer(1);
        vm.save();
        assertThat(count()).isEqualTo(before + 1);
        // editing something else does not ask again
        vm.notesProperty().set("called twice");
        vm.save();
        assertThat(dialogs.asked).hasSize(3);
        assertThat(fx.app.clients().load(vm.clientId()).client().notes()).isEqualTo("called twice");
    }

    @Test
    void editIsPersistedWithAnAuditEntryOnTheTimeline() {
        long id = existing("Альфа", "+7 343 200-00-01");
        ClientCardViewModel vm = card(id);
        assertThat(vm.nameProperty().get()).isEqualTo("Альфа");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(workspace.titles.get(ClientScreens.cardKey(id))).isEqualTo("Альфа");
        vm.nameProperty().set("Альфа-Плюс");
        vm.ownerProperty().set(vm.owners().stream().filter(c -> c.is(fx.otherManagerId)).findFirst().orElseThrow());
        vm.save();
        ClientCard saved = fx.app.clients().load(id);
        assertThat(saved.client().name()).isEqualTo("Альфа-Плюс");
        assertThat(saved.client().ownerId()).isEqualTo(fx.otherManagerId);
        assertThat(saved.client().version()).isEqualTo(1);
        List<AuditEvent> audit = fx.app.audit().forRecord("client", id, 10);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("name");
            assertThat(e.oldValue()).isEqualTo("Альфа");
            assertThat(e.newValue()).isEqualTo("Альфа-Плюс");
        });
        assertThat(vm.timeline().items()).anySatisfy(i -> {
            assertThat(i.headline()).isEqualTo("Changed Manager");
            assertThat(i.detail()).isEqualTo("— → Boris Ivanov");
        });
        assertThat(vm.timeline().items()).anySatisfy(i -> {
            assertThat(i.headline()).isEqualTo("Changed Name");
            assertThat(i.detail()).isEqualTo("Альфа → Альфа-Плюс");
            assertThat(i.user()).isEqualTo("Anna Petrova");
        });
        // a second edit on the same card uses the new version
        vm.regionProperty().set("Свердловская обл.");
        vm.save();
        assertThat(fx.app.clients().load(id).client().version()).isEqualTo(2);
    }

    @Test
    void conflictKeepsWhatWasTypedAndOffersBothVersions() {
        long id = existing("Бета", "+7 343 200-00-02");
        ClientCardViewModel vm = card(id);
        // someone else saves first
        ClientCard theirs = fx.app.clients().load(id);
        fx.app.clients().save(new ClientCard(theirs.client().withName("Бета (их правка)"), theirs.contacts(),
                theirs.channels()), fx.otherManagerId);
        vm.industryProperty().set("Станки");
        vm.save();
        assertThat(vm.messageKindProperty().get()).isEqualTo(ClientCardViewModel.MessageKind.CONFLICT);
        assertThat(vm.messageProperty().get()).contains("Someone else saved this client").contains("Name");
        assertThat(vm.industryProperty().get()).isEqualTo("Станки");
        assertThat(vm.nameProperty().get()).isEqualTo("Бета");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(fx.app.clients().load(id).client().industry()).isNull();

        vm.keepMine();
        ClientCard saved = fx.app.clients().load(id);
        assertThat(saved.client().industry()).isEqualTo("Станки");
        assertThat(saved.client().name()).isEqualTo("Бета");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void takeTheirsAfterAConflict() {
        long id = existing("Гамма", "+7 343 200-00-03");
        ClientCardViewModel vm = card(id);
        ClientCard theirs = fx.app.clients().load(id);
        fx.app.clients().save(new ClientCard(theirs.client().withName("Гамма-2"), theirs.contacts(),
                theirs.channels()), fx.otherManagerId);
        vm.notesProperty().set("mine");
        vm.save();
        vm.takeTheirs();
        assertThat(vm.nameProperty().get()).isEqualTo("Гамма-2");
        assertThat(vm.notesProperty().get()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.notesProperty().set("after theirs");
        vm.save();
        assertThat(fx.app.clients().load(id).client().notes()).isEqualTo("after theirs");
    }

    @Test
    void archiveAndRestore() {
        long id = existing("Дельта", "+7 343 200-00-04");
        ClientCardViewModel vm = card(id);
        vm.toggleArchived();
        assertThat(fx.app.clients().load(id).client().archived()).isTrue();
        assertThat(vm.archivedProperty().get()).isTrue();
        vm.nameProperty().set("Дельта (архив)");
        vm.save(); // the archive bumped the version; the card knows it
        assertThat(fx.app.clients().load(id).client().name()).isEqualTo("Дельта (архив)");
        assertThat(fx.app.clients().load(id).client().archived()).isTrue();
        vm.toggleArchived();
        assertThat(fx.app.clients().load(id).client().archived()).isFalse();
        dialogs.confirmAnswer = false;
        vm.toggleArchived();
        assertThat(fx.app.clients().load(id).client().archived()).isFalse();
    }

    @Test
    void timelineShowsCallsAndNotesAndFiltersByKind() {
        long id = existing("Эпсилон", "+7 343 200-00-05");
        fx.app.calls().insert(new Call(null, CallDirection.IN, CallStatus.MISSED, ClientUiFixture.NOW.minusSeconds(600),
                0, "+7 343 200-00-05", "+73432000005", id, null, fx.managerId, null, null, null));
        ClientCardViewModel vm = card(id);
        vm.timeline().noteTextProperty().set("Asked for a discount");
        vm.timeline().addNote();
        assertThat(vm.timeline().noteTextProperty().get()).isEmpty();
        assertThat(vm.timeline().items()).extracting(TimelineItem::kind)
                .containsExactly(TimelineKind.NOTE, TimelineKind.EDIT, TimelineKind.CALL); // note and creation: same instant
        assertThat(vm.timeline().items().get(2).headline()).isEqualTo("Incoming call, missed: +7 343 200-00-05 (0:00)");
        assertThat(vm.timeline().items().get(0).headline()).isEqualTo("Note: Asked for a discount");
        vm.timeline().filterProperty().set(TimelineKind.CALL);
        assertThat(vm.timeline().items()).extracting(TimelineItem::kind).containsExactly(TimelineKind.CALL);
        vm.timeline().filterProperty().set(null);
        assertThat(vm.timeline().items()).hasSize(3);
    }

    @Test
    void lifecycleIsComputedAndExplained() {
        long id = existing("Зета", "+7 343 200-00-06");
        new ClientRepository(fx.app.database()).setLifecycle(id, LifecycleStatus.REGULAR, 3, LocalDate.of(2025, 1, 5),
                LocalDate.of(2026, 2, 1), ClientUiFixture.NOW);
        ClientCardViewModel vm = card(id);
        assertThat(vm.lifecycleNameProperty().get()).isEqualTo("Regular");
        assertThat(vm.lifecycleExplanationProperty().get())
                .isEqualTo("Two or more purchases, the last within 365 days. Purchases: 3, the last on Feb 1, 2026");
        ClientCardViewModel fresh = newCard();
        assertThat(fresh.lifecycleNameProperty().get()).isEqualTo("Potential");
        assertThat(fresh.lifecycleExplanationProperty().get()).isEqualTo("Has never bought. No purchases recorded.");
    }

    @Test
    void channelButtonsOpenTheRightLinks() {
        ClientCardViewModel vm = newCard();
        ChannelRow phone = vm.addChannel(ChannelKind.PHONE);
        phone.valueProperty().set("8 (912) 345-67-89");
        ChannelRow tg = vm.addChannel(ChannelKind.TELEGRAM);
        tg.valueProperty().set("@olga_buh");
        ChannelRow mail = vm.addChannel(ChannelKind.EMAIL);
        mail.valueProperty().set("ivan@vector.ru");
        vm.open(phone, ChannelLinks.Action.CALL);
        vm.open(phone, ChannelLinks.Action.WHATSAPP);
        vm.open(tg, ChannelLinks.Action.TELEGRAM);
        vm.open(mail, ChannelLinks.Action.MAIL);
        assertThat(fx.links).containsExactly("tel:+79123456789", "https://wa.me/79123456789",
                "https://t.me/olga_buh", "mailto:ivan@vector.ru");
        ChannelRow bad = vm.addChannel(ChannelKind.PHONE);
        bad.valueProperty().set("12");
        vm.open(bad, ChannelLinks.Action.CALL);
        assertThat(fx.links).hasSize(4);
        assertThat(vm.messageProperty().get()).contains("Cannot open a link");
    }

    @Test
    void reloadDropsTypedChanges() {
        long id = existing("Эта", "+7 343 200-00-07");
        ClientCardViewModel vm = card(id);
        vm.nameProperty().set("typo");
        vm.reload();
        assertThat(vm.nameProperty().get()).isEqualTo("Эта");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.channels()).extracting(r -> r.valueProperty().get()).containsExactly("+7 343 200-00-07");
    }

    @Test
    void theOwnerPickerOffersOnlyWhomTheUserMayAssign() {
        assertThat(newCard().owners()).extracting(Choice::label).contains("Anna Petrova", "Boris Ivanov");
        fx.app.clients().restrictedTo(() -> org.deskcrm.model.user.AccessScope.owner(fx.managerId, null));
        ClientCardViewModel vm = newCard();
        assertThat(vm.owners()).extracting(Choice::label).containsExactly(vm.owners().get(0).label(), "Anna Petrova");
        assertThat(vm.owners().get(0).id()).isNull();
    }
}
