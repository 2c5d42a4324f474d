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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            Map<String, Optional<CallLogRepository.PhoneMatch>> matches = new HashMap<>();
            Map<String, Boolean> listed = new HashMap<>();
            java.time.Duration window = missedCalls.window();
            Set<String> known = log.existingKeys(preview.rows().stream().map(r -> r.call().externalKey()).toList());
            Set<String> touched = new HashSet<>();
            List<Call> batch = new ArrayList<>();
            List<Miss> misses = new ArrayList<>();
            int added = 0;
            int duplicates = 0;
            int matched = 0;
            int unknown = 0;
            int opened = 0;
            int total = preview.rows().size();
            for (int i = 0; i < total; i++) {
                if (progress.isCancelled()) {
                    throw new AppException("call.import.cancelled");
                }
                Call c = preview.rows().get(i).call();
                if (!known.add(c.externalKey())) {
                    duplicates++; // imported before, or twice in this file
                    continue;
                }
                Optional<CallLogRepository.PhoneMatch> m = matches.computeIfAbsent(c.phoneNorm(), log::match);
                Call linked = m.map(pm -> withClient(c, pm.clientId(), pm.contactId())).orElse(c);
                added++;
                touched.add(c.phoneNorm());
                if (m.isPresent()) {
                    matched++;
                } else if (c.direction() != CallDirection.INTERNAL) {
                    unknown++;
                }
                batch.add(linked);
                if (MissedCallService.isMiss(c)
                        && !listed.computeIfAbsent(c.phoneNorm(), p -> log.listOf(p).isPresent())) {
                    Long manager = m.map(CallLogRepository.PhoneMatch::ownerId).orElse(c.userId());
                    misses.add(new Miss(linked, manager));
                }
                if (i % 500 == 0 || i == total - 1) {
                    progress.update("call.import.progress", i + 1, total);
                }
            }
            log.insertBatch(batch);
            // the misses went in with the batch; put them under control with the ids they got
            Map<String, Long> ids = log.idsByKey(misses.stream().map(x -> x.call().externalKey()).toList());
            for (Miss x : misses) {
                Long id = ids.get(x.call().externalKey());
                if (id == null) {
                    throw new AppException("call.error.duplicate");
                }
                MissedCallService.Registered reg = missedCalls.register(CallService.withId(x.call(), id),
                        x.managerId(), null, window);
                opened += reg.opened() ? 1 : 0;
                pending.addAll(reg.notices());
            }
            int returned = missedCalls.reconcile(touched);
            if (added > 0) {
                audit.append(List.of(AuditEvent.of(now, userId, AuditAction.IMPORT, "call", null)
                        .withDetails(format.name() + ": " + added + " added, " + duplicates + " already imported")));
            }
            return new CallImportResult(total, added, duplicates, matched, unknown, opened, returned);
        });
        missedCalls.publish(missedCalls.stillOpen(pending));
        return result;
    }

    /** A missed call of the file and the manager to tell. */
    private record Miss(Call call, Long managerId) {
    }

    private static Call withClient(Call c, long clientId, Long contactId) {
        return new Call(c.id(), c.direction(), c.status(), c.startedAt(), c.durationSec(), c.phoneRaw(), c.phoneNorm(),
                clientId, contactId, c.userId(), c.resultNote(), c.recordingUrl(), c.externalKey());
    }
}
