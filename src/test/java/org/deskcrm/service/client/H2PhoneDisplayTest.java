package org.deskcrm.service.client;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.export.ExportTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phones are shown one way (ADR 0017): the client list, search results and the client export show each
 * stored number in the international format of the business region, whether it was typed nationally or
 * internationally and with whatever punctuation; the card keeps the text as typed. Real H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2PhoneDisplayTest {
    AppContext ctx;
    long admin;

    /** Typed → shown, written by hand from the numbering plans (US region). */
    static final Map<String, String> TYPED = Map.of(
            "Lakeside Dental", "(312) 311-2424",          // national, read in the business region
            "Harbor Books", "+1.617.270.7181",            // international with dots
            "Thames Tea", "+447479928638",                // international, another country
            "Volga Trade", "+7 (912) 345 67 89");         // international, Russian habit of brackets
    static final Map<String, String> SHOWN = Map.of(
            "Lakeside Dental", "+1 312-311-2424",
            "Harbor Books", "+1 617-270-7181",
            "Thames Tea", "+44 7479 928638",
            "Volga Trade", "+7 912 345-67-89");

    @BeforeAll
    void open() {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(Instant.parse("2026-03-10T09:30:00Z"), ZoneOffset.UTC));
        admin = ctx.ensureReferenceData(Locale.ENGLISH);
        ctx.businessRegion().change("US");
        TYPED.forEach((name, phone) -> ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, name).withOwner(admin),
                List.of(), List.of(Channel.ofClient(ChannelKind.PHONE, phone))), admin));
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    void theListShowsEveryPhoneInTheInternationalFormat() {
        Map<String, String> shown = ctx.clientList().page(ClientQuery.DEFAULT, null, 50).items().stream()
                .map(i -> i.row()).collect(Collectors.toMap(ClientRow::name, ClientRow::primaryPhone));
        assertThat(shown).containsAllEntriesOf(SHOWN);
    }

    @Test
    void searchResultsShowThePhoneInTheInternationalFormat() {
        assertThat(ctx.globalSearch().search("311-2424", 8)).extracting(h -> h.detail()).containsExactly("+1 312-311-2424");
        assertThat(ctx.globalSearch().search("Thames", 8)).extracting(h -> h.detail()).containsExactly("+44 7479 928638");
    }

    @Test
    void theExportWritesThePhoneInTheInternationalFormat(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("clients.csv");
        ctx.exports().export(new ExportTarget.Clients(ClientQuery.DEFAULT), csv, admin, Locale.ENGLISH, Progress.NONE);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        SHOWN.values().forEach(p -> assertThat(text).contains(p));
        assertThat(text).doesNotContain("(312) 311-2424", "+1.617.270.7181", "+447479928638");
    }

    @Test
    void theCardKeepsTheTextAsTyped() {
        long id = ctx.clients().search("Harbor", 5).get(0).id();
        assertThat(ctx.clients().load(id).channels()).extracting(Channel::raw).containsExactly("+1.617.270.7181");
        assertThat(ctx.clients().shownPhone("+1.617.270.7181")).isEqualTo("+1 617-270-7181");
    }

    @Test
    void aNationalNumberIsReadInTheBusinessRegion() {
        PhoneNormalizer ru = new PhoneNormalizer("RU");
        assertThat(ru.shown("8 (912) 345-67-89")).isEqualTo("+7 912 345-67-89");
        assertThat(ru.shown("+1 (312) 311-2424")).isEqualTo("+1 312-311-2424");
        PhoneNormalizer us = new PhoneNormalizer("US");
        assertThat(us.shown("312.311.2424")).isEqualTo("+1 312-311-2424");
        assertThat(us.shown("+7 912 3456789")).isEqualTo("+7 912 345-67-89");
        assertThat(us.shown("ext. 12")).as("not a phone number: as typed").isEqualTo("ext. 12");
    }
}
