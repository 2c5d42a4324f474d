package org.deskcrm;

/**
 * The startup probe's entry point: not a JavaFX Application itself (like {@link Launcher}), so the JVM
 * starts it from a plain classpath without JavaFX on the module path.
 */
public final class BenchProbeMain {
    private BenchProbeMain() {
    }

    public static void main(String[] args) {
        BenchAppProbe.main(args);
    }
}
