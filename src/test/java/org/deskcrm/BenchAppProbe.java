package org.deskcrm;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.deskcrm.bench.HeapAfterGc;

import java.lang.management.ManagementFactory;

/**
 * Started in its own JVM by the benchmark: the real application (or, with {@code bare}, a window with one
 * label) measured from the JVM's start to the first frame pulse after its first window answers input — the
 * sign-in window, with the database open and upgraded — and, after signing in as the administrator the way
 * a user does (login, password, Enter), to the main window. Prints {@code startup_ms=N main_ms=M heap_mb=H}
 * and exits; the heap is the used heap after a GC, a few seconds after the main window came up.
 */
public class BenchAppProbe extends DeskCrmApp {
    private static final long SETTLE_MS = 4000;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bare")) {
            Application.launch(Bare.class, args);
        } else {
            openEarly(args); // as DeskCrmApp.main does
            Application.launch(BenchAppProbe.class, args);
        }
    }

    /** The administrator's password the benchmark gives its databases (set by BenchMain before the probes run). */
    public static final String ADMIN_PASSWORD = "bench-admin-2026";

    @Override
    public void start(Stage stage) {
        super.start(stage);
        new AnimationTimer() {
            private long signInMs = -1;
            private long clickedMs = -1;
            private long mainMs = -1;

            @Override
            public void handle(long now) {
                Stage signIn = signInStage();
                if (signInMs < 0 && signIn != null && signIn.isShowing() && signIn.getScene() != null) {
                    signInMs = sinceJvmStart(); // the first window that answers input
                } else if (clickedMs < 0 && signInMs >= 0 && sinceJvmStart() - signInMs >= TYPING_MS) {
                    // sign in as the administrator, as a user would, after the time a person takes to type
                    clickedMs = sinceJvmStart();
                    ((TextField) signIn.getScene().lookup("#signInLogin")).setText("admin");
                    ((PasswordField) signIn.getScene().lookup("#signInPassword")).setText(ADMIN_PASSWORD);
                    ((Button) signIn.getScene().lookup("#signInButton")).fire();
                } else if (clickedMs >= 0 && mainMs < 0 && context() != null && stage.isShowing()
                        && stage.getScene() != null) {
                    mainMs = sinceJvmStart();
                } else if (mainMs >= 0 && (homeFigures(stage) || sinceJvmStart() - mainMs > HOME_WAIT_MS)) {
                    stop();
                    System.out.println("clicked_ms=" + clickedMs);
                    report(signInMs, mainMs, homeFigures(stage) ? sinceJvmStart() : -1);
                }
            }
        }.start();
    }

    private static final long HOME_WAIT_MS = 60_000;
    /** How long the probe waits at the sign-in window before it signs in ({@code -Dprobe.typingMs}; 0: at once). */
    private static final long TYPING_MS = Long.getLong("probe.typingMs", 0);

    /** The home dashboard shows every tile's figure (a tile still computing shows "…"). */
    private static boolean homeFigures(Stage stage) {
        java.util.Set<javafx.scene.Node> values = stage.getScene().getRoot().lookupAll(".home-tile-value");
        return !values.isEmpty() && values.stream().allMatch(n -> n instanceof javafx.scene.control.Label l
                && !l.getText().equals("…"));
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** A window with one label: what any JavaFX program costs to show on this machine and JVM. */
    public static final class Bare extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("bare"), 400, 300));
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (stage.isShowing()) {
                        stop();
                        report(sinceJvmStart());
                    }
                }
            }.start();
        }
    }

    /** Prints the time to the first window ({@code firstMs}), to the main window (now) and the heap a moment later. */
    static void report(long firstMs) {
        report(firstMs, sinceJvmStart(), -1);
    }

    /** As {@link #report(long)}, with the time the home dashboard showed its figures ({@code -1}: not measured). */
    static void report(long firstMs, long ms, long homeMs) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(SETTLE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long heap = HeapAfterGc.used() >> 20;
            System.out.println("startup_ms=" + firstMs + " main_ms=" + ms + " heap_mb=" + heap
                    + (homeMs >= 0 ? " home_ms=" + homeMs : ""));
            System.out.flush();
            Platform.exit();
            System.exit(0);
        }, "probe-report");
        t.setDaemon(true);
        t.start();
    }
}
