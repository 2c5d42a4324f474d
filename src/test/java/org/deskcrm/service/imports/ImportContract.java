package org.deskcrm.service.imports;

import org.deskcrm.AppContext;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportPreview;
import org.deskcrm.model.io.ImportProfile;
import org.deskcrm.model.io.ImportRejectedException;
import org.deskcrm.model.io.ImportResult;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTable;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.service.MutableClock;
import org.deskcrm.service.client.Requisites;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The import contract on a real database (H2: {@link H2ImportTest}, PostgreSQL: {@link PostgresImportTest}):
 * every target lands from a workbook written like an export, invalid cells are all listed and nothing
 * is written, duplicates merge or skip, value mappings and profiles are saved, the whole file is one
 * transaction (a cancel while writing leaves nothing) and one IMPORT event is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportContract {
    static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    static final List<String> TABLES = List.of("client", "contact", "channel", "deal", "deal_stage_history",
            "deal_line", "sale", "phone_call", "audit_event");

    AppContext ctx;
    ImportService imports;
    ImportLookupRepository lookup;
    long admin;
    long anna;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), new MutableClock(T0));
        admin = ctx.ensureReferenceData(Locale.ENGLISH);
        anna = ctx.users().insert(User.draft("anna", "Anna Petrova", Role.MANAGER, null), null);
        ctx.pipelines().addProduct("SKU-1", "Consulting", "pcs", new BigDecimal("100.00"));
        imports = ctx.imports().service();
        lookup = new ImportLookupRepository(ctx.database());
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    static String inn(int seed) {
        return Requisites.completeInn(String.format("%09d", 500_000_000 + seed));
    }

    Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        TABLES.forEach(t -> m.put(t, lookup.count(t)));
        return m;
    }

    ImportResult run(byte[] bytes, String name, ImportTarget target, ImportSettings s) {
        return imports.run(bytes, name, target, s, false, admin, Progress.NONE);
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void clientsRoundTripFromAnExportedWorkbook() {
        List<String> headers = List.of("kind", "name", "legalName", "inn", "kpp", "address", "region", "industry",
                "website", "source", "owner", "phone", "email", "notes");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(java.util.Arrays.asList(i % 3 == 0 ? "person" : "company", "Roundtrip " + i,
                    i % 3 == 0 ? null : "LLC Roundtrip " + i, i % 3 == 0 ? null : inn(1000 + i),
                    i % 3 == 0 ? null : "770701001", "Moscow, street " + i, "Moscow", "Retail", "roundtrip" + i + ".ru",
                    "Referral", "Anna Petrova", "+7 912 100-" + String.format("%02d-%02d", i / 10, i % 100),
                    "buyer" + i + "@roundtrip.ru", "note " + i));
        }
        byte[] file = Workbooks.xlsx("Clients", headers, rows);
        ImportResult r = run(file, "clients.xlsx", ImportTarget.CLIENTS, ImportSettings.defaults());
        assertThat(r.created()).isEqualTo(30);
        assertThat(r.merged() + r.skipped()).isZero();
        for (int i = 0; i < 30; i++) {
            String name = "Roundtrip " + i;
            long id = ctx.clients().search(name, 5).stream()
                    .filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
            ClientCard card = ctx.clients().load(id);
            List<Object> row = rows.get(i);
            assertThat(card.client().kind()).isEqualTo(ClientKind.ofCode((String) row.get(0)));
            assertThat(card.client().legalName()).isEqualTo(row.get(2));
            assertThat(card.client().inn()).isEqualTo(row.get(3));
            assertThat(card.client().kpp()).isEqualTo(row.get(4));
            assertThat(card.client().address()).isEqualTo(row.get(5));
            assertThat(card.client().website()).isEqualTo(row.get(8));
            assertThat(card.client().ownerId()).isEqualTo(anna);
            assertThat(card.client().sourceId()).isNotNull();
            assertThat(card.client().notes()).isEqualTo(row.get(13));
            assertThat(card.channels()).extracting(c -> c.normalized()).containsExactlyInAnyOrder(
                    ctx.phones().normalize((String) row.get(11)).orElseThrow(), "buyer" + i + "@roundtrip.ru");
        }
    }

    @Test
    void contactsDealsCallsAndSalesRoundTrip() {
        String client = "Chain Store";
        String innValue = inn(7);
        run(csv("name;inn;phone\n" + client + ";" + innValue + ";+7 495 111-22-33\n"), "c.csv", ImportTarget.CLIENTS,
                ImportSettings.defaults());
        ImportResult contacts = run(Workbooks.xlsx("Contacts", List.of("client", "fullName", "jobTitle", "email", "primary"),
                List.of(List.of(client, "Olga Smirnova", "Buyer", "olga@chain.ru", "yes"),
                        List.of(innValue, "Ivan Orlov", "Director", "ivan@chain.ru", "no"))),
                "contacts.xlsx", ImportTarget.CONTACTS, ImportSettings.defaults());
        assertThat(contacts.created()).isEqualTo(2);
        long clientId = ctx.clients().search(client, 5).get(0).id();
        assertThat(ctx.clients().load(clientId).contacts()).extracting(c -> c.fullName())
                .containsExactlyInAnyOrder("Olga Smirnova", "Ivan Orlov");

        ImportResult deals = run(Workbooks.xlsx("Deals", List.of("title", "client", "owner", "pipeline", "stage", "amount",
                        "expectedClose", "product", "createdOn"),
                List.of(List.of("Spring order", client, "anna", "Lead conversion", "Proposal sent",
                        new BigDecimal("12500.50"), LocalDate.of(2026, 4, 30), "Consulting", LocalDate.of(2026, 3, 1)))),
                "deals.xlsx", ImportTarget.DEALS, ImportSettings.defaults());
        assertThat(deals.created()).isEqualTo(1);
        var deal = ctx.deals().byClient(clientId).get(0);
        assertThat(deal.amount()).isEqualByComparingTo("12500.50");
        assertThat(deal.expectedClose()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(deal.ownerId()).isEqualTo(anna);
        // ADR 0005: an open deal enters every open stage before its own at its creation
        assertThat(ctx.deals().history(deal.id())).hasSize(2).allSatisfy(h -> assertThat(h.changedAt())
                .isEqualTo(LocalDate.of(2026, 3, 1).atStartOfDay(ctx.businessZone()).toInstant()));

        byte[] calls = Workbooks.xlsx("Calls", List.of("startedAt", "direction", "status", "phone", "durationSec", "owner"),
                List.of(List.of(LocalDateTime.of(2026, 3, 2, 10, 15), "incoming", "answered", "84951112233", 95, "anna"),
                        List.of(LocalDateTime.of(2026, 3, 2, 11, 0), "out", "no answer", "+7 999 000-11-22", 0, "anna")));
        ImportResult c1 = run(calls, "calls.xlsx", ImportTarget.CALLS, ImportSettings.defaults());
        assertThat(c1.created()).isEqualTo(2);
        assertThat(ctx.calls().byClient(clientId, 10)).singleElement()
                .satisfies(c -> assertThat(c.durationSec()).isEqualTo(95));
        ImportResult again = run(calls, "calls.xlsx", ImportTarget.CALLS, ImportSettings.defaults());
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(2);

        ImportResult sales = run(csv("client;saleDate;amount;docNo;dueDate;paidAmount\n"
                        + client + ";01.02.2026;1 000,50;INV-1;15.02.2026;500\n"
                        + client + ";2026-03-01;2000,00;INV-2;;\n"), // one number format per file (ADR 0005)
                "sales.csv", ImportTarget.SALES, ImportSettings.defaults());
        assertThat(sales.created()).isEqualTo(2);
        assertThat(ctx.sales().byClient(clientId)).extracting(s -> s.amount().toPlainString())
                .containsExactlyInAnyOrder("1000.50", "2000.00");
        assertThat(ctx.clients().load(clientId).client().purchaseCount()).isEqualTo(2);

        // amounts as an accounting export writes them, with their currency: read as they are, never converted
        ImportResult roubles = run(csv("client;saleDate;amount;docNo;paidAmount\n"
                        + client + ";2026-03-05;12 500,75 ₽;INV-3;1 000 руб.\n"
                        + client + ";2026-03-06;300 р.;INV-4;0\n"),
                "sales-rub.csv", ImportTarget.SALES, ImportSettings.defaults());
        assertThat(roubles.created()).isEqualTo(2);
        assertThat(ctx.sales().byClient(clientId)).extracting(s -> s.amount().toPlainString())
                .contains("12500.75", "300.00");
        Map<String, Long> before = counts();
        assertThatThrownBy(() -> run(csv("client;saleDate;amount;docNo\n" + client + ";2026-03-07;$100;INV-5\n"
                        + client + ";2026-03-08;EUR 100;INV-6\n"), "sales-mixed.csv", ImportTarget.SALES,
                ImportSettings.defaults()))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.issues())
                        .extracting(CellIssue::row, CellIssue::column, CellIssue::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "amount", "imports.issue.currencyMixed")));
        assertThat(counts()).isEqualTo(before);
    }

    /** Quotes, commas, line breaks and empty values arrive as typed (PostgreSQL's owner writes clients by COPY). */
    @Test
    void awkwardTextsArriveAsTyped() {
        String name = "Say \"Hi\", Ltd; \\N";
        String notes = "line one\nline \"two\", \\.";
        ImportResult r = run(Workbooks.xlsx("Clients", List.of("name", "notes", "phone", "email", "region"),
                        List.of(List.of(name, notes, "+7 495 100-20-30", "", "Урал"))),
                "awkward.xlsx", ImportTarget.CLIENTS, ImportSettings.defaults());
        assertThat(r.created()).isEqualTo(1);
        long id = ctx.clients().search("Say", 5).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
        var card = ctx.clients().load(id);
        assertThat(card.client().notes()).isEqualTo(notes);
        assertThat(card.client().region()).isEqualTo("Урал");
        assertThat(card.client().inn()).isNull();
        assertThat(card.channels()).singleElement().satisfies(ch -> assertThat(ch.raw()).isEqualTo("+7 495 100-20-30"));
        assertThat(ctx.clients().search("100-20-30", 5)).extracting(c -> c.id()).contains(id);
    }

    @Test
    void everyInvalidCellIsListedAndNothingIsWritten(@TempDir Path dir) {
        Map<String, Long> before = counts();
        String longName = "x".repeat(301);
        byte[] file = csv("name;inn;owner;phone;email\n"
                + "Good One;;anna;;\n"
                + "Bad Inn;1234567890;;;\n"
                + "Bad Owner;;Nobody Known;;\n"
                + longName + ";;;;\n"
                + "Bad Phone;;;12;not-an-email\n"
                + ";;;;x@y.ru\n");
        ImportTable table = imports.read(file, "bad.csv", ImportSettings.defaults());
        ImportPreview p = imports.preview(table, ImportTarget.CLIENTS, ImportSettings.defaults(), Progress.NONE);
        assertThat(p.issues()).extracting(CellIssue::row, CellIssue::column, CellIssue::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "inn", "imports.issue.inn"),
                org.assertj.core.groups.Tuple.tuple(4, "owner", "imports.issue.unknown.owner"),
                org.assertj.core.groups.Tuple.tuple(5, "name", "imports.issue.tooLong"),
                org.assertj.core.groups.Tuple.tuple(6, "phone", "imports.issue.phone"),
                org.assertj.core.groups.Tuple.tuple(6, "email", "imports.issue.email"),
                org.assertj.core.groups.Tuple.tuple(7, "name", "imports.issue.required"));
        assertThat(p.unmatched().get(RefKind.OWNER)).containsExactly("Nobody Known");
        assertThatThrownBy(() -> run(file, "bad.csv", ImportTarget.CLIENTS, ImportSettings.defaults()))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.issues()).hasSize(6);
                    Path report = dir.resolve("errors.csv");
                    ErrorReport.write(report, e.issues(), List.of("Row", "Column", "Reason"), CellIssue::messageKey);
                    assertThat(readLines(report)).hasSize(7).element(1).asString().startsWith("3;inn;");
                    Path xlsx = dir.resolve("errors.xlsx");
                    ErrorReport.write(xlsx, e.issues(), List.of("Row", "Column", "Reason"), CellIssue::messageKey);
                    ImportTable back = imports.read(readBytes(xlsx), "errors.xlsx", ImportSettings.defaults());
                    assertThat(back.rows()).hasSize(6);
                    assertThat(back.rows().get(0).cells()).containsExactly("3", "inn", "imports.issue.inn");
                });
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void duplicatesAgainstCardsAndWithinTheFileMergeOrSkip() {
        String innA = inn(42);
        run(csv("name;inn;phone\nDup Alpha;" + innA + ";+7 900 555-00-01\nDup Beta;;+7 900 555-00-02\n"),
                "base.csv", ImportTarget.CLIENTS, ImportSettings.defaults());
        long alpha = ctx.clients().search("Dup Alpha", 5).get(0).id();
        String file = "name;inn;phone;email;address\n"
                + "Alpha again;" + innA + ";;;New address 1\n"
                + "Beta by phone;;8 (900) 555-00-02;beta@dup.ru;\n"
                + "Gamma;;+7 900 555-00-03;gamma@dup.ru;\n"
                + "Gamma repeat;;;GAMMA@dup.ru;Gamma street\n";
        ImportTable table = imports.read(csv(file), "dup.csv", ImportSettings.defaults());
        ImportPreview p = imports.preview(table, ImportTarget.CLIENTS, ImportSettings.defaults(), Progress.NONE);
        assertThat(p.valid()).isTrue();
        assertThat(p.newRows()).isEqualTo(1);
        assertThat(p.existingDuplicates()).isEqualTo(2);
        assertThat(p.fileDuplicates()).isEqualTo(1);

        long clientsBefore = lookup.count("client");
        ImportResult skip = run(csv(file), "dup.csv", ImportTarget.CLIENTS, ImportSettings.defaults());
        assertThat(skip.created()).isEqualTo(1);
        assertThat(skip.skipped()).isEqualTo(3);
        assertThat(lookup.count("client")).isEqualTo(clientsBefore + 1);
        assertThat(ctx.clients().load(alpha).client().address()).isNull();

        ImportSettings merge = ImportSettings.defaults().withDuplicates(DuplicateMode.MERGE);
        ImportResult merged = run(csv(file), "dup.csv", ImportTarget.CLIENTS, merge);
        assertThat(merged.created()).isZero();
        assertThat(merged.merged()).isEqualTo(4);
        assertThat(lookup.count("client")).isEqualTo(clientsBefore + 1);
        assertThat(ctx.clients().load(alpha).client().address()).isEqualTo("New address 1");
        assertThat(ctx.clients().load(alpha).client().name()).isEqualTo("Dup Alpha");
        long gamma = ctx.clients().search("Gamma", 5).get(0).id();
        assertThat(ctx.clients().load(gamma).client().address()).isEqualTo("Gamma street");
    }

    @Test
    void unknownNamesAreMappedAndTheMappingIsSavedInTheProfile() {
        byte[] file = csv("Название;Менеджер;Тип\nMapped Co;Аня;юрлицо\nMapped Person;Аня;частник\n");
        ImportSettings s = ImportSettings.defaults().withColumns(Map.of("name", "Название", "owner", "Менеджер",
                "kind", "Тип"));
        ImportTable table = imports.read(file, "m.csv", s);
        ImportPreview p = imports.preview(table, ImportTarget.CLIENTS, s, Progress.NONE);
        assertThat(p.unmatched()).containsOnlyKeys(RefKind.OWNER, RefKind.CLIENT_KIND);
        assertThat(p.unmatched().get(RefKind.OWNER)).containsExactly("Аня");
        assertThat(imports.knownNames(RefKind.OWNER)).contains("Anna Petrova");
        ImportSettings mapped = s.withValue(RefKind.OWNER, "аня", "Anna Petrova")
                .withValue(RefKind.CLIENT_KIND, "Частник", "person");
        ImportProfile saved = ctx.imports().profiles().save(
                new ImportProfile(null, "Клиенты из 1С; \"v=2\"", ImportTarget.CLIENTS, mapped, 0), admin);
        ImportProfile loaded = ctx.imports().profiles().require(ImportTarget.CLIENTS, "Клиенты из 1С; \"v=2\"");
        assertThat(loaded.settings()).isEqualTo(mapped);
        assertThat(ctx.imports().profiles().list(ImportTarget.CLIENTS)).extracting(ImportProfile::id)
                .contains(saved.id());
        ImportResult r = run(file, "m.csv", ImportTarget.CLIENTS, loaded.settings());
        assertThat(r.created()).isEqualTo(2);
        long person = ctx.clients().search("Mapped Person", 5).get(0).id();
        assertThat(ctx.clients().load(person).client().kind()).isEqualTo(ClientKind.PERSON);
        assertThat(ctx.clients().load(person).client().ownerId()).isEqualTo(anna);
        ImportProfile again = ctx.imports().profiles().save(loaded.withSettings(
                loaded.settings().withDuplicates(DuplicateMode.MERGE)), admin);
        assertThat(again.version()).isEqualTo(loaded.version() + 1);
        assertThatThrownBy(() -> ctx.imports().profiles().save(loaded, admin)).isInstanceOf(AppException.class);
    }

    @Test
    void aCancelWhileWritingLeavesNothing() {
        Map<String, Long> before = counts();
        StringBuilder sb = new StringBuilder("name;phone\n");
        for (int i = 0; i < 12_000; i++) {
            sb.append("Cancel ").append(i).append(";+7 901 ").append(String.format("%07d", i)).append('\n');
        }
        Progress cancelAfterFirstWrite = new Progress() {
            boolean wrote;

            @Override
            public void update(String stepKey, long done, long total) {
                wrote |= stepKey.equals("imports.progress.writing") && done > 0;
            }

            @Override
            public boolean isCancelled() {
                return wrote;
            }
        };
        assertThatThrownBy(() -> imports.run(csv(sb.toString()), "big.csv", ImportTarget.CLIENTS,
                ImportSettings.defaults(), false, admin, cancelAfterFirstWrite))
                .isInstanceOf(AppException.class).hasMessageContaining("imports.cancelled");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aDryRunCountsAndWritesNothing() {
        Map<String, Long> before = counts();
        ImportResult r = imports.run(csv("name\nDry A\nDry B\n"), "dry.csv", ImportTarget.CLIENTS,
                ImportSettings.defaults(), true, admin, Progress.NONE);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.created()).isEqualTo(2);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void oneImportEventWithFileTargetAndCounts() {
        run(csv("name\nAudited One\nAudited Two\n"), "audited.csv", ImportTarget.CLIENTS, ImportSettings.defaults());
        List<AuditEvent> events = ctx.audit().between(Instant.EPOCH, Instant.now().plusSeconds(3600 * 24 * 365), 1000)
                .stream().filter(e -> e.action() == AuditAction.IMPORT && e.details().contains("audited.csv")).toList();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.entity()).isEqualTo("clients");
            assertThat(e.details()).contains("target=clients", "rows=2", "created=2");
        });
    }

    static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
