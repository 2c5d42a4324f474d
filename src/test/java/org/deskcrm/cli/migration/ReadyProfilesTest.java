package org.deskcrm.cli.migration;

import org.deskcrm.cli.Cli;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.service.imports.ShippedProfiles;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ready-made profiles shipped in the jar (src/main/resources/org/deskcrm/imports/profiles) import a
 * realistic sample of each system's export through the command line ({@code --profile FILE}) on a real
 * H2 file; each stored value is read back with plain SQL and compared with the sample's cells, and a
 * second import of the same file adds nothing.
 */
class ReadyProfilesTest {
    static final String PROFILES = "/org/deskcrm/imports/profiles/";
    static final String SAMPLES = "/org/deskcrm/imports/samples/";

    @TempDir
    Path dir;
    private Locale locale;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void keepLocale() {
        locale = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(locale);
    }

    @Test
    void amoCrmDealsExport() throws Exception {
        Locale.setDefault(Locale.forLanguageTag("ru"));
        clients("Ромашка", "Вектор", "Техснаб", "Сибирские окна");
        contacts();
        importTwice("deals", "amocrm-deals.csv", "amocrm-deals.properties");
        Map<String, DealRow> deals = deals();
        assertThat(deals).hasSize(6);
        assertThat(deals.get("28814301")).isEqualTo(new DealRow("Поставка окон, 2 этаж", "Ромашка", "Анна Смирнова",
                "Успешно", new BigDecimal("185000.00"), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 30), null));
        assertThat(deals.get("28814417").stage()).isEqualTo("КП отправлено");
        assertThat(deals.get("28814417").closed()).isNull();
        assertThat(deals.get("28815020").client()).as("a deal without a company").isNull();
        assertThat(deals.get("28815020").stage()).isEqualTo("Выявление потребности");
        assertThat(deals.get("28815533")).isEqualTo(new DealRow("Балконный блок", "Техснаб", "Дмитрий Орлов", "Проиграна",
                new BigDecimal("42500.00"), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 16), "Дорого"));
        assertThat(deals.get("28816001").stage()).isEqualTo("Счёт выставлен");
        assertThat(deals.get("28816760").closed()).isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void amoCrmDealsExportAsAWorkbook() throws Exception {
        Locale.setDefault(Locale.forLanguageTag("ru"));
        clients("Ромашка", "Вектор", "Техснаб", "Сибирские окна");
        contacts();
        Path xlsx = dir.resolve("amocrm-deals.xlsx");
        Workbooks.fromCsv(sample("amocrm-deals.csv"), ';', xlsx);
        assertThat(cli("import", "deals", xlsx.toString(), "--profile", profile("amocrm-deals.properties").toString()))
                .as("%s%n%s", out, err).isZero();
        Map<String, DealRow> deals = deals();
        assertThat(deals).hasSize(6);
        assertThat(deals.get("28816760").amount()).isEqualByComparingTo("96000");
        assertThat(deals.get("28816760").created()).isEqualTo(LocalDate.of(2026, 2, 10));
    }

    @Test
    void bitrix24DealsCsv() throws Exception {
        Locale.setDefault(Locale.forLanguageTag("ru"));
        clients("Ромашка", "Вектор", "Техснаб", "Сибирские окна");
        contacts();
        importTwice("deals", "bitrix24-deals.csv", "bitrix24-deals.properties");
        Map<String, DealRow> deals = deals();
        assertThat(deals).hasSize(5);
        assertThat(deals.get("1021")).isEqualTo(new DealRow("Сделка #1021: поставка профиля", "Ромашка", "Елена Воронина",
                "Успешно", new BigDecimal("320000.00"), LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 23), null));
        assertThat(deals.get("1034").stage()).isEqualTo("Переговоры");
        assertThat(deals.get("1034").closed()).as("an open deal is not closed").isNull();
        assertThat(deals.get("1040").client()).isNull();
        assertThat(deals.get("1052").stage()).isEqualTo("Проиграна");
        assertThat(deals.get("1066").amount()).isEqualByComparingTo("57300.50");
        assertThat(sources()).containsEntry("1021", "Сайт").containsEntry("1034", "Рекомендация");
    }

    @Test
    void salesforceOpportunityReport() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        clients("Northwind Traders", "Contoso Ltd", "Fabrikam Inc");
        importTwice("deals", "salesforce-opportunities.csv", "salesforce-opportunities.properties");
        Map<String, DealRow> deals = deals();
        assertThat(deals).hasSize(5);
        assertThat(deals.get("0065g00000AbCdEAAA")).isEqualTo(new DealRow("Northwind - 120 licences", "Northwind Traders",
                "Jane Miller", "Won", new BigDecimal("18500.00"), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 27), null));
        assertThat(deals.get("0065g00000AbCdFAAA").stage()).isEqualTo("Negotiation");
        assertThat(deals.get("0065g00000AbCdFAAA").closed()).isNull();
        assertThat(deals.get("0065g00000AbCdGAAA").stage()).isEqualTo("Lost");
        assertThat(deals.get("0065g00000AbCdHAAA").client()).isNull();
        assertThat(deals.get("0065g00000AbCdIAAA").amount()).isEqualByComparingTo("3999.99");
    }

    @Test
    void aShippedProfileIsChosenByItsNameAndASavedProfileOfThatNameWins() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        clients("Northwind Traders", "Contoso Ltd", "Fabrikam Inc");
        Path sample = sample("salesforce-opportunities.csv");
        assertThat(cli("import", "deals", sample.toString(), "--profile", "Salesforce-Opportunities"))
                .as("%s%n%s", out, err).isZero();
        Map<String, DealRow> deals = deals();
        assertThat(deals).hasSize(5);
        assertThat(deals.get("0065g00000AbCdEAAA").closed()).isEqualTo(LocalDate.of(2026, 1, 27));
        assertThat(deals.get("0065g00000AbCdGAAA").stage()).isEqualTo("Lost");
        assertThat(cli("import", "clients", sample.toString(), "--profile", "salesforce-opportunities"))
                .as("a deals profile is not a clients profile").isNotZero();
        assertThat(out.toString() + err).contains("salesforce-opportunities");
        try (var ctx = org.deskcrm.AppContext.open(config())) {
            assertThat(ctx.imports().profiles().list(ImportTarget.DEALS)).extracting(p -> p.name())
                    .contains("amocrm-deals", "bitrix24-deals", "salesforce-opportunities").doesNotContain("1c-clients");
            org.deskcrm.model.io.ImportProfile shipped = ctx.imports().profiles().require(ImportTarget.DEALS,
                    "salesforce-opportunities");
            ctx.imports().profiles().save(shipped.withSettings(shipped.settings().withPipeline("leadgen")), null);
            assertThat(ctx.imports().profiles().require(ImportTarget.DEALS, "salesforce-opportunities").settings()
                    .pipeline()).as("the saved profile of the shipped name").isEqualTo("leadgen");
            assertThat(ctx.imports().profiles().list(ImportTarget.DEALS)).filteredOn(p -> p.name()
                    .equals("salesforce-opportunities")).hasSize(1);
        }
    }

    @Test
    void oneCClientsThenSales() throws Exception {
        Locale.setDefault(Locale.forLanguageTag("ru"));
        importTwice("clients", "1c-clients.csv", "1c-clients.properties");
        List<List<Object>> clients = query("SELECT c.name, c.legal_name, c.inn, c.kpp, c.external_id, u.full_name"
                + " FROM client c LEFT JOIN app_user u ON u.id = c.owner_id ORDER BY c.external_id");
        assertThat(clients).hasSize(4);
        assertThat(clients.get(0)).containsExactly("Ромашка", "ООО «Ромашка»", "7708123450", "770801001", "00-000001",
                "Иванова Мария Петровна");
        assertThat(clients.get(2).get(0)).isEqualTo("Сибирские окна");

        importTwice("sales", "1c-sales.csv", "1c-sales.properties");
        List<List<Object>> sales = query("SELECT s.doc_no, c.name, s.sale_date, s.amount, s.paid_amount, s.due_date"
                + " FROM sale s JOIN client c ON c.id = s.client_id ORDER BY s.doc_no");
        assertThat(sales).hasSize(5);
        assertThat(sales.get(0)).containsExactly("УТ-000101", "Ромашка", java.sql.Date.valueOf("2026-01-15"),
                new BigDecimal("125400.00"), new BigDecimal("125400.00"), java.sql.Date.valueOf("2026-01-25"));
        assertThat(sales.get(1).get(3)).isEqualTo(new BigDecimal("48900.50"));
        assertThat(sales.get(2).get(3)).isEqualTo(new BigDecimal("1250000.00"));
        assertThat(sales.get(3).get(3)).isEqualTo(new BigDecimal("7350.25"));
        assertThat(sales.get(4).get(4)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void everyShippedProfileNamesItsTargetAndOnlyFieldsOfIt() throws IOException {
        for (String name : ShippedProfiles.NAMES) {
            java.util.Properties p = new java.util.Properties();
            p.load(new java.io.StringReader(ShippedProfiles.text(name).orElseThrow()));
            ImportTarget target = ImportTarget.ofCode(p.getProperty("target"));
            assertThat(target).as("target of %s", name).isNotNull();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("column.")) {
                    assertThat(target.fields()).as("%s: %s", name, key)
                            .anyMatch(f -> f.key().equals(key.substring("column.".length())));
                }
            }
            assertThat(p.getProperty("dateFormat")).as("%s names its date format", name).isNotBlank();
        }
        assertThat(ShippedProfiles.text("no-such-system")).isEmpty();
    }

    // ---- helpers ----

    /** A deal as stored, keyed by its source system's key. */
    record DealRow(String title, String client, String owner, String stage, BigDecimal amount, LocalDate created,
                   LocalDate closed, String lostReason) {
    }

    Map<String, DealRow> deals() throws Exception {
        Map<String, DealRow> m = new LinkedHashMap<>();
        List<List<Object>> zone = query("SELECT val FROM app_setting WHERE name = 'business.time_zone'");
        java.time.ZoneId business = zone.isEmpty() ? ZoneOffset.UTC : java.time.ZoneId.of((String) zone.get(0).get(0));
        for (List<Object> r : query("SELECT d.external_id, d.title, c.name, u.full_name, s.name, d.amount, d.created_at,"
                + " d.closed_at, r.name FROM deal d LEFT JOIN client c ON c.id = d.client_id"
                + " JOIN app_user u ON u.id = d.owner_id JOIN stage s ON s.id = d.stage_id"
                + " LEFT JOIN lost_reason r ON r.id = d.lost_reason_id ORDER BY d.id")) {
            m.put((String) r.get(0), new DealRow((String) r.get(1), (String) r.get(2), (String) r.get(3),
                    (String) r.get(4), (BigDecimal) r.get(5), day(r.get(6), business), day(r.get(7), business), (String) r.get(8)));
        }
        return m;
    }

    Map<String, String> sources() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        for (List<Object> r : query("SELECT d.external_id, s.name FROM deal d JOIN lead_source s ON s.id = d.source_id")) {
            m.put((String) r.get(0), (String) r.get(1));
        }
        return m;
    }

    /** The business day of a stored moment. */
    static LocalDate day(Object v, java.time.ZoneId zone) {
        if (v == null) {
            return null;
        }
        Instant i = v instanceof java.time.OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) v).toInstant();
        return i.atZone(zone).toLocalDate();
    }

    List<List<Object>> query(String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Database d = Database.open(config(), 2); Connection c = d.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    DatabaseConfig config() {
        return new DatabaseConfig("jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath(), null, null);
    }

    /** Imports the sample with the profile, then again: the second run changes no count. */
    void importTwice(String target, String sampleName, String profileName) throws Exception {
        Path sample = sample(sampleName);
        Path profile = profile(profileName);
        assertThat(cli("import", target, sample.toString(), "--profile", profile.toString())).as("%s%n%s", out, err).isZero();
        String table = target.equals("deals") ? "deal" : target.equals("clients") ? "client" : "sale";
        Object before = query("SELECT COUNT(*) FROM " + table).get(0).get(0);
        assertThat(cli("import", target, sample.toString(), "--profile", profile.toString())).as("%s%n%s", out, err).isZero();
        assertThat(query("SELECT COUNT(*) FROM " + table).get(0).get(0)).as("count after a second import").isEqualTo(before);
    }

    void clients(String... names) throws IOException {
        Path file = dir.resolve("clients.csv");
        Files.writeString(file, "name\n" + String.join("\n", names) + "\n", StandardCharsets.UTF_8);
        assertThat(cli("import", "clients", file.toString())).as("%s%n%s", out, err).isZero();
    }

    /** The contact persons the Russian samples name (imported before the deals, as the guide's order says). */
    void contacts() throws IOException {
        Path file = dir.resolve("contacts.csv");
        Files.writeString(file, "client;fullName\nРомашка;Ольга Ким\nВектор;Павел Зуев\nСибирские окна;Игорь Лаптев\n",
                StandardCharsets.UTF_8);
        assertThat(cli("import", "contacts", file.toString())).as("%s%n%s", out, err).isZero();
    }

    Path sample(String name) throws IOException {
        return copy(SAMPLES + name);
    }

    /** The shipped profile, as a file the user would pass to --profile. */
    Path profile(String name) throws IOException {
        return copy(PROFILES + name);
    }

    private Path copy(String resource) throws IOException {
        Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    int cli(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(config().url());
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(all.toArray(String[]::new));
    }
}
