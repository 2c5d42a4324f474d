package org.deskcrm.bench;

import org.deskcrm.AppContext;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where features that are not on this branch plug into the benchmark. Export and import were built on
 * their own branches; when they are merged, {@link #defaults()} wires them in (one line each) and
 * {@link ExportBenchmark} / {@link ImportBenchmark} measure them against their floors.
 */
public record BenchHooks(Optional<ListExport> export, Optional<FileImport> fileImport) {

    /** Writes one list (the deal list: every deal, one row each) to an .xlsx (or .csv) file; returns the rows written. */
    @FunctionalInterface
    public interface ListExport {
        long exportDeals(AppContext ctx, Path xlsx) throws Exception;
    }

    /**
     * Imports the given file of call rows (the CSV written by {@link ImportBenchmark#writeCallsCsv}) in one
     * transaction and returns the rows imported; the benchmark rolls the data back afterwards by itself.
     */
    @FunctionalInterface
    public interface FileImport {
        long importCalls(AppContext ctx, Path csv) throws Exception;
    }

    /**
     * The list export is the window's and the CLI's own path (ExportService, as the administrator). The general
     * importer reads its own column layout, not the PBX file this benchmark writes, so the import is measured
     * through the PBX call import only.
     */
    public static BenchHooks defaults() {
        ListExport export = (ctx, xlsx) -> ctx.exports().export(
                new org.deskcrm.service.export.ExportTarget.Deals(org.deskcrm.model.deal.DealFilter.ALL), xlsx,
                ctx.users().findByLogin(org.deskcrm.service.settings.ReferenceDataService.ADMIN_LOGIN).orElseThrow().id(),
                java.util.Locale.ENGLISH, org.deskcrm.service.common.Progress.NONE).rows();
        return new BenchHooks(Optional.of(export), Optional.empty());
    }
}
