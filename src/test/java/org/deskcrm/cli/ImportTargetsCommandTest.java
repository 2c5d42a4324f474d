package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import users|products|goals|deals} through {@link Cli} on a real H2 file database: --mapping,
 * --values, --create-missing, --dry-run with ignored columns and suggestions, and a profile file.
 */
class ImportTargetsCommandTest {
    @TempDir
    Path dir;
    private Locale locale;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void english() {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(locale);
    }

    int run(String... args) {
        out.reset();
        err.reset();
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--db";
        all[args.length + 1] = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(all);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    Object one(String sql) {
        try (AppContext ctx = AppContext.open(new DatabaseConfig("jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath(),
                null, null))) {
            return ctx.database().dsl().fetchValue(sql);
        }
    }

    Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aCompanyGoesInThroughTheCommandLineOnly() throws Exception {
        Path team = file("team.csv", "sales_agent,manager,regional_office,hired\n"
                + "Moses Frase,Dustin Brinkmann,Central,2019\nDarcel Schlecht,Melvin Marxen,Central,2018\n");
        assertThat(run("import", "users", team.toString(), "--dry-run",
                "--mapping", "fullName=sales_agent,supervisor=manager,office=regional_office"))
                .as(err.toString()).isZero();
        assertThat(out()).contains("Dry run", "2 rows", "4 would be created", "Ignored columns (no field takes them): hired");
        assertThat(((Number) one("select count(*) from app_user where office = 'Central'")).intValue()).isZero();
        assertThat(run("import", "users", team.toString(),
                "--mapping", "fullName=sales_agent,supervisor=manager,office=regional_office"))
                .as(err.toString()).isZero();
        assertThat(out()).contains("Imported users: 2 rows, 4 created");
        assertThat(one("select login from app_user where full_name = 'Moses Frase'")).isEqualTo("moses.frase");
        assertThat(one("select password_hash from app_user where full_name = 'Moses Frase'")).isNull();
        assertThat(run("import", "users", team.toString(), "--merge",
                "--mapping", "fullName=sales_agent,supervisor=manager,office=regional_office"))
                .as(err.toString()).isZero();
        assertThat(out()).contains("0 created", "2 merged");

        Path products = file("products.csv", "product,series,sales_price\nGTX Pro,GTX,4821\nMG Special,MG,55\n");
        assertThat(run("import", "products", products.toString(), "--mapping", "name=product,group=series,price=sales_price"))
                .as(err.toString()).isZero();
        assertThat(out()).contains("2 created");

        Path accounts = file("accounts.csv", "account,sector\nAcme Corporation,retail\nBetasoft,software\n");
        assertThat(run("import", "clients", accounts.toString(), "--mapping", "name=account,industry=sector"))
                .as(err.toString()).isZero();

        Path deals = file("deals.csv", "opportunity_id,sales_agent,product,account,deal_stage,close_value,lost\n"
                + "A1,Moses Frase,GTXPro,Acme Corporation,Proposal sent,10,x\n"
                + "A2,moses.frase,MG Special,Betasoft,Proposal sent,20,y\n"
                + "A3,Ghost Agent,MG Special,Betasoft,Proposal sent,30,z\n");
        String mapping = "title=opportunity_id,owner=sales_agent,product=product,client=account,stage=deal_stage,"
                + "amount=close_value";
        assertThat(run("import", "deals", deals.toString(), "--dry-run", "--mapping", mapping)).isEqualTo(1);
        assertThat(out()).contains("Ignored columns (no field takes them): lost",
                "Unknown Product \"GTXPro\": closest GTX Pro", "Unknown Owner \"Ghost Agent\"",
                "row 2, product: Unknown product \"GTXPro\"");
        assertThat(run("import", "deals", deals.toString(), "--mapping", mapping, "--values",
                "product:GTXPro=GTX Pro", "--create-missing")).as(err.toString()).isZero();
        assertThat(out()).contains("Imported deals: 3 rows, 3 created");
        assertThat(one("select p.name from deal_line l join deal d on d.id = l.deal_id join product p on p.id = l.product_id"
                + " where d.title = 'A1'")).isEqualTo("GTX Pro");
        assertThat(one("select password_hash from app_user where full_name = 'Ghost Agent'")).isNull();
        assertThat(((Number) one("select count(*) from product")).intValue()).isEqualTo(2);
    }

    @Test
    void aProfileFileCarriesTheMappingAndTheValues() throws Exception {
        Path profile = file("goals.properties", "# plan figures from the spreadsheet\ntarget=goals\n"
                + "column.person=Manager\ncolumn.metric=KPI\ncolumn.period=Month\ncolumn.target=Plan\n"
                + "value.GOAL_METRIC.Umsatz=revenue\ncreateMissing=true\nduplicates=MERGE\n");
        Path goals = file("plan.csv", "Manager,KPI,Month,Plan\nRita Plan,Umsatz,2026-03,1000\n");
        assertThat(run("import", "goals", goals.toString(), "--profile", profile.toString()))
                .as(err.toString()).isZero();
        assertThat(out()).contains("Imported goals: 1 rows, 1 created");
        assertThat(one("select g.metric_code from goal g join app_user u on u.id = g.user_id where u.full_name = 'Rita Plan'"))
                .isEqualTo("revenue");
        assertThat(run("import", "goals", goals.toString(), "--profile", profile.toString()))
                .as(err.toString()).isZero();
        assertThat(out()).contains("0 created", "1 merged");
        assertThat(run("import", "users", goals.toString(), "--profile", profile.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("goals.properties is for another import (goals)");
        assertThat(run("import", "goals", goals.toString(), "--values", "metric=revenue")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--values: field:FileValue=AppValue expected");
        assertThat(run("import", "goals", goals.toString(), "--mapping", "who=Manager")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("goals has no field who");
    }
}
