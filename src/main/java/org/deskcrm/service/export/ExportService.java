package org.deskcrm.service.export;

import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.UserRepository;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.report.ReportExport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Every export of the application, from the window and the command line alike: lists (streamed row by
 * row into .xlsx or .csv) and reports. Export is a right of its own ({@link User#canExport()}): a user
 * without it gets a localized refusal and nothing is written. The file is written to a temporary file
 * beside the target and moved into place only when complete, so a cancelled or failed export leaves no
 * partial file (and does not destroy an older file of the same name). Every finished export is written
 * to the event feed with what was exported, the filters and the row count.
 */
public class ExportService {
    /** Progress is reported every this many rows. */
    static final int PROGRESS_EVERY = 1_000;

    private final ListExports lists;
    private final UserRepository users;
    private final AuditRepository audit;
    private final Function<Locale, ReportExport> reportExporter;
    private final Clock clock;

    public ExportService(ListExports lists, UserRepository users, AuditRepository audit,
                         Function<Locale, ReportExport> reportExporter, Clock clock) {
        this.lists = lists;
        this.users = users;
        this.audit = audit;
        this.reportExporter = reportExporter;
        this.clock = clock;
    }

    /** True when the user may export (an active user with the export right). */
    public boolean canExport(long userId) {
        return users.findById(userId).map(u -> u.active() && u.canExport()).orElse(false);
    }

    /**
     * Exports a list or a report as the user; the format follows the file's extension (.xlsx or .csv).
     * A null user is the system actor of the command line (ADR 0014): every record, no right to check, and
     * the event feed records the export with no user.
     */
    public ExportResult export(ExportTarget target, Path file, Long userId, Locale locale, Progress progress) {
        ExportFormat format = ExportFormat.of(file);
        requireRight(userId);
        ExportTexts texts = new ExportTexts(locale);
        if (target instanceof ExportTarget.Report r) {
            Instant start = clock.instant();
            ReportExport writer = reportExporter.apply(locale);
            atomically(file, format, tmp -> {
                try {
                    writer.write(r.table(), tmp);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
            long rows = r.table().rows().size();
            List<String[]> filters = new java.util.ArrayList<>();
            filters.add(new String[] {texts.get("export.filter.report"), r.table().report()});
            filters.addAll(writer.filterLines(r.table()));
            record(userId, "report", format, file, rows, filters, texts);
            return new ExportResult(file, rows, Duration.between(start, clock.instant()));
        }
        AccessScope scope = userId == null ? AccessScope.all() : users.findById(userId).map(AccessScope::of)
                .orElseThrow(() -> new AppException("export.error.forbidden", "#" + userId));
        return write(lists.of(target, texts, scope), file, format, userId, progress, texts);
    }

    /** Exports a prepared list as the user (the entry point of tests and of callers with their own rows). */
    public <T> ExportResult export(ListExport<T> list, Path file, Long userId, Progress progress) {
        ExportFormat format = ExportFormat.of(file);
        requireRight(userId);
        return write(list, file, format, userId, progress, new ExportTexts(list.locale()));
    }

    private <T> ExportResult write(ListExport<T> list, Path file, ExportFormat format, Long userId, Progress progress,
                                   ExportTexts texts) {
        Instant start = clock.instant();
        long rows = atomically(file, format, tmp -> writeRows(list, tmp, format, progress));
        record(userId, list.entity(), format, file, rows, list.filters(), texts);
        return new ExportResult(file, rows, Duration.between(start, clock.instant()));
    }

    /**
     * Writes the list into {@code file} (no right check, no audit, not atomic): the streaming core, also
     * used by the benchmark. Throws {@link CancellationException} when the progress asks to stop.
     */
    static <T> long writeRows(ListExport<T> list, Path file, ExportFormat format, Progress progress) {
        try (TableWriter w = format == ExportFormat.XLSX
                ? new XlsxTableWriter(file, list.locale(), list.title())
                : new CsvTableWriter(file, list.locale())) {
            w.start(list.title(), list.filters(), list.columns());
            List<ExportColumn<T>> cols = list.columns();
            long[] done = {0};
            long total = list.expectedRows();
            progress.update("export.progress", 0, total);
            Object[] values = new Object[cols.size()];
            list.rows().forEach(row -> {
                if (progress.isCancelled()) {
                    throw new CancellationException("export cancelled");
                }
                for (int c = 0; c < values.length; c++) {
                    values[c] = cols.get(c).value().apply(row);
                }
                try {
                    w.row(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++done[0] % PROGRESS_EVERY == 0) {
                    progress.update("export.progress", done[0], Math.max(total, done[0]));
                }
            });
            if (progress.isCancelled()) {
                throw new CancellationException("export cancelled");
            }
            w.finish();
            progress.update("export.progress", done[0], done[0]);
            return done[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code work} on a temporary file beside {@code file} and moves it into place on success only. */
    private static <R> R atomically(Path file, ExportFormat format, Function<Path, R> work) {
        Path target = file.toAbsolutePath();
        Path tmp;
        try {
            tmp = Files.createTempFile(target.getParent(), ".deskcrm-export-", "." + format.extension());
        } catch (IOException e) {
            throw new AppException("export.error.write", e, target.toString(), String.valueOf(e.getMessage()));
        }
        boolean done = false;
        try {
            R result = work.apply(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            return result;
        } catch (IOException | UncheckedIOException e) {
            throw new AppException("export.error.write", e, target.toString(), String.valueOf(e.getMessage()));
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a hidden temporary file is all that can remain
                }
            }
        }
    }

    private void requireRight(Long userId) {
        if (userId == null) {
            return; // the system actor
        }
        User u = users.findById(userId).orElseThrow(() -> new AppException("export.error.forbidden", "#" + userId));
        if (!u.active() || !u.canExport()) {
            throw new AppException("export.error.forbidden", u.fullName());
        }
    }

    private void record(Long userId, String entity, ExportFormat format, Path file, long rows, List<String[]> filters,
                        ExportTexts texts) {
        StringBuilder details = new StringBuilder(texts.format("export.audit.details", entity,
                format.extension(), file.getFileName().toString(), rows));
        for (String[] f : filters) {
            details.append("; ").append(f[0]).append(": ").append(f[1]);
        }
        audit.append(List.of(AuditEvent.of(clock.instant(), userId, AuditAction.EXPORT, entity, null)
                .withDetails(details.toString())));
    }
}
