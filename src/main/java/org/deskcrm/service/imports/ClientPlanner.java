package org.deskcrm.service.imports;

import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportedClient;
import org.deskcrm.persistence.ImportLookupRepository;
import org.deskcrm.persistence.ImportWriteRepository;
import org.deskcrm.service.common.Progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Clients. A duplicate is a card (or an earlier row) with the same INN, the same normalized phone or
 * the same email. A repeat within the file is folded into its first row (merge: the first row's empty
 * fields take the repeat's values) or dropped (skip); a match with an existing card fills that card's
 * empty fields (merge) or is dropped (skip).
 */
final class ClientPlanner extends Planner {
    private final ImportLookupRepository lookup;
    private final ImportWriteRepository writes;
    private final List<ImportedClient> rows = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<Integer, Long> existingId = new HashMap<>();

    ClientPlanner(RowCells cells, DuplicateMode mode, ImportLookupRepository lookup, ImportWriteRepository writes) {
        super(cells, mode);
        this.lookup = lookup;
        this.writes = writes;
    }

    @Override
    void read(ImportRow row) {
        cells.start(row);
        String kindCode = cells.code("kind");
        String name = cells.text("name");
        String legalName = cells.text("legalName");
        String inn = cells.inn("inn");
        String kpp = cells.kpp("kpp");
        String address = cells.text("address");
        String region = cells.text("region");
        String industry = cells.text("industry");
        String website = cells.website("website");
        Long source = cells.ref("source", null);
        Long owner = cells.ref("owner", null);
        String phone = cells.phone("phone");
        String email = cells.email("email");
        String notes = cells.text("notes");
        ClientKind kind = kindCode != null ? ClientKind.ofCode(kindCode) : ClientKind.COMPANY;
        if (inn != null && kind == ClientKind.PERSON && inn.length() != 12) {
            cells.issue("inn", "imports.issue.innPerson", inn);
        }
        if (kpp != null && (kind != ClientKind.COMPANY || (inn != null && inn.length() == 12))) {
            cells.issue("kpp", "imports.issue.kppCompany", kpp);
        }
        if (!cells.ok()) {
            return;
        }
        ImportedClient c = new ImportedClient(kind, name, legalName, inn, kpp, address, region, industry, website,
                source, owner, notes, phone, cells.phoneNorm(phone), email, email == null ? null : Texts.lower(email));
        Integer first = firstMatch(c);
        if (first != null) {
            inFile++;
            if (mode == DuplicateMode.MERGE) {
                rows.set(first, fill(rows.get(first), c));
                remember(rows.get(first), first);
            }
            return;
        }
        rows.add(c);
        remember(c, rows.size() - 1);
    }

    private Integer firstMatch(ImportedClient c) {
        for (String k : keys(c)) {
            Integer i = byKey.get(k);
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    private void remember(ImportedClient c, int index) {
        for (String k : keys(c)) {
            byKey.putIfAbsent(k, index);
        }
    }

    private static List<String> keys(ImportedClient c) {
        List<String> keys = new ArrayList<>(3);
        if (c.inn() != null) {
            keys.add("inn:" + c.inn());
        }
        if (c.phoneNorm() != null) {
            keys.add("ch:" + c.phoneNorm());
        }
        if (c.emailNorm() != null) {
            keys.add("ch:" + c.emailNorm());
        }
        return keys;
    }

    /** The first record with its empty fields taken from the second. */
    static ImportedClient fill(ImportedClient a, ImportedClient b) {
        return new ImportedClient(a.kind(), a.name(), or(a.legalName(), b.legalName()), or(a.inn(), b.inn()),
                or(a.kpp(), b.kpp()), or(a.address(), b.address()), or(a.region(), b.region()),
                or(a.industry(), b.industry()), or(a.website(), b.website()), or(a.sourceId(), b.sourceId()),
                or(a.ownerId(), b.ownerId()), or(a.notes(), b.notes()), or(a.phoneRaw(), b.phoneRaw()),
                or(a.phoneNorm(), b.phoneNorm()), or(a.emailRaw(), b.emailRaw()), or(a.emailNorm(), b.emailNorm()));
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    @Override
    void matchExisting() {
        List<String> inns = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (ImportedClient c : rows) {
            if (c.inn() != null) {
                inns.add(c.inn());
            }
            if (c.phoneNorm() != null) {
                channels.add(c.phoneNorm());
            }
            if (c.emailNorm() != null) {
                channels.add(c.emailNorm());
            }
        }
        Map<String, Set<Long>> byInn = inns.isEmpty() ? Map.of() : lookup.clientsByInn(inns);
        Map<String, Set<Long>> byChannel = channels.isEmpty() ? Map.of() : lookup.clientsByChannel(channels);
        if (byInn.isEmpty() && byChannel.isEmpty()) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            ImportedClient c = rows.get(i);
            Long id = first(byInn, c.inn());
            id = id != null ? id : first(byChannel, c.phoneNorm());
            id = id != null ? id : first(byChannel, c.emailNorm());
            if (id != null) {
                existingId.put(i, id);
            }
        }
        existing = existingId.size();
    }

    private static Long first(Map<String, Set<Long>> found, String key) {
        Set<Long> ids = key == null ? null : found.get(key);
        return ids == null || ids.isEmpty() ? null : ids.stream().min(Long::compare).orElseThrow();
    }

    @Override
    int newCount() {
        return rows.size() - existingId.size();
    }

    @Override
    Written write(Long userId, Instant now, Progress progress) {
        List<ImportedClient> fresh = new ArrayList<>(rows.size());
        int merged = 0;
        for (int i = 0; i < rows.size(); i++) {
            Long id = existingId.get(i);
            if (id == null) {
                fresh.add(rows.get(i));
            } else if (mode == DuplicateMode.MERGE) {
                checkCancel(progress);
                writes.mergeClient(id, rows.get(i), now);
                merged++;
            }
        }
        int step = 10_000;
        for (int from = 0; from < fresh.size(); from += step) {
            checkCancel(progress);
            writes.insertClients(fresh.subList(from, Math.min(fresh.size(), from + step)), userId, now);
            progress.update("imports.progress.writing", Math.min(fresh.size(), from + step), fresh.size());
        }
        boolean merge = mode == DuplicateMode.MERGE;
        return new Written(fresh.size(), merged + (merge ? inFile : 0), merge ? 0 : inFile + existingId.size());
    }
}
