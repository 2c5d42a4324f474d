package org.deskcrm.persistence;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientRow;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone search by any format and by the last four or more digits (ADR 0009), on H2 and PostgreSQL: the
 * client whose phone is +1 312 311-2424 is found by "3123112424", "312.311.24.24", "311-2424"; the stored
 * reversed digits are what a hand-reversal gives; V37 fills them for rows written before V36.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PhoneSearchContract {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    AppContext ctx;
    long lakeside;
    long bayside;

    abstract Database openDatabase();

    abstract DatabaseConfig freshConfig();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        ctx.businessRegion().change("US");
        long anna = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        lakeside = save("Lakeside Dental", anna, "+1 312 311-2424");
        bayside = save("Bayside Florist", anna, "(415) 555-2424"); // national: read in the business region
        save("Mail Only Ltd", anna, null);
    }

    private long save(String name, long owner, String phone) {
        List<Channel> channels = phone == null ? List.of(Channel.ofClient(ChannelKind.EMAIL, "office@example.com"))
                : List.of(Channel.ofClient(ChannelKind.PHONE, phone));
        return ctx.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, name).withOwner(owner), List.of(),
                channels), owner).id();
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    private List<String> found(String text) {
        return ctx.clients().search(text, 20).stream().map(ClientRow::name).sorted().toList();
    }

    @Test
    void aPhoneIsFoundInAnyFormatAndByItsLastDigits() {
        for (String typed : List.of("3123112424", "312.311.24.24", "311-2424", "+1 (312) 311-2424", "1 312 311 2424",
                "12424")) {
            assertThat(found(typed)).as(typed).containsExactly("Lakeside Dental");
        }
        assertThat(found("2424")).as("four digits shared by both").containsExactly("Bayside Florist",
                "Lakeside Dental");
        assertThat(found("415 555 2424")).containsExactly("Bayside Florist");
        assertThat(found("424")).as("fewer than four digits are no suffix").isEmpty();
        assertThat(found("9992424")).isEmpty();
        assertThat(ctx.globalSearch().search("311-2424", 8)).extracting(h -> h.title())
                .containsExactly("Lakeside Dental");
    }

    @Test
    void theStoredKeyIsTheDigitsReversed() {
        long n = ((Number) ctx.database().dsl().fetchValue("SELECT COUNT(*) FROM channel WHERE client_id = "
                + lakeside + " AND digits_rev = '42421132131'")).longValue();
        assertThat(n).isEqualTo(1L);
        long emails = ((Number) ctx.database().dsl().fetchValue(
                "SELECT COUNT(*) FROM channel WHERE kind_code = 'email' AND digits_rev IS NOT NULL")).longValue();
        assertThat(emails).isZero();
    }

    @Test
    void phonesStoredBeforeTheColumnExistedAreFilledByTheUpgrade() throws Exception {
        DatabaseConfig config = freshConfig();
        try (Database db = Database.open(config, 2)) {
            // rows as an older version wrote them: no digits_rev
            db.dsl().execute("INSERT INTO client (kind, name, name_norm) VALUES ('company', 'Old', 'old')");
            long id = ((Number) db.dsl().fetchValue("SELECT id FROM client WHERE name = 'Old'")).longValue();
            db.dsl().execute("INSERT INTO channel (client_id, kind_code, value_raw, value_norm) VALUES"
                    + " (" + id + ", 'phone', '+7 912 345-67-89', '+79123456789'),"
                    + " (" + id + ", 'email', 'a@b.c', 'a@b.c')");
            String vendor = config.isH2() ? "h2" : "postgresql";
            String script;
            try (var in = getClass().getResourceAsStream("/db/vendor/" + vendor + "/V37__channel_phone_suffix_fill.sql")) {
                script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    db.dsl().execute(statement);
                }
            }
            assertThat(db.dsl().fetch("SELECT value_norm, digits_rev FROM channel ORDER BY value_norm")
                    .map(r -> r.get(0, String.class) + "=" + r.get(1, String.class)))
                    .containsExactly("+79123456789=98765432197", "a@b.c=null");
        }
    }
}
