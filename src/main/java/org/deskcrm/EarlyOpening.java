package org.deskcrm;

import org.deskcrm.persistence.DatabaseConfig;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The database the window will use, opened on a background thread from {@code main} while JavaFX starts its
 * toolkit and draws the splash (ADR 0025). Measured on the 100 000-deal file, the opening took 1.5–2.5 s of
 * a cold JVM — the H2 engine and the file 0.5 s, Flyway 0.4 s, the first jOOQ statement's class loading
 * 1.2 s — all of it on the way to the sign-in window, while one of the two cores waited for the toolkit.
 * The window takes the opening if it chose the same database ({@link #take}); otherwise the early one is closed.
 */
final class EarlyOpening {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EarlyOpening.class);
    private static DatabaseConfig config;
    private static CompletableFuture<AppContext> opening;
    /** The step of building missing totals the opening is at (null: none), for the splash. */
    private static volatile String step;

    private EarlyOpening() {
    }

    /** Starts opening {@code config} (a daemon thread: it never keeps the program alive). */
    static synchronized void begin(DatabaseConfig config) {
        if (opening != null) {
            return;
        }
        EarlyOpening.config = config;
        CompletableFuture<AppContext> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(AppContext.openForWindow(config, s -> step = s));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "deskcrm-early-opening");
        t.setDaemon(true);
        t.start();
        opening = f;
    }

    /** The step of building missing totals the early opening is at, or null. */
    static String step() {
        return step;
    }

    /**
     * The early opening of {@code wanted}, once; empty when none was begun or it was begun for another database
     * (that one is then closed when it is open, so that its file is free).
     */
    static synchronized Optional<CompletableFuture<AppContext>> take(DatabaseConfig wanted) {
        CompletableFuture<AppContext> f = opening;
        opening = null;
        if (f == null) {
            return Optional.empty();
        }
        if (!wanted.equals(config)) {
            LOG.info("The early opening was of another database: closing it");
            f.thenAccept(AppContext::close);
            f.join(); // the other database's file is free before this one opens (an H2 file admits one process)
            return Optional.empty();
        }
        return Optional.of(f);
    }
}
