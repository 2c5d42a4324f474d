package org.deskcrm.ui.client;

import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientListItem;
import org.deskcrm.model.client.ClientSort;
import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.persistence.ClientBulk;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientListViewModelTest {
    static final int BULK = 450;

    ClientUiFixture fx;
    RecordingWorkspace workspace;
    ClientListViewModel vm;
    long romashkaId;
    long archivedId;

    @BeforeAll
    void data() {
        fx = new ClientUiFixture();
        ClientBulk.insert(fx.app.database(), BULK, Instant.parse("2024-01-01T00:00:00Z"), null);
        ClientCard romashka = new ClientCard(Client.draft(ClientKind.COMPANY, "ООО «Ромашка»")
                .withOwner(fx.managerId).withDetails(null, null, null, null, null, null, List.of("vip")),
                List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, "+79123456789"),
                Channel.ofClient(ChannelKind.EMAIL, "Office@Romashka.ru")));
        romashkaId = fx.app.clients().save(romashka, fx.managerId).id();
        archivedId = fx.app.clients().save(new ClientCard(Client.draft(ClientKind.PERSON, "Old Partner")
                .withOwner(fx.otherManagerId), List.of(), List.of()), fx.managerId).id();
        fx.app.clients().setArchived(archivedId, 0, true, fx.managerId);
    }

    @AfterAll
    void close() {
        fx.close();
    }

    @BeforeEach
    void open() {
        workspace = new RecordingWorkspace();
        vm = new ClientListViewModel(fx.context(new SameThreadExecutor(), workspace, new ScriptedDialogs()).lookups(),
                new SameThreadExecutor(), fx.i18n, workspace);
        vm.loadChoices();
        vm.refresh();
    }

    long visible() {
        return BULK - BULK / 10 + 1; // every tenth bulk client is archived, plus Romashka
    }

    @Test
    void loadsPageByPageNeverEverything() {
        assertThat(vm.items()).hasSize(ClientListViewModel.PAGE_SIZE);
        assertThat(vm.hasMoreProperty().get()).isTrue();
        assertThat(vm.countProperty().get()).isEqualTo(visible());
        assertThat(vm.countTextProperty().get()).isEqualTo(visible() + " clients");
        vm.loadMore();
        assertThat(vm.items()).hasSize(2 * ClientListViewModel.PAGE_SIZE);
        vm.loadMore();
        assertThat(vm.items()).hasSize((int) visible());
        assertThat(vm.hasMoreProperty().get()).isFalse();
        vm.loadMore();
        assertThat(vm.items()).hasSize((int) visible());
        assertThat(vm.items()).extracting(ClientListItem::id).doesNotHaveDuplicates();
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void filtersApplyAtOnceAndRecount() {
        vm.ownerProperty().set(vm.owners().stream().filter(c -> c.is(fx.managerId)).findFirst().orElseThrow());
        assertThat(vm.items()).extracting(i -> i.row().name()).containsExactly("ООО «Ромашка»");
        assertThat(vm.countProperty().get()).isEqualTo(1);
        vm.ownerProperty().set(vm.owners().get(0));
        vm.tagProperty().set("vip");
        assertThat(vm.items()).extracting(ClientListItem::id).containsExactly(romashkaId);
        vm.tagProperty().set(null);
        vm.statusProperty().set(vm.statuses().stream()
                .filter(c -> c.label().equals("Regular")).findFirst().orElseThrow());
        assertThat(vm.items()).allMatch(i -> i.row().lifecycle() == LifecycleStatus.REGULAR);
        assertThat(vm.countProperty().get()).isEqualTo(BULK / 2 - BULK / 10);
        vm.statusProperty().set(vm.statuses().get(0));
        vm.includeArchivedProperty().set(true);
        assertThat(vm.countProperty().get()).isEqualTo(BULK + 2);
        assertThat(vm.owners()).extracting(Choice::label).contains("All managers", "Anna Petrova", "Boris Ivanov");
        assertThat(vm.tags()).contains("vip");
    }

    @Test
    void textFindsAPhoneTypedDifferentlyAnEmailAnINameOrItsBeginning() {
        vm.textProperty().set("8 (912) 345-67-89");
        vm.refresh();
        assertThat(vm.items()).extracting(ClientListItem::id).containsExactly(romashkaId);
        vm.textProperty().set("office@romashka");
        vm.refresh();
        assertThat(vm.items()).extracting(ClientListItem::id).containsExactly(romashkaId);
        vm.textProperty().set("ромаш");
        vm.refresh();
        assertThat(vm.items()).extracting(ClientListItem::id).containsExactly(romashkaId);
        vm.textProperty().set("Bulk client 00010");
        vm.refresh();
        assertThat(vm.countProperty().get()).isEqualTo(9); // 100..109 without the archived 100
        vm.textProperty().set("+7 999 000");
        vm.refresh();
        assertThat(vm.items()).isEmpty();
        assertThat(vm.countProperty().get()).isZero();
    }

    @Test
    void sortsInTheDatabase() {
        vm.setSort(ClientSort.CREATED, true);
        assertThat(vm.items().get(0).id()).isEqualTo(romashkaId); // created "now", after the bulk ones
        vm.setSort(ClientSort.LAST_PURCHASE, true);
        assertThat(vm.items().get(0).row().lastPurchaseOn()).isNotNull();
        assertThat(vm.items()).extracting(i -> i.row().lastPurchaseOn())
                .isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()));
        vm.setSort(ClientSort.NAME, false);
        assertThat(vm.items().get(0).row().name()).isEqualTo("Bulk client 000001");
    }

    @Test
    void opensCardsThroughTheWorkspace() {
        vm.open(vm.items().get(3));
        vm.open(null);
        vm.newClient();
        assertThat(workspace.openedClients).containsExactly(vm.items().get(3).id());
        assertThat(workspace.newClients).isEqualTo(1);
    }
}
