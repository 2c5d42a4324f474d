package org.deskcrm.trust;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.deskcrm.service.call.CallImportFormat;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoSize;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The child process of {@link CrashHarnessTest}: opens the database and writes in a loop until it is
 * killed, printing {@code COMMITTED <workload> <key>} after every transaction that returned. Each
 * workload is a {@link Workload}; a new importer adds one here and a check in {@link IntegrityCheck}.
 * Usage: {@code CrashWorkload WORKLOAD JDBC_URL CYCLE [ARGS...]}.
 */
public final class CrashWorkload {
    /** Rows per imported call file. */
    static final int CALLS_PER_FILE = 150;

    /** One kind of write that may be interrupted at any instruction. */
    interface Workload {
        void run(AppContext ctx, int cycle, List<String> args, PrintStream out) throws Exception;
    }

    static final Map<String, Workload> WORKLOADS = Map.of(
            "import", CrashWorkload::importCalls,
            "edit", CrashWorkload::edit,
            "demo", CrashWorkload::demo,
            "demo-empty", CrashWorkload::demoIntoEmpty,
            "restore", CrashWorkload::restore);

    private CrashWorkload() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Database db = Database.open(new DatabaseConfig(args[1], "sa", ""), 2)) {
            AppContext ctx = new AppContext(db, Clock.systemUTC());
            out.println("STARTED");
            WORKLOADS.get(args[0]).run(ctx, Integer.parseInt(args[2]), List.of(args).subList(3, args.length), out);
        }
        out.println("FINISHED");
    }

    /** Asterisk files of {@link #CALLS_PER_FILE} calls each, keys {@code k<cycle>.<file>.<row>}, one after another. */
    static void importCalls(AppContext ctx, int cycle, List<String> args, PrintStream out) {
        long admin = ctx.ensureReferenceData(Locale.ENGLISH);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (int file = 0; ; file++) {
            StringBuilder csv = new StringBuilder();
            LocalDateTime t = LocalDateTime.of(2026, 3, 1, 9, 0).plusMinutes(cycle * 1000L + file * 200L);
            for (int i = 0; i < CALLS_PER_FILE; i++) {
                String start = t.plusMinutes(i).format(f);
                String end = t.plusMinutes(i).plusSeconds(40).format(f);
                csv.append("\"\",\"8916").append(String.format("%07d", (cycle * 7919 + file * 151 + i) % 10_000_000))
                        .append("\",\"101\",\"from-trunk\",\"\",\"SIP/t-1\",\"SIP/101-1\",\"Dial\",\"\",\"")
                        .append(start).append("\",\"").append(start).append("\",\"").append(end)
                        .append("\",40,35,\"ANSWERED\",\"DOCUMENTATION\",\"k").append(cycle).append('.').append(file)
                        .append('.').append(i).append("\",\"\"\n");
            }
            ctx.callImport().importCalls(csv.toString().getBytes(StandardCharsets.UTF_8), CallImportFormat.ASTERISK,
                    null, admin, Progress.NONE);
            out.println("COMMITTED import k" + cycle + "." + file + ".");
        }
    }

    /** Saves the crash-test client card (notes = a counter) and moves its deal along the open stages. */
    static void edit(AppContext ctx, int cycle, List<String> args, PrintStream out) {
        long admin = ctx.ensureReferenceData(Locale.ENGLISH);
        long clientId = Long.parseLong(args.get(0));
        long dealId = Long.parseLong(args.get(1));
        Pipeline sales = ctx.pipelines().findByCode("sales").orElseThrow();
        List<Stage> open = sales.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        while (true) {
            ClientCard card = ctx.clients().load(clientId);
            Client c = card.client();
            long next = Long.parseLong(c.notes()) + 1;
            ctx.clients().save(new ClientCard(c.withDetails(c.address(), c.region(), c.industry(), c.website(),
                    c.sourceId(), String.valueOf(next), c.tags()), card.contacts(), card.channels()), admin);
            Deal d = ctx.dealFeature().deals().find(dealId);
            int at = 0;
            for (int i = 0; i < open.size(); i++) {
                if (open.get(i).id() == d.stageId()) {
                    at = i;
                }
            }
            ctx.dealFeature().deals().move(dealId, d.version(), open.get((at + 1) % open.size()).id(), null, null, admin);
            out.println("COMMITTED edit " + next);
        }
    }

    /** The SMALL demo data, added to whatever is there (it is killed long before it ends). */
    static void demo(AppContext ctx, int cycle, List<String> args, PrintStream out) {
        ctx.demoData().generate(DemoSize.SMALL, Locale.ENGLISH, cycle, true,
                (step, done, total) -> out.println("PROGRESS demo " + step + " " + done));
        out.println("COMMITTED demo " + cycle);
    }

    /** The SMALL demo data into an empty database: the real first-start path (indexes dropped and rebuilt). */
    static void demoIntoEmpty(AppContext ctx, int cycle, List<String> args, PrintStream out) {
        ctx.demoData().generate(DemoSize.SMALL, Locale.ENGLISH, cycle, false,
                (step, done, total) -> out.println("PROGRESS demo " + step + " " + done));
        out.println("COMMITTED demo " + cycle);
    }

    /** Restores the backup file given as the first argument over whatever the database holds. */
    static void restore(AppContext ctx, int cycle, List<String> args, PrintStream out) {
        ctx.backup().restore(java.nio.file.Path.of(args.get(0)), true, new Progress() {
            @Override
            public void update(String step, long done, long total) {
                out.println("PROGRESS restore " + done);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        out.println("COMMITTED restore " + cycle);
    }
}
