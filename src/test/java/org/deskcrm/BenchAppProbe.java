package org.deskcrm;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * Started in its own JVM by the benchmark: the real application (or, with {@code bare}, a window with one
 * label) measured from the JVM's start to the first frame pulse after the main window is showing with its
 * database open, i.e. when it answers input. Prints {@code startup_ms=N heap_mb=M} and exits; the heap is
 * the used heap after a GC, a few seconds after the window came up (its first screens loaded).
 */
public class BenchAppProbe extends DeskCrmApp {
    private static final long SETTLE_MS = 4000;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bare")) {
            Application.launch(Bare.class, args);
        } else {
            Application.launch(BenchAppProbe.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        super.start(stage);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (context() != null && stage.isShowing() && stage.getScene() != null) {
                    stop();
                    report();
                }
            }
        }.start();
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
                        report();
                    }
                }
            }.start();
        }
    }

    static void report() {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(SETTLE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.gc();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
            System.out.println("startup_ms=" + ms + " heap_mb=" + heap);
            System.out.flush();
            Platform.exit();
            System.exit(0);
        }, "probe-report");
        t.setDaemon(true);
        t.start();
    }
}
