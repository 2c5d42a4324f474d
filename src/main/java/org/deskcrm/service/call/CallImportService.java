package org.deskcrm.service.call;

import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.notify.Notification;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.CallLogRepository;
import org.deskcrm.persistence.CallRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.SettingsRepository;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Imports a PBX call-detail file (Asterisk Master.csv, or any CSV through a column mapping) into the
 * call log in one transaction: either every row lands or nothing does. Re-importing a file adds
 * nothing: every row carries a key (Asterisk uniqueid, the file's id column, or a hash of the row)
 * and a known key is skipped. Numbers are matched to cards by their normalized form; misses are put
 * under control and closed by the callbacks found in the file or already in the log.
 */
public class CallImportService {
    public static final String INTERNAL_PATTERN_SETTING = "calls.internal_extension_pattern";
    public static final String PBX_ZONE_SETTING = "calls.pbx_time_zone";

    private final Database db;
    private final CallRepository calls;
    private final CallLogRepository log;
    private final MissedCallService missedCalls;
    private final SettingsRepository settings;
    private final AuditRepository audit;
    private final PhoneNormalizer phones;
    private final Clock clock;

    public CallImportService(Database db, CallRepository calls, CallLogRepository log, MissedCallService missedCalls,
                             SettingsRepository settings, AuditRepository audit, PhoneNormalizer phones,
                             Clock clock) {
        this.db = db;
        this.calls = calls;
        this.log = log;
        this.missedCalls = missedCalls;
        this.settings = settings;
        this.audit = audit;
        this.phones = phones;
        this.clock = clock;
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AppException("call.import.error.read", e, file.getFileName().toString());
        }
    }

    /** The time zone the PBX writes its local times in: calls.pbx_time_zone, else business.time_zone. */
    public ZoneId pbxZone() {
        return settings.get(PBX_ZONE_SETTING).map(SettingsRepository::businessZone)
                .orElseGet(settings::businessZone);
    }

    private Pattern internalPattern() {
        String p = settings.get(INTERNAL_PATTERN_SETTING).orElse(CdrInterpreter.DEFAULT_INTERNAL_PATTERN);
        try {
            return Pattern.compile(p.strip());
        } catch (PatternSyntaxException e) {
            return Pattern.compile(CdrInterpreter.DEFAULT_INTERNAL_PATTERN);
        }
    }

    /** The header names of a generic CSV (its first row), for the mapping editor. */
    public List<String> headers(byte[] data) {
        String text = CsvText.decode(data);
        return MappedCsvParser.headers(CsvText.parse(text, CsvText.detectSeparator(text)));
    }

    /** Reads the file without writing anything: the calls it holds and every unusable line. */
    public CallImportPreview preview(byte[] data, CallImportFormat format, CallCsvMapping mapping) {
        String text = CsvText.decode(data);
        List<CsvText.CsvRecord> records = CsvText.parse(text, CsvText.detectSeparator(text));
        ParsedFile parsed = format == CallImportFormat.ASTERISK
                ? AsteriskCdrParser.parse(records, pbxZone())
                : MappedCsvParser.parse(records, mapping == null ? CallCsvMapping.empty() : mapping, pbxZone());
        CdrInterpreter interpreter = new CdrInterpreter(phones, internalPattern(), log.usersByExtension());
        List<CallImportPreview.Row> rows = new ArrayList<>();
        List<ImportIssue> issues = new ArrayList<>(parsed.issues);
        for (CdrRecord r : parsed.records) {
            CdrInterpreter.Result res = interpreter.interpret(r);
            if (res.issue() != null) {
                issues.add(res.issue());
            } else {
                rows.add(new CallImportPreview.Row(r.line(), res.call()));
            }
        }
        issues.sort((a, b) -> Integer.compare(a.line(), b.line()));
        List<String> headers = format == CallImportFormat.CSV ? MappedCsvParser.headers(records) : List.of();
        return new CallImportPreview(rows, issues, headers);
    }

    /**
     * Imports the file in one transaction. Throws {@link CallImportException} (nothing written) when
     * any line is unusable, and rolls back when the job is cancelled.
     */
    public CallImportResult importCalls(byte[] data, CallImportFormat format, CallCsvMapping mapping, Long userId,
                                        Progress progress) {
        CallImportPreview preview = preview(data, format, mapping);
        if (!preview.issues().isEmpty()) {
            throw new CallImportException(preview.issues());
        }
        Instant now = clock.instant();
        List<Notification> pending = new ArrayList<>();
        CallImportResult result = db.inTransaction(() -> {
            java.time.Duration window = missedCalls.window();
            List<Call> fresh = new ArrayList<>();
            int duplicates = 0;
            Set<String> known = log.existingKeys(preview.rows().stream().map(r -> r.call().externalKey()).toList());
            for (CallImportPreview.Row row : preview.rows()) {
                if (known.add(row.call().externalKey())) {
                    fresh.add(row.call());
                } else {
                    duplicates++; // imported before, or twice in this file
                }
            }
            // one look-up per chunk of numbers, not one per row
            Set<String> touched = new HashSet<>();
            Set<String> missed = new HashSet<>();
            for (Call c : fresh) {
                touched.add(c.phoneNorm());
                if (MissedCallService.isMiss(c)) {
                    missed.add(c.phoneNorm());
                }
            }
            Map<String, CallLogRepository.PhoneMatch> matches = log.matchAll(touched);
            Set<String> listed = log.listed(missed);
            List<Call> batch = new ArrayList<>(fresh.size());
            List<Integer> missAt = new ArrayList<>(); // the misses to put under control: index in batch
            List<Long> missManager = new ArrayList<>(); // and the manager to tell
            int matched = 0;
            int unknown = 0;
            int total = preview.rows().size();
            for (int i = 0; i < fresh.size(); i++) {
                if (progress.isCancelled()) {
                    throw new AppException("call.import.cancelled");
                }
                Call c = fresh.get(i);
                CallLogRepository.PhoneMatch m = matches.get(c.phoneNorm());
                batch.add(m == null ? c : withClient(c, m.clientId(), m.contactId()));
                if (m != null) {
                    matched++;
                } else if (c.direction() != CallDirection.INTERNAL) {
                    unknown++;
                }
                // a miss from a listed number (spam, job seekers...) is logged but not put under control
                if (MissedCallService.isMiss(c) && !listed.contains(c.phoneNorm())) {
                    missAt.add(i);
                    missManager.add(m != null ? m.ownerId() : c.userId());
                }
                if (i % 500 == 0 || i == fresh.size() - 1) {
                    progress.update("call.import.progress", duplicates + i + 1, total);
                }
            }
            long[] ids = log.insertBatch(batch);
            List<MissedCallService.Saved> misses = new ArrayList<>();
            for (int k = 0; k < missAt.size(); k++) {
                int i = missAt.get(k);
                misses.add(new MissedCallService.Saved(CallService.withId(batch.get(i), ids[i]), missManager.get(k)));
            }
            MissedCallService.RegisteredAll reg = missedCalls.registerAll(misses, window);
            pending.addAll(reg.notices());
            int returned = missedCalls.reconcile(touched);
            int added = fresh.size();
            if (added > 0) {
                audit.append(List.of(AuditEvent.of(now, userId, AuditAction.IMPORT, "call", null)
                        .withDetails(format.name() + ": " + added + " added, " + duplicates + " already imported")));
            }
            return new CallImportResult(total, added, duplicates, matched, unknown, reg.opened(), returned);
        });
        missedCalls.publish(missedCalls.stillOpen(pending));
        return result;
    }

    private static Call withClient(Call c, long clientId, Long contactId) {
        return new Call(c.id(), c.direction(), c.status(), c.startedAt(), c.durationSec(), c.phoneRaw(), c.phoneNorm(),
                clientId, contactId, c.userId(), c.resultNote(), c.recordingUrl(), c.externalKey());
    }
}
