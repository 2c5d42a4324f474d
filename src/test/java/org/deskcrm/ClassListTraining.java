package org.deskcrm;

import org.deskcrm.cli.Cli;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.service.demo.DemoSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: the training run of the installer's class data sharing (installer/build.sh, docs/installer.md). Fills
 * a small demo company in DIR (once); runs every report over twelve months and writes it as CSV and as .xlsx, and
 * exports the client and deal lists, through the command line; then starts the real window as a person does — the
 * sign-in window, the administrator's sign-in, the home dashboard's figures — and exits. Run with {@code -XX:DumpLoadedClassList=FILE},
 * the JVM lists every class this start loaded; the package installs the list and, on the user's machine, the
 * installed runtime turns it into the archive it maps at every start (ADR 0034).
 *
 * <pre>java -XX:DumpLoadedClassList=deskcrm.classlist -cp &lt;jar + test class path&gt; org.deskcrm.ClassListTraining DIR</pre>
 */
public final class ClassListTraining {
    private ClassListTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/class-list-training");
        Files.createDirectories(dir);
        DatabaseConfig config = DatabaseConfig.embedded(dir);
        List<String> reports;
        try (AppContext ctx = AppContext.open(config)) {
            reports = ctx.reports().all().stream().map(org.deskcrm.service.report.Report::name).toList();
            if (ctx.auth().needsAdminPassword()) {
                ctx.ensureReferenceData(Locale.ENGLISH);
                char[] pw = BenchAppProbe.ADMIN_PASSWORD.toCharArray();
                ctx.auth().createAdminPassword(pw, pw.clone());
                ctx.demoData().generate(DemoSize.SMALL, Locale.ENGLISH, 20_260_101L, (step, done, total) -> { });
            }
        }
        java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        java.time.LocalDate today = java.time.LocalDate.now();
        for (String report : reports) {
            for (String ext : List.of("csv", "xlsx")) {
                new Cli(quiet, quiet).run(new String[] {"--db", config.url(), "report", report,
                        "--from", today.minusYears(1).plusDays(1).toString(), "--to", today.toString(),
                        "--out", dir.resolve(report + "." + ext).toString()});
            }
        }
        for (String list : List.of("clients", "deals")) {
            new Cli(quiet, quiet).run(new String[] {"--db", config.url(), "export", list,
                    "--out", dir.resolve(list + ".xlsx").toString()});
        }
        BenchAppProbe.main(new String[] {"--db", config.url(), "--lang", "en"});
    }
}
