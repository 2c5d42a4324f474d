package org.deskcrm.service.imports;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.ImportCheck;
import org.deskcrm.model.io.ImportField;
import org.deskcrm.model.io.ImportPreview;
import org.deskcrm.model.io.ImportRejectedException;
import org.deskcrm.model.io.ImportResult;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTable;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.CallLogRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.imports.ImportWriteRepository;
import org.deskcrm.persistence.GoalRepository;
import org.deskcrm.persistence.imports.ReferenceWriteRepository;
import org.deskcrm.service.client.PhoneNormalizer;
import org.deskcrm.service.common.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The import of clients, contacts, deals, calls, sales, people, products and goals from .xlsx and .csv files, the same for the
 * window and the command line: read the file into a table, check every mapped cell and look names up
 * (the preview), then write everything in one transaction — the whole file lands or nothing does.
 * A file with any invalid cell is rejected with the full list ({@link ImportRejectedException});
 * a failure or a cancel while writing rolls back. A successful import writes one IMPORT event.
 */
public class ImportService {
    private final Database db;
    private final ImportLookupRepository lookup;
    private final ImportWriteRepository writes;
    private final CallLogRepository callLog;
    private final AuditRepository audit;
    private final PhoneNormalizer phones;
    private final Supplier<ZoneId> zone;
    private final java.util.function.Consumer<java.util.Collection<Long>> rescoreDeal;
    private final LongConsumer recomputeClient;
    private final Clock clock;
    private final SourceReader reader;
    private final ReferenceWriteRepository references;
    private final GoalRepository goals;

    /**
     * The plan of one file: its issues, the target's planner, the names that matched nothing, the names
     * it creates (or, checking, would create) and the file's number and date formats.
     */
    private record Plan(ImportTable table, List<CellIssue> issues, Planner planner, Map<RefKind, Set<String>> unmatched,
                        Map<RefKind, Set<String>> toCreate, CellFormats formats) {
    }

    /**
     * An import that writes this many rows refreshes the database's statistics of the tables it wrote: on
     * PostgreSQL the next import's lookups otherwise planned for the empty tables of before (a second file of
     * 20 000 clients took 62 s instead of 2 s: sequential scans against lists of a thousand keys).
     */
    static final int STATISTICS_AFTER = 1_000;

    public ImportService(Database db, ImportLookupRepository lookup, ImportWriteRepository writes,
                         ReferenceWriteRepository references, GoalRepository goals,
                         CallLogRepository callLog, AuditRepository audit, PhoneNormalizer phones,
                         Supplier<ZoneId> zone, java.util.function.Consumer<java.util.Collection<Long>> rescoreDeal,
                         LongConsumer recomputeClient, Clock clock) {
        this(db, lookup, writes, references, goals, callLog, audit, phones, zone, rescoreDeal, recomputeClient, clock,
                new SourceReader());
    }

    ImportService(Database db, ImportLookupRepository lookup, ImportWriteRepository writes,
                  ReferenceWriteRepository references, GoalRepository goals, CallLogRepository callLog,
                  AuditRepository audit, PhoneNormalizer phones, Supplier<ZoneId> zone,
                  java.util.function.Consumer<java.util.Collection<Long>> rescoreDeal,
                  LongConsumer recomputeClient, Clock clock, SourceReader reader) {
        this.db = db;
        this.lookup = lookup;
        this.writes = writes;
        this.references = references;
        this.goals = goals;
        this.callLog = callLog;
        this.audit = audit;
        this.phones = phones;
        this.zone = zone;
        this.rescoreDeal = rescoreDeal;
        this.recomputeClient = recomputeClient;
        this.clock = clock;
        this.reader = reader;
    }

    /** The bytes of a file (refusing one larger than {@link SourceReader#MAX_BYTES}). */
    public static byte[] readFile(Path file) {
        try {
            if (Files.size(file) > SourceReader.MAX_BYTES) {
                throw new AppException("imports.error.tooBig", SourceReader.MAX_BYTES / (1024 * 1024));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AppException("imports.error.read", e, String.valueOf(file.getFileName()));
        }
    }

    public List<String> sheets(byte[] bytes, String fileName) {
        return reader.sheets(bytes, fileName);
    }

    public ImportTable read(byte[] bytes, String fileName, ImportSettings settings) {
        return reader.read(bytes, fileName, settings);
    }

    /**
     * A mapping guessed from the headers: a header equal to a field's key (ignoring case, spaces,
     * underscores and dashes) or to one of its labels ({@code labels} gives a field's localized names).
     */
    public static Map<String, String> guessColumns(ImportTarget target, List<String> headers,
                                                   Function<String, List<String>> labels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ImportField f : target.fields()) {
            List<String> names = new ArrayList<>(labels.apply(f.key()));
            names.add(f.key());
            for (String h : headers) {
                if (names.stream().anyMatch(n -> squash(n).equals(squash(h))) && !m.containsValue(h)) {
                    m.put(f.key(), h);
                    break;
                }
            }
        }
        return m;
    }

    private static String squash(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[\\s_\\-.]", "");
    }

    /**
     * Whether a name of this kind that matches nothing can be created by the import (a person, team,
     * product, lead source or lost reason; never a stage, pipeline, client or fixed word): the value-mapping
     * step offers "create" for it.
     */
    public static boolean creatable(RefKind kind) {
        return References.creatable(kind) || kind == RefKind.LOST_REASON;
    }

    /** Known names of a kind for the value-mapping step (the fixed words' codes for word kinds). */
    public List<String> knownNames(RefKind kind) {
        List<String> codes = References.codes(kind);
        return codes.isEmpty() ? lookup.names(kind) : codes;
    }

    /** Everything the import would do, without writing. */
    public ImportPreview preview(ImportTable table, ImportTarget target, ImportSettings settings, Progress progress) {
        return check(table, target, settings, progress).preview();
    }

    /**
     * The preview with the ignored columns, the closest known names to each name that matched
     * nothing ({@link Suggestions}) and the names the import would create — without writing.
     */
    public ImportCheck check(ImportTable table, ImportTarget target, ImportSettings settings, Progress progress) {
        Plan p = plan(table, target, settings, progress, false);
        ImportPreview preview = new ImportPreview(table, p.issues(), p.planner().newCount(),
                p.planner().existingDuplicates(), p.planner().fileDuplicates(), p.unmatched(), p.formats().numbers(),
                p.formats().dates(), p.planner().warnings());
        Map<RefKind, Map<String, List<String>>> suggestions = new java.util.EnumMap<>(RefKind.class);
        p.unmatched().forEach((kind, names) -> {
            List<String> known = kind == RefKind.CLIENT ? List.of() : knownNames(kind);
            Map<String, List<String>> m = new LinkedHashMap<>();
            names.forEach(n -> m.put(n, Suggestions.closest(n, known)));
            suggestions.put(kind, m);
        });
        return new ImportCheck(preview, ignoredColumns(table, target, settings), suggestions, p.toCreate());
    }

    /** The file's columns that no field of the target takes (as the mapping, given or guessed, says). */
    public static List<String> ignoredColumns(ImportTable table, ImportTarget target, ImportSettings settings) {
        Set<String> used = new HashSet<>(mapping(table, target, settings).values());
        return table.headers().stream().filter(h -> !h.isBlank() && !used.contains(h)).toList();
    }

    /**
     * Imports the file in one transaction, or (dry run) checks it and counts what would happen.
     * Throws {@link ImportRejectedException} when a cell is invalid, an {@link AppException} when the
     * file cannot be read, the job is cancelled or the database refuses a row: nothing is written then.
     */
    public ImportResult run(byte[] bytes, String fileName, ImportTarget target, ImportSettings settings, boolean dryRun,
                            Long userId, Progress progress) {
        long started = System.nanoTime();
        progress.update("imports.progress.reading", 0, -1);
        ImportTable table = reader.read(bytes, fileName, settings, progress);
        if (table.rows().isEmpty()) {
            throw new AppException("imports.error.noRows");
        }
        try {
            return db.inTransaction(() -> {
                Plan p = plan(table, target, settings, progress, !dryRun);
                if (!p.issues().isEmpty()) {
                    throw new ImportRejectedException(p.issues());
                }
                Planner planner = p.planner();
                int rows = table.rows().size();
                if (dryRun) {
                    boolean merge = settings.duplicates() == org.deskcrm.model.io.DuplicateMode.MERGE;
                    int dup = planner.existingDuplicates() + planner.fileDuplicates();
                    return new ImportResult(target, fileName, rows, planner.newCount(),
                            merge && target != ImportTarget.CALLS ? dup : 0,
                            merge && target != ImportTarget.CALLS ? 0 : dup, true, millis(started));
                }
                Instant now = clock.instant();
                Planner.Written w = planner.write(userId, now, progress);
                Planner.checkCancel(progress);
                if (w.created() + w.merged() >= STATISTICS_AFTER) {
                    writes.refreshStatistics(target);
                }
                audit.append(List.of(AuditEvent.of(now, userId, AuditAction.IMPORT, target.code(), null)
                        .withDetails(String.format(Locale.ROOT, "file=%s; target=%s; rows=%d; created=%d; merged=%d;"
                                + " skipped=%d", fileName, target.code(), rows, w.created(), w.merged(), w.skipped()))));
                return new ImportResult(target, fileName, rows, w.created(), w.merged(), w.skipped(), false,
                        millis(started));
            });
        } catch (AppException e) {
            throw e;
        } catch (RuntimeException e) { // the database refused a row (a constraint, a lost connection)
            throw new AppException("imports.error.database", e, String.valueOf(rootMessage(e)));
        }
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private Plan plan(ImportTable table, ImportTarget target, ImportSettings settings, Progress progress,
                      boolean writing) {
        Map<String, Integer> columns = columns(table, target, settings);
        List<CellIssue> issues = new ArrayList<>();
        References refs = new References(lookup, settings, writing ? new MissingNames(references) : null);
        Integer clientColumn = columns.get("client");
        if (clientColumn != null) {
            Set<String> names = new HashSet<>();
            table.rows().forEach(r -> {
                if (!r.cell(clientColumn).isBlank()) {
                    names.add(r.cell(clientColumn));
                }
            });
            refs.preloadClients(names);
        }
        CellFormats formats = formats(table, target, columns, settings);
        RowCells cells = new RowCells(target, columns, table.headers(), refs, phones, zone.get(), issues, formats);
        cells.normalizePhonesOf(table.rows());
        Planner planner = planner(target, cells, settings, refs);
        int total = table.rows().size();
        int n = 0;
        for (ImportRow row : table.rows()) {
            if (row.cells().size() > table.headers().size()
                    && row.cells().subList(table.headers().size(), row.cells().size()).stream().anyMatch(c -> !c.isBlank())) {
                issues.add(CellIssue.of(row.number(), "", "imports.issue.extraCells", row.cells().size(),
                        table.headers().size()));
                continue;
            }
            planner.read(row);
            if (++n % 5_000 == 0) {
                Planner.checkCancel(progress);
                progress.update("imports.progress.checking", n, total);
            }
        }
        planner.matchExisting();
        return new Plan(table, issues, planner, refs.unmatched(), refs.toCreate(), formats);
    }

    /** The file's number and date formats: given by the settings, else decided from all its values. */
    private static CellFormats formats(ImportTable table, ImportTarget target, Map<String, Integer> columns,
                                       ImportSettings settings) {
        List<String> numbers = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        columns.forEach((field, c) -> {
            ImportField.Type type = target.field(field).type();
            List<String> into = type == ImportField.Type.DECIMAL || type == ImportField.Type.INTEGER ? numbers
                    : type == ImportField.Type.DATE || type == ImportField.Type.DATETIME ? dates : null;
            if (into != null) {
                table.rows().forEach(r -> {
                    if (!r.cell(c).isBlank()) {
                        into.add(r.cell(c));
                    }
                });
            }
        });
        return CellFormats.detect(numbers, dates, settings.numberStyle(), settings.dateStyle());
    }

    private Planner planner(ImportTarget target, RowCells cells, ImportSettings s, References refs) {
        return switch (target) {
            case CLIENTS -> new ClientPlanner(cells, s.duplicates(), lookup, writes);
            case CONTACTS -> new ContactPlanner(cells, s.duplicates(), lookup, writes);
            case DEALS -> new DealPlanner(cells, s.duplicates(), lookup, writes, refs, rescoreDeal);
            case CALLS -> new CallPlanner(cells, s.duplicates(), lookup, callLog);
            case SALES -> new SalePlanner(cells, s.duplicates(), lookup, writes, recomputeClient);
            case USERS -> new UserPlanner(cells, s.duplicates(), references);
            case PRODUCTS -> new ProductPlanner(cells, s.duplicates(), references);
            case GOALS -> new GoalPlanner(cells, s.duplicates(), goals);
            case DEAL_HISTORY -> new HistoryPlanner(cells, lookup, writes, refs);
        };
    }

    private static Map<String, String> mapping(ImportTable table, ImportTarget target, ImportSettings settings) {
        return settings.columns().isEmpty() ? guessColumns(target, table.headers(), k -> List.of()) : settings.columns();
    }

    /** Field → column index; every mapped header must exist and every required field be mapped. */
    private static Map<String, Integer> columns(ImportTable table, ImportTarget target, ImportSettings settings) {
        Map<String, String> mapping = mapping(table, target, settings);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (ImportField f : target.fields()) {
            String header = mapping.get(f.key());
            if (header == null || header.isBlank()) {
                if (f.required()) {
                    throw new AppException("imports.error.unmapped", f.key());
                }
                continue;
            }
            int c = table.columnOf(header);
            if (c < 0) {
                throw new AppException("imports.error.missingColumn", header);
            }
            columns.put(f.key(), c);
        }
        return columns;
    }
}
