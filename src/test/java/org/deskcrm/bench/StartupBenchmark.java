package org.deskcrm.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start to interactive window, each run in a fresh JVM of the same java and classpath: the real app
 * over the benchmark database versus a bare JavaFX window (see {@link org.deskcrm.BenchAppProbe}).
 * Uses the X display when DISPLAY is set (run the benchmark under xvfb-run for real GTK windows),
 * else Monocle's headless platform. The app's figure includes opening the database (Flyway check).
 */
final class StartupBenchmark {
    private static final Pattern LINE = Pattern.compile("startup_ms=(\\d+) main_ms=(\\d+) heap_mb=(\\d+)(?: home_ms=(\\d+))?");

    private final int runs;

    StartupBenchmark(int runs) {
        this.runs = runs;
    }

    /** Needs the database closed in this JVM first (an H2 file admits one process). */
    void run(String dbUrl, String user, String password, Results results) throws Exception {
        Samples bare = new Samples(runs);
        Samples app = new Samples(runs);
        Samples main = new Samples(runs);
        Samples home = new Samples(runs);
        long heap = 0;
        for (int i = 0; i < runs; i++) {
            bare.add(probe(List.of("bare"))[0]);
            List<String> args = new ArrayList<>(List.of("--db", dbUrl, "--lang", "en"));
            if (user != null && !user.isEmpty()) {
                args.addAll(List.of("--user", user, "--password", password == null ? "" : password));
            }
            long[] a = probe(args);
            app.add(a[0]);
            main.add(a[1]);
            if (a[3] >= 0) {
                home.add(a[3] - a[1]);
            }
            heap = Math.max(heap, a[2]);
        }
        String platform = System.getenv("DISPLAY") != null ? "X11 " + System.getenv("DISPLAY") : "Monocle headless";
        results.add("startup", "bare JavaFX window", "median " + (long) bare.p50() + " ms", null, null,
                runs + " fresh JVMs, " + platform);
        results.add("startup", "app: start to interactive window", "median " + (long) app.p50() + " ms (+"
                        + (long) (app.p50() - bare.p50()) + " over bare)", null, null,
                "JVM start → sign-in window answering, database open and checked");
        results.add("startup", "app: sign-in to main window", "median " + (long) (main.p50() - app.p50()) + " ms",
                null, null, "administrator's password checked (Argon2id), main window and first tab showing");
        if (home.count() > 0) {
            results.add("startup", "app: main window to home dashboard figures", "median " + (long) home.p50()
                            + " ms, max " + (long) home.max() + " ms", "≤ 1000 ms", home.max() <= 1000,
                    "every tile's figure shown (computed in the background; the window answers meanwhile)");
        }
        results.add("heap", "app window, used after GC", heap + " MB", "≤ 300 MB", heap <= HeapBenchmark.TARGET_MB,
                "4 s after the window came up, max of " + runs + " runs");
    }

    private static long[] probe(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.add("-Xmx1g");
        cmd.add("-Dfile.encoding=UTF-8");
        if (System.getenv("DISPLAY") == null) {
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Djava.awt.headless=true"));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.deskcrm.BenchProbeMain");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread watchdog = new Thread(() -> { // a probe stuck on an unexpected dialog must not hang the run
            try {
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "startup-probe-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        long[] found = null;
        StringBuilder tail = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    found = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3)), m.group(4) == null ? -1 : Long.parseLong(m.group(4))};
                } else if (tail.length() < 4000) {
                    tail.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (found == null) {
            throw new IllegalStateException("startup probe printed no figure:\n" + tail);
        }
        return found;
    }
}
