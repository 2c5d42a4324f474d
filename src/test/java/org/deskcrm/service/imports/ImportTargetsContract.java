package org.deskcrm.service.imports;

import org.deskcrm.AppContext;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportCheck;
import org.deskcrm.model.io.ImportRejectedException;
import org.deskcrm.model.io.ImportResult;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.model.report.GoalEntry;
import org.deskcrm.model.report.PeriodKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.MutableClock;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The import of people, products and goals, and the re-import of clients, on a real database (H2:
 * {@link H2ImportTargetsTest}, PostgreSQL: {@link PostgresImportTargetsTest}): logins derived and unique,
 * supervisors and their teams created, nobody gets a password, re-imports add nothing, names that match
 * nothing are suggested or created on request, and 85 accounts without INN, phone or e-mail imported twice
 * are 85 cards that a deal import finds by name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportTargetsContract {
    static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");

    AppContext ctx;
    ImportService imports;
    long admin;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), new MutableClock(T0));
        admin = ctx.ensureReferenceData(Locale.ENGLISH);
        imports = ctx.imports().service();
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    ImportResult run(String csv, ImportTarget target, ImportSettings s) {
        return imports.run(csv.getBytes(StandardCharsets.UTF_8), target.code() + ".csv", target, s, false, admin,
                Progress.NONE);
    }

    ImportCheck check(String csv, ImportTarget target, ImportSettings s) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return imports.check(imports.read(bytes, "f.csv", s), target, s, Progress.NONE);
    }

    List<Map<String, Object>> rows(String sql, Object... args) {
        return ctx.database().dsl().fetch(sql, args).intoMaps();
    }

    Object one(String sql, Object... args) {
        return ctx.database().dsl().fetchValue(sql, args);
    }

    static ImportSettings columns(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return ImportSettings.defaults().withColumns(m);
    }

    @Test
    void peopleWithTheirSupervisorsLandWithoutPasswordsAndAReImportAddsNobody() {
        ctx.users().insert(User.draft("jose.nunez", "Jose Other", Role.MANAGER, null), null);
        String file = "Agent,Manager,Office,Role,Email\n"
                + "Анна Петрова,Иван Сидоров,Moscow,,anna@example.ru\n"
                + "José Núñez,Иван Сидоров,Berlin,,\n"
                + "Mary Smith,Karen Lee,London,менеджер,\n"
                + "Karen Lee,,London,,karen@example.com\n";
        ImportSettings s = columns("fullName", "Agent", "supervisor", "Manager", "office", "Office", "role", "Role",
                "email", "Email");
        ImportResult r = run(file, ImportTarget.USERS, s);
        // 4 rows + Иван Сидоров, who is named as a supervisor only
        assertThat(r.created()).isEqualTo(5);
        assertThat(r.merged() + r.skipped()).isZero();
        Map<String, Object> anna = rows("select * from app_user where full_name = ?", "Анна Петрова").get(0);
        assertThat(anna.get("login")).isEqualTo("anna.petrova");
        assertThat(anna.get("office")).isEqualTo("Moscow");
        assertThat(anna.get("role_code")).isEqualTo("manager");
        assertThat(anna.get("password_hash")).isNull();
        assertThat(one("select login from app_user where full_name = ?", "José Núñez")).isEqualTo("jose.nunez2");
        Map<String, Object> ivan = rows("select * from app_user where full_name = ?", "Иван Сидоров").get(0);
        assertThat(ivan.get("login")).isEqualTo("ivan.sidorov");
        assertThat(ivan.get("role_code")).isEqualTo("supervisor");
        assertThat(ivan.get("password_hash")).isNull();
        Map<String, Object> ivansTeam = rows("select * from team where name = ?", "Иван Сидоров").get(0);
        assertThat(ivansTeam.get("supervisor_id")).isEqualTo(ivan.get("id"));
        assertThat(ivan.get("team_id")).isEqualTo(ivansTeam.get("id"));
        assertThat(anna.get("team_id")).isEqualTo(ivansTeam.get("id"));
        // Karen Lee is a row of the file: she supervises her own team, with the role supervisor
        Map<String, Object> karen = rows("select * from app_user where full_name = ?", "Karen Lee").get(0);
        assertThat(karen.get("role_code")).isEqualTo("supervisor");
        assertThat(one("select supervisor_id from team where name = ?", "Karen Lee")).isEqualTo(karen.get("id"));
        assertThat(one("select team_id from app_user where full_name = ?", "Mary Smith")).isEqualTo(karen.get("team_id"));
        assertThat(((Number) one("select count(*) from app_user where password_hash is not null and login <> 'admin'"))
                .intValue()).isZero();

        long people = ((Number) one("select count(*) from app_user")).longValue();
        ImportResult again = run(file, ImportTarget.USERS, s);
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(4);
        ImportResult merged = run(file.replace("Berlin", "Munich"), ImportTarget.USERS,
                s.withDuplicates(DuplicateMode.MERGE));
        assertThat(merged.created()).isZero();
        assertThat(merged.merged()).isEqualTo(4);
        assertThat(((Number) one("select count(*) from app_user")).longValue()).isEqualTo(people);
        assertThat(one("select office from app_user where login = 'jose.nunez2'")).isEqualTo("Munich");
    }

    @Test
    void productsUpdateByCodeElseByNameAndDealsFindThemByCode() {
        String file = "Product,Series,Price,Code\nGTX Pro,GTX,4821.00,GTX-P\nMG Special,MG,55,\n";
        ImportSettings s = columns("name", "Product", "group", "Series", "price", "Price", "code", "Code");
        assertThat(run(file, ImportTarget.PRODUCTS, s).created()).isEqualTo(2);
        Map<String, Object> gtx = rows("select * from product where sku = 'GTX-P'").get(0);
        assertThat(gtx.get("name")).isEqualTo("GTX Pro");
        assertThat(gtx.get("product_group")).isEqualTo("GTX");
        assertThat(new BigDecimal(gtx.get("price").toString())).isEqualByComparingTo("4821.00");
        ImportResult again = run(file.replace("4821.00", "5000").replace(",55,", ",60,"), ImportTarget.PRODUCTS,
                s.withDuplicates(DuplicateMode.MERGE));
        assertThat(again.created()).isZero();
        assertThat(again.merged()).isEqualTo(2);
        assertThat(new BigDecimal(one("select price from product where sku = 'GTX-P'").toString()))
                .isEqualByComparingTo("5000");
        assertThat(new BigDecimal(one("select price from product where name = 'MG Special'").toString()))
                .isEqualByComparingTo("60");
        assertThat(((Number) one("select count(*) from product where name in ('GTX Pro', 'MG Special')")).intValue())
                .isEqualTo(2);
    }

    @Test
    void anUnknownProductIsSuggestedMappedOrCreatedAndUnknownColumnsAreIgnored() {
        run("Product,Code\nZeta Pro,ZP-1\n", ImportTarget.PRODUCTS, columns("name", "Product", "code", "Code"));
        run("name\nZeta Client\n", ImportTarget.CLIENTS, ImportSettings.defaults());
        ctx.users().insert(User.draft("zoe", "Zoe Baker", Role.MANAGER, null), null);
        String deals = "title,client,owner,stage,amount,product,closedAt\n"
                + "Deal Z1,Zeta Client,zoe,Proposal sent,10,ZetaPro,2026-01-02\n"
                + "Deal Z2,Zeta Client,Zoe Baker,Proposal sent,10,ZP-1,2026-01-02\n";
        ImportCheck c = check(deals, ImportTarget.DEALS, ImportSettings.defaults());
        assertThat(c.ignoredColumns()).containsExactly("closedAt");
        assertThat(c.suggestions().get(RefKind.PRODUCT)).containsEntry("ZetaPro", List.of("Zeta Pro"));
        assertThat(c.preview().issues()).extracting(CellIssue::row, CellIssue::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "product"));

        ImportSettings mapped = ImportSettings.defaults().withValue(RefKind.PRODUCT, "ZetaPro", "Zeta Pro");
        assertThat(check(deals, ImportTarget.DEALS, mapped).preview().valid()).isTrue();
        long products = ((Number) one("select count(*) from product")).longValue();
        ImportResult created = run(deals, ImportTarget.DEALS, ImportSettings.defaults().withCreateMissing(true));
        assertThat(created.created()).isEqualTo(2);
        assertThat(((Number) one("select count(*) from product")).longValue()).isEqualTo(products + 1);
        assertThat(one("select name from product where name = 'ZetaPro'")).isEqualTo("ZetaPro");
        assertThat(one("select d.owner_id from deal d where d.title = 'Deal Z1'"))
                .isEqualTo(one("select id from app_user where login = 'zoe'"));
    }

    @Test
    void anOwnerNameOfTwoPeopleIsACellErrorNamingBoth() {
        ctx.users().insert(User.draft("li.wang", "Li Wang", Role.MANAGER, null), null);
        ctx.users().insert(User.draft("li.wang2", "Li Wang", Role.MANAGER, null), null);
        run("name\nWang Client\n", ImportTarget.CLIENTS, ImportSettings.defaults());
        String deals = "title,client,owner,stage\nDeal W,Wang Client,Li Wang,Proposal sent\n";
        assertThatThrownBy(() -> run(deals, ImportTarget.DEALS, ImportSettings.defaults()))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.issues()).hasSize(1);
                    assertThat(e.issues().get(0).column()).isEqualTo("owner");
                    assertThat(e.issues().get(0).args()).containsExactly("Li Wang",
                            "Li Wang (li.wang), Li Wang (li.wang2)");
                });
    }

    @Test
    void goalsOfPeopleAndTeamsByPeriodTextOrKindAndStart() {
        ctx.users().insert(User.draft("gina", "Gina Goal", Role.MANAGER, null), null);
        long team = ctx.users().insertTeam("Goal Team", null);
        String file = "Who,Team,Metric,Period,Kind,Start,Target\n"
                + "gina,,выручка,2026-03,,,150000\n"
                + "Gina Goal,,won deals,2026-Q2,,,12\n"
                + ",Goal Team,revenue,,year,2026-07-15,900000.50\n";
        ImportSettings s = columns("person", "Who", "team", "Team", "metric", "Metric", "period", "Period",
                "periodKind", "Kind", "periodStart", "Start", "target", "Target");
        assertThat(run(file, ImportTarget.GOALS, s).created()).isEqualTo(3);
        long gina = ctx.users().findByLogin("gina").orElseThrow().id();
        List<GoalEntry> march = new org.deskcrm.persistence.GoalRepository(ctx.database())
                .ofPeriod(PeriodKind.MONTH, LocalDate.of(2026, 3, 1));
        assertThat(march).filteredOn(g -> Long.valueOf(gina).equals(g.userId())).singleElement()
                .satisfies(g -> assertThat(g.target()).isEqualByComparingTo("150000"));
        assertThat(new org.deskcrm.persistence.GoalRepository(ctx.database())
                .ofPeriod(PeriodKind.YEAR, LocalDate.of(2026, 1, 1)))
                .filteredOn(g -> Long.valueOf(team).equals(g.teamId())).singleElement()
                .satisfies(g -> assertThat(g.target()).isEqualByComparingTo("900000.50"));
        ImportResult again = run(file.replace("150000", "160000"), ImportTarget.GOALS,
                s.withDuplicates(DuplicateMode.MERGE));
        assertThat(again.created()).isZero();
        assertThat(again.merged()).isEqualTo(3);
        assertThat(new BigDecimal(one("select target from goal where user_id = ? and period_kind = 'month'", gina)
                .toString())).isEqualByComparingTo("160000");
        assertThatThrownBy(() -> run("Who,Metric,Period,Target\ngina,revenue,2026-13,1\n", ImportTarget.GOALS,
                columns("person", "Who", "metric", "Metric", "period", "Period", "target", "Target")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.issues())
                        .extracting(CellIssue::messageKey).containsExactly("imports.issue.goalPeriod"));
    }

    @Test
    void eightyFiveForeignAccountsImportedTwiceAreEightyFiveCardsThatDealsFind() {
        StringBuilder file = new StringBuilder("account,sector,office_location,website\n");
        String[] forms = {"", " Inc.", " Corp", " LLC", " Ltd", " GmbH", " Co."};
        for (int i = 0; i < 85; i++) {
            file.append("Acc").append(i).append("ount").append(forms[i % forms.length]).append(",retail,")
                    .append(i % 2 == 0 ? "United States" : "").append(',')
                    .append(i % 3 == 0 ? "acc" + i + ".com" : "").append('\n');
        }
        ImportSettings s = columns("name", "account", "industry", "sector", "region", "office_location",
                "website", "website");
        long before = ((Number) one("select count(*) from client")).longValue();
        assertThat(run(file.toString(), ImportTarget.CLIENTS, s).created()).isEqualTo(85);
        ImportResult again = run(file.toString(), ImportTarget.CLIENTS, s);
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(85);
        // spelled with another case, spacing, punctuation and legal form: still the same companies
        String respelled = file.toString().replace(" Inc.", " INC!").replace(" Corp", " Corporation")
                .replace("Acc", "ACC ");
        assertThat(run(respelled, ImportTarget.CLIENTS, s).created()).isZero();
        assertThat(((Number) one("select count(*) from client")).longValue()).isEqualTo(before + 85);

        ctx.users().insert(User.draft("dora", "Dora Deal", Role.MANAGER, null), null);
        ImportResult deals = run("title,client,owner,stage\nBig one,Acc1ount Inc.,dora,Proposal sent\n", ImportTarget.DEALS,
                ImportSettings.defaults());
        assertThat(deals.created()).isEqualTo(1);
        assertThat(one("select c.name from deal d join client c on c.id = d.client_id where d.title = 'Big one'"))
                .isEqualTo("Acc1ount Inc.");
    }

    @Test
    void aCompanyWithAnInnIsFoundByNameOnACardWithoutOneAndNeverOnACardWithAnother() {
        String solo = org.deskcrm.service.client.Requisites.completeInn("770000101");
        String twin = org.deskcrm.service.client.Requisites.completeInn("770000102");
        String other = org.deskcrm.service.client.Requisites.completeInn("770000103");
        ImportSettings s = columns("name", "Name", "inn", "INN");
        assertThat(run("Name,INN\nSolo Holding,\nTwin Holding," + twin + "\n", ImportTarget.CLIENTS, s).created())
                .isEqualTo(2);
        // every row of this file has an INN, so only the cards without one are read for names
        ImportResult r = run("Name,INN\nSolo Holding LLC," + solo + "\nTwin Holding," + other + "\n",
                ImportTarget.CLIENTS, s.withDuplicates(DuplicateMode.MERGE));
        assertThat(r.created()).isEqualTo(1);
        assertThat(r.merged()).isEqualTo(1);
        assertThat(rows("select inn from client where name = 'Solo Holding'")).extracting(m -> m.get("inn"))
                .containsExactly(solo);
        assertThat(rows("select inn from client where name = 'Twin Holding' order by inn")).extracting(m -> m.get("inn"))
                .containsExactlyInAnyOrder(twin, other);
    }

    @Test
    void clientsWithASourceKeyAreFoundByItAndSameNamesInOtherRegionsStayApart() {
        String file = "Id,Name,Region\nX-1,Nord Star,Oslo\nX-2,Nord Star,Bergen\n";
        ImportSettings s = columns("externalId", "Id", "name", "Name", "region", "Region");
        assertThat(run(file, ImportTarget.CLIENTS, s).created()).isEqualTo(2);
        ImportResult again = run(file.replace("Nord Star,Oslo", "Nord Star AS,Oslo"), ImportTarget.CLIENTS,
                s.withDuplicates(DuplicateMode.MERGE));
        assertThat(again.created()).isZero();
        assertThat(again.merged()).isEqualTo(2);
        assertThat(rows("select external_id from client where name = 'Nord Star' order by external_id"))
                .extracting(m -> m.get("external_id")).containsExactly("X-1", "X-2");
    }

    @Test
    void aCheckCountsTheNamesItWouldCreateAndCreatesNothing() {
        String deals = "title,client,owner,stage,source\nDeal N,Zeta Client,Nobody Yet,Proposal sent,Fair 2026\n";
        run("name\nZeta Client\n", ImportTarget.CLIENTS, ImportSettings.defaults());
        long people = ((Number) one("select count(*) from app_user")).longValue();
        ImportCheck c = check(deals, ImportTarget.DEALS, ImportSettings.defaults().withCreateMissing(true));
        assertThat(c.preview().valid()).isTrue();
        assertThat(c.toCreate()).containsEntry(RefKind.OWNER, Set.of("Nobody Yet"))
                .containsEntry(RefKind.SOURCE, Set.of("Fair 2026"));
        assertThat(((Number) one("select count(*) from app_user")).longValue()).isEqualTo(people);
        run(deals, ImportTarget.DEALS, ImportSettings.defaults().withCreateMissing(true));
        assertThat(rows("select login, role_code, password_hash from app_user where full_name = 'Nobody Yet'"))
                .singleElement().satisfies(m -> {
                    assertThat(m.get("login")).isEqualTo("nobody.yet");
                    assertThat(m.get("role_code")).isEqualTo("manager");
                    assertThat(m.get("password_hash")).isNull();
                });
    }
}
