package org.deskcrm.bench;

import org.deskcrm.AppContext;
import org.deskcrm.service.demo.DemoSize;

import java.nio.file.Path;

/**
 * What a benchmark runs against: the application's services over the prepared database, its label
 * (h2, postgresql), the data set size, how many timed iterations to run, and a scratch folder.
 */
public record BenchEnv(AppContext ctx, String db, DemoSize size, int iterations, int reportIterations, Path work,
                       BenchHooks hooks) {
}
