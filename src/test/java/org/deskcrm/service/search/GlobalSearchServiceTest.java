package org.deskcrm.service.search;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.search.SearchHit;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalSearchServiceTest {
    private AppContext ctx;
    private GlobalSearchService search;
    private long romashka;

    @BeforeEach
    void setUp() {
        ctx = new AppContext(TestDatabases.h2());
        search = new GlobalSearchService(ctx.clients(), ctx.deals(), new ClientRepository(ctx.database()));
        romashka = ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "ООО «Ромашка»")
                .withRequisites("ООО «Ромашка»", "7707083893", null), List.of(),
                List.of(Channel.ofClient(ChannelKind.PHONE, "+7 912 345-67-89"),
                        Channel.ofClient(ChannelKind.EMAIL, "Info@Romashka.ru"))), null).id();
        ctx.clients().save(new ClientCard(Client.draft(ClientKind.PERSON, "Романов Пётр"), List.of(),
                List.of(Channel.ofClient(ChannelKind.PHONE, "8 (495) 123-45-67"))), null);
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @Test
    void findsAClientByAPhoneTypedInAnotherFormat() {
        for (String typed : List.of("89123456789", "+79123456789", "8 912 345 67 89", "9123456789")) {
            assertThat(search.search(typed, 8)).as(typed)
                    .extracting(SearchHit::clientId).containsExactly(romashka);
        }
        assertThat(search.search("89123456789", 8).get(0).detail()).isEqualTo("+7 912 345-67-89");
    }

    @Test
    void findsByNameEmailAndInn() {
        assertThat(search.search("ромашка", 8)).extracting(SearchHit::title).containsExactly("ООО «Ромашка»");
        assertThat(search.search("рома", 8)).hasSize(2);
        SearchHit byEmail = search.search("info@roma", 8).get(0);
        assertThat(byEmail.clientId()).isEqualTo(romashka);
        assertThat(byEmail.detail()).isEqualTo("Info@Romashka.ru");
        SearchHit byInn = search.search("7707083893", 8).get(0);
        assertThat(byInn.detail()).isEqualTo("7707083893");
    }

    @Test
    void findsDealsByTitleAfterClientsAndNamesTheirClient() {
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        Pipeline p = ctx.pipelines().findAll().get(0);
        long owner = ctx.users().findByLogin("admin").orElseThrow().id();
        long stage = p.firstOpenStage().id();
        ctx.deals().insert(Deal.draft("Ромашка: поставка бумаги", romashka, owner, p.id(), stage,
                new BigDecimal("150000")), owner, Instant.now());
        List<SearchHit> hits = search.search("Ромашка", 8);
        assertThat(hits).extracting(SearchHit::kind).containsExactly(SearchHit.Kind.CLIENT, SearchHit.Kind.DEAL);
        SearchHit deal = hits.get(1);
        assertThat(deal.title()).isEqualTo("Ромашка: поставка бумаги");
        assertThat(deal.clientId()).isEqualTo(romashka);
        assertThat(deal.detail()).isEqualTo("ООО «Ромашка»");
        assertThat(deal.amount()).isEqualByComparingTo("150000");
    }

    @Test
    void tooShortOrUnknownTextFindsNothing() {
        assertThat(search.search("р", 8)).isEmpty();
        assertThat(search.search("  ", 8)).isEmpty();
        assertThat(search.search(null, 8)).isEmpty();
        assertThat(search.search("zzzz", 8)).isEmpty();
    }
}
