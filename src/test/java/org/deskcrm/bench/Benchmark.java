package org.deskcrm.bench;

/**
 * One measurement of the benchmark: runs against one prepared database and adds its figures to the
 * results. Implementations are registered in {@link BenchMain#benchmarks}; a feature that is not on this
 * branch yet (export, import) is plugged in through {@link BenchHooks}.
 */
public interface Benchmark {
    /** Short name, used in --only and in the output. */
    String name();

    void run(BenchEnv env, Results results) throws Exception;
}
