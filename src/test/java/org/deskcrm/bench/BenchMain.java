package org.deskcrm.bench;

import org.deskcrm.AppContext;
import org.deskcrm.service.demo.DemoResult;
import org.deskcrm.service.demo.DemoSize;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark of issue 9 (not a test): prepares the demo data set on each database, then measures
 * startup, the manager's UI actions, every report against its raw-SQL floor, export and import speed and
 * heap, and prints (and with --out appends) a Markdown table. Run it with
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench.args="--size medium"} (see docs/performance.md).
 *
 * <pre>
 * --db h2|postgresql|JDBC-URL   repeatable; default: h2 and postgresql (embedded)
 * --user U --password P         for a JDBC URL
 * --size small|medium|scale     the demo data set (default medium); generated once per database
 * --iterations N                timed runs of each UI action (default 200)
 * --report-iterations N         timed runs of each report and its floor (default 10)
 * --startup-runs N              fresh JVMs per startup figure (default 3; 0 skips startup)
 * --import-rows N               rows of the import file (default 20000)
 * --fk-rows N                   rows of the H2 foreign-key insert comparison (default 100000; 0 skips it)
 * --only a,b                    only these: startup, ui, reports, export, import, fk, heap
 * --work DIR                    databases and scratch files (default target/bench)
 * --out FILE                    append the results as Markdown to FILE
 * </pre>
 */
public final class BenchMain {
    private final Map<String, List<String>> opts;
    private final PrintStream out = System.out;

    private BenchMain(Map<String, List<String>> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: see BenchMain's javadoc; bad argument: " + args[i]);
                System.exit(2);
            }
            opts.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        new BenchMain(opts).run();
        System.exit(0);
    }

    private String opt(String name, String def) {
        List<String> v = opts.get(name);
        return v == null ? def : v.get(v.size() - 1);
    }

    private int intOpt(String name, int def) {
        return Integer.parseInt(opt(name, String.valueOf(def)));
    }

    /** The benchmarks run with the database open in this JVM, in order. */
    List<Benchmark> benchmarks() {
        return List.of(new UiActionsBenchmark(), new ReportsBenchmark(), new ExportBenchmark(),
                new ImportBenchmark(intOpt("import-rows", 20_000)), new H2ForeignKeyInsertBenchmark(intOpt("fk-rows", 100_000)),
                new HeapBenchmark());
    }

    private void run() throws Exception {
        String sizeName = opt("size", "medium").toLowerCase(Locale.ROOT);
        DemoSize size = switch (sizeName) {
            case "small" -> DemoSize.SMALL;
            case "medium" -> DemoSize.MEDIUM;
            case "scale" -> DemoSize.SCALE;
            default -> throw new IllegalArgumentException("--size small|medium|scale: " + sizeName);
        };
        Path work = Path.of(opt("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(work);
        Set<String> only = opts.containsKey("only") ? new HashSet<>(Arrays.asList(opt("only", "").split(","))) : null;
        List<String> dbs = opts.getOrDefault("db", List.of("h2", "postgresql"));
        Results results = new Results(out);
        String loadBefore = load();
        List<String> sets = new ArrayList<>();
        for (String spec : dbs) {
            try (BenchDatabase db = BenchDatabase.open(spec, sizeName, work, opt("user", null), opt("password", null))) {
                results.database(db.label());
                out.println("== " + db.label() + " (" + db.config() + ")");
                sets.add(db.label() + ": " + prepare(db, size, results));
                int startupRuns = intOpt("startup-runs", 3);
                if (startupRuns > 0 && (only == null || only.contains("startup"))) {
                    new StartupBenchmark(startupRuns).run(db.config().url(), db.config().user(), db.config().password(),
                            results);
                }
                try (AppContext ctx = AppContext.open(db.config())) {
                    BenchEnv env = new BenchEnv(ctx, db.label(), size, intOpt("iterations", 200),
                            intOpt("report-iterations", 10), work, BenchHooks.defaults());
                    for (Benchmark b : benchmarks()) {
                        if (only == null || only.contains(b.name())) {
                            b.run(env, results);
                        }
                    }
                }
            }
        }
        String md = markdown(results, sizeName, sets, loadBefore, load());
        out.println(md);
        Path file = work.resolve("results-" + sizeName + ".md");
        Files.writeString(file, md, StandardCharsets.UTF_8);
        String target = opt("out", null);
        if (target != null) {
            Files.writeString(Path.of(target), "\n" + md, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** Generates the data set when the database holds none; returns its row counts. */
    private String prepare(BenchDatabase db, DemoSize size, Results results) throws Exception {
        try (AppContext ctx = AppContext.open(db.config())) {
            ctx.ensureReferenceData(Locale.forLanguageTag("ru"));
            long clients = Sql.count(ctx.database().dataSource(), "select count(*) from client");
            if (clients == 0) {
                out.println("  generating the data set (once per database and size) ...");
                DemoResult r = ctx.demoData().generate(size, Locale.forLanguageTag("ru"), 20_260_101L,
                        (step, done, total) -> { });
                long rows = r.rows().values().stream().mapToLong(Long::longValue).sum();
                double s = r.elapsed().toMillis() / 1000.0;
                results.add("load", "demo data set generated", String.format("%,d rows in %.0f s (%,.0f rows/s)",
                        rows, s, rows / s), null, null, "DemoDataService, the demo command's code path");
            }
            if (ctx.auth().needsAdminPassword()) { // the startup probe signs in as the administrator
                char[] pw = org.deskcrm.BenchAppProbe.ADMIN_PASSWORD.toCharArray();
                ctx.auth().createAdminPassword(pw, pw.clone());
            }
            var ds = ctx.database().dataSource();
            return String.format("%,d clients, %,d deals, %,d stage-history rows, %,d calls, %,d sales, %,d tasks",
                    Sql.count(ds, "select count(*) from client"), Sql.count(ds, "select count(*) from deal"),
                    Sql.count(ds, "select count(*) from deal_stage_history"),
                    Sql.count(ds, "select count(*) from phone_call"), Sql.count(ds, "select count(*) from sale"),
                    Sql.count(ds, "select count(*) from task"));
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (Exception ignored) {
            // not Linux: the core count below still tells something
        }
        long memMb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 20;
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memMb / 1024 + " GB RAM, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", Java "
                + System.getProperty("java.runtime.version") + ", -Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m";
    }

    private static String markdown(Results results, String size, List<String> sets, String loadBefore, String loadAfter) {
        StringBuilder sb = new StringBuilder();
        sb.append("### Run ").append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" UTC, size ").append(size).append("\n\n");
        sb.append("- machine: ").append(machine()).append('\n');
        sb.append("- load average (1/5/15 min, runnable/total, last pid) before: `").append(loadBefore)
                .append("`, after: `").append(loadAfter).append("`\n");
        for (String s : sets) {
            sb.append("- data: ").append(s).append('\n');
        }
        sb.append("\n| db | group | what | measured | target | verdict | how |\n|---|---|---|---|---|---|---|\n");
        for (Result r : results.all()) {
            sb.append("| ").append(r.db()).append(" | ").append(r.group()).append(" | ").append(r.name()).append(" | ")
                    .append(r.value()).append(" | ").append(r.target() == null ? "" : r.target()).append(" | ")
                    .append(r.verdict()).append(" | ").append(r.note() == null ? "" : r.note()).append(" |\n");
        }
        return sb.toString();
    }
}
