package org.deskcrm.service.imports;

import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.persistence.CallLogRepository;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.service.common.Progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls into the call log, matched to cards by normalized phone. Each call carries a key made of its
 * start, number and direction, so a call already in the log (or repeated in the file) is a
 * duplicate and never lands twice; a call is history, so "merge" leaves the logged call as it is too.
 * Missed-call control is not opened for imported history (that is the PBX import's job, live).
 */
final class CallPlanner extends Planner {
    private final ImportLookupRepository lookup;
    private final CallLogRepository log;
    private final List<Call> rows = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private Set<String> known = Set.of();

    CallPlanner(RowCells cells, DuplicateMode mode, ImportLookupRepository lookup, CallLogRepository log) {
        super(cells, mode);
        this.lookup = lookup;
        this.log = log;
    }

    @Override
    void read(ImportRow row) {
        cells.start(row);
        Instant started = cells.instant("startedAt");
        String direction = cells.code("direction");
        String status = cells.code("status");
        String phone = cells.phone("phone");
        Integer duration = cells.integer("durationSec");
        Long owner = cells.ref("owner", null);
        String note = cells.text("note");
        String recording = cells.text("recordingUrl");
        if (!cells.ok()) {
            return;
        }
        String norm = cells.phoneNorm(phone);
        String key = key(started, norm, direction);
        if (!keys.add(key)) {
            inFile++;
            return;
        }
        rows.add(new Call(null, CallDirection.ofCode(direction), CallStatus.ofCode(status), started,
                duration == null ? 0 : duration, phone, norm, null, null, owner, note, recording, key));
    }

    static String key(Instant started, String phoneNorm, String direction) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((started + "|" + phoneNorm + "|" + direction).getBytes(StandardCharsets.UTF_8));
            return "import:" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void matchExisting() {
        known = rows.isEmpty() ? Set.of() : lookup.existingCallKeys(keys);
        existing = known.size();
    }

    @Override
    int newCount() {
        return rows.size() - known.size();
    }

    @Override
    Written write(Long userId, Instant now, Progress progress) {
        Set<String> phones = new HashSet<>();
        rows.forEach(c -> phones.add(c.phoneNorm()));
        Map<String, ImportLookupRepository.PhoneOwner> owners = lookup.phoneOwners(phones);
        List<Call> fresh = new ArrayList<>();
        for (Call c : rows) {
            if (known.contains(c.externalKey())) {
                continue;
            }
            ImportLookupRepository.PhoneOwner o = owners.get(c.phoneNorm());
            fresh.add(o == null ? c : new Call(null, c.direction(), c.status(), c.startedAt(), c.durationSec(),
                    c.phoneRaw(), c.phoneNorm(), o.clientId(), o.contactId(), c.userId(), c.resultNote(),
                    c.recordingUrl(), c.externalKey()));
        }
        int step = 5_000;
        for (int from = 0; from < fresh.size(); from += step) {
            checkCancel(progress);
            log.insertBatch(fresh.subList(from, Math.min(fresh.size(), from + step)));
            progress.update("imports.progress.writing", Math.min(fresh.size(), from + step), fresh.size());
        }
        return new Written(fresh.size(), 0, inFile + known.size());
    }
}
