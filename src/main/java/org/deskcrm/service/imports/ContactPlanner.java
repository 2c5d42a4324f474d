package org.deskcrm.service.imports;

import org.deskcrm.model.common.Texts;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportedContact;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.imports.ImportWriteRepository;
import org.deskcrm.service.common.Progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Contact persons of existing clients; a duplicate is a contact of the same client with the same name. */
final class ContactPlanner extends Planner {
    private final ImportLookupRepository lookup;
    private final ImportWriteRepository writes;
    private final List<ImportedContact> rows = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<Integer, Long> existingId = new HashMap<>();

    ContactPlanner(RowCells cells, DuplicateMode mode, ImportLookupRepository lookup, ImportWriteRepository writes) {
        super(cells, mode);
        this.lookup = lookup;
        this.writes = writes;
    }

    @Override
    void read(ImportRow row) {
        cells.start(row);
        Long client = cells.ref("client", null);
        String name = cells.text("fullName");
        String job = cells.text("jobTitle");
        String phone = cells.phone("phone");
        String email = cells.email("email");
        Boolean primary = cells.bool("primary");
        String notes = cells.text("notes");
        if (!cells.ok()) {
            return;
        }
        ImportedContact c = new ImportedContact(client, name, job, phone, cells.phoneNorm(phone), email,
                email == null ? null : Texts.lower(email), Boolean.TRUE.equals(primary), notes);
        String key = client + "|" + RefKind.key(name);
        Integer first = byKey.get(key);
        if (first != null) {
            inFile++;
            if (mode == DuplicateMode.MERGE) {
                ImportedContact a = rows.get(first);
                rows.set(first, new ImportedContact(a.clientId(), a.fullName(), or(a.jobTitle(), c.jobTitle()),
                        or(a.phoneRaw(), c.phoneRaw()), or(a.phoneNorm(), c.phoneNorm()), or(a.emailRaw(), c.emailRaw()),
                        or(a.emailNorm(), c.emailNorm()), a.primary() || c.primary(), or(a.notes(), c.notes())));
            }
            return;
        }
        byKey.put(key, rows.size());
        rows.add(c);
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    @Override
    void matchExisting() {
        HashSet<Long> clients = new HashSet<>();
        rows.forEach(c -> clients.add(c.clientId()));
        Map<Long, Map<String, Long>> known = clients.isEmpty() ? Map.of() : lookup.contactsOf(clients);
        for (int i = 0; i < rows.size(); i++) {
            Long id = known.getOrDefault(rows.get(i).clientId(), Map.of()).get(RefKind.key(rows.get(i).fullName()));
            if (id != null) {
                existingId.put(i, id);
            }
        }
        existing = existingId.size();
    }

    @Override
    int newCount() {
        return rows.size() - existingId.size();
    }

    @Override
    Written write(Long userId, Instant now, Progress progress) {
        List<ImportedContact> fresh = new ArrayList<>();
        int merged = 0;
        for (int i = 0; i < rows.size(); i++) {
            checkCancel(progress);
            Long id = existingId.get(i);
            if (id == null) {
                fresh.add(rows.get(i));
            } else if (mode == DuplicateMode.MERGE) {
                writes.mergeContact(id, rows.get(i));
                merged++;
            }
        }
        writes.insertContacts(fresh, now);
        progress.update("imports.progress.writing", rows.size(), rows.size());
        boolean merge = mode == DuplicateMode.MERGE;
        return new Written(fresh.size(), merged + (merge ? inFile : 0), merge ? 0 : inFile + existingId.size());
    }
}
