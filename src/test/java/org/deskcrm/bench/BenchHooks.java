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
     * Imports a clients file (the CSV written by {@link ImportBenchmark#writeClientsCsv}: name, INN, phone,
     * email, region) through the general importer in one transaction and returns the clients created; the
     * benchmark deletes them afterwards by itself.
     */
    @FunctionalInterface
    public interface FileImport {
        long importClients(AppContext ctx, Path csv) throws Exception;
    }

    /**
     * The list export is the window's and the CLI's own path (ExportService, as the administrator); the file
     * import is the path of the window's import wizard and of {@code import clients FILE.csv} (ImportService
     * with the columns guessed from the headers and the default settings, as the administrator).
     */
    public static BenchHooks defaults() {
        ListExport export = (ctx, xlsx) -> ctx.exports().export(
                new org.deskcrm.service.export.ExportTarget.Deals(org.deskcrm.model.deal.DealFilter.ALL), xlsx,
                admin(ctx), java.util.Locale.ENGLISH, org.deskcrm.service.common.Progress.NONE).rows();
        FileImport clients = (ctx, csv) -> ctx.imports().service().run(
                org.deskcrm.service.imports.ImportService.readFile(csv), csv.getFileName().toString(),
                org.deskcrm.model.io.ImportTarget.CLIENTS, org.deskcrm.model.io.ImportSettings.defaults(), false,
                admin(ctx), org.deskcrm.service.common.Progress.NONE).created();
        return new BenchHooks(Optional.of(export), Optional.of(clients));
    }

    private static long admin(AppContext ctx) {
        return ctx.users().findByLogin(org.deskcrm.service.settings.ReferenceDataService.ADMIN_LOGIN).orElseThrow().id();
    }
}
