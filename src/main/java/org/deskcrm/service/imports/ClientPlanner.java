package org.deskcrm.service.imports;

import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportedClient;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.imports.ImportWriteRepository;
import org.deskcrm.service.common.Progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Clients. A duplicate is a card (or an earlier row) with the same source key ({@code externalId}),
 * INN, normalized phone or email, or — for a company — the same name as {@link ClientNames} compares
 * names (case, spaces, punctuation and legal form ignored) when INN, region, website and source key
 * do not tell them apart. A repeat within the file is folded into its first row (merge: the first row's empty
 * fields take the repeat's values) or dropped (skip); a match with an existing card fills that card's
 * empty fields (merge) or is dropped (skip).
 */
final class ClientPlanner extends Planner {
    private final ImportLookupRepository lookup;
    private final ImportWriteRepository writes;
    private final List<ImportedClient> rows = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<Integer, Long> existingId = new HashMap<>();
    private final Map<String, List<Integer>> byName = new HashMap<>();

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
        String externalId = cells.text("externalId");
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
                source, owner, notes, phone, cells.phoneNorm(phone), email, email == null ? null : Texts.lower(email),
                externalId);
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
        if (c.kind() == ClientKind.COMPANY) {
            for (int i : byName.getOrDefault(ClientNames.key(c.name()), List.of())) {
                if (ClientNames.sameCompany(identity(c), identity(rows.get(i)))) {
                    return i;
                }
            }
        }
        return null;
    }

    private void remember(ImportedClient c, int index) {
        for (String k : keys(c)) {
            byKey.putIfAbsent(k, index);
        }
        if (c.kind() == ClientKind.COMPANY) {
            List<Integer> same = byName.computeIfAbsent(ClientNames.key(c.name()), k -> new ArrayList<>());
            if (!same.contains(index)) {
                same.add(index);
            }
        }
    }

    private static ClientNames.Identity identity(ImportedClient c) {
        return new ClientNames.Identity(c.name(), c.inn(), c.region(), c.website(), c.externalId());
    }

    private static List<String> keys(ImportedClient c) {
        List<String> keys = new ArrayList<>(4);
        if (c.externalId() != null) {
            keys.add("ext:" + c.externalId());
        }
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
                or(a.phoneNorm(), b.phoneNorm()), or(a.emailRaw(), b.emailRaw()), or(a.emailNorm(), b.emailNorm()),
                or(a.externalId(), b.externalId()));
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    @Override
    void matchExisting() {
        List<String> inns = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        for (ImportedClient c : rows) {
            if (c.externalId() != null) {
                externalIds.add(c.externalId());
            }
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
        Map<String, Set<Long>> byExternal = externalIds.isEmpty() ? Map.of() : lookup.clientsByExternalId(externalIds);
        List<Integer> byName = new ArrayList<>();
        boolean everyInn = true;
        for (int i = 0; i < rows.size(); i++) {
            ImportedClient c = rows.get(i);
            Long id = first(byExternal, c.externalId());
            id = id != null ? id : first(byInn, c.inn());
            id = id != null ? id : first(byChannel, c.phoneNorm());
            id = id != null ? id : first(byChannel, c.emailNorm());
            if (id != null) {
                existingId.put(i, id);
            } else if (c.kind() == ClientKind.COMPANY) {
                byName.add(i);
                everyInn &= c.inn() != null;
            }
        }
        if (!byName.isEmpty()) {
            Map<String, List<ImportLookupRepository.ClientIdentity>> named = namesOfCards(everyInn);
            for (int i : byName) {
                Long id = sameName(named, rows.get(i));
                if (id != null) {
                    existingId.put(i, id);
                }
            }
        }
        existing = existingId.size();
    }

    /**
     * The cards by name key (companies are told apart by name when nothing else is known). When every row still
     * unmatched has an INN, only the cards without one can be its company ({@link ClientNames#sameCompany}: a card
     * with another INN is another company, one with the same INN was found by it already), so only those are read.
     */
    private Map<String, List<ImportLookupRepository.ClientIdentity>> namesOfCards(boolean onlyWithoutInn) {
        Map<String, List<ImportLookupRepository.ClientIdentity>> m = new HashMap<>();
        for (ImportLookupRepository.ClientIdentity c : lookup.clientIdentities(onlyWithoutInn)) {
            m.computeIfAbsent(ClientNames.key(c.name()), k -> new ArrayList<>()).add(c);
        }
        return m;
    }

    private static Long sameName(Map<String, List<ImportLookupRepository.ClientIdentity>> named, ImportedClient c) {
        for (ImportLookupRepository.ClientIdentity card : named.getOrDefault(ClientNames.key(c.name()), List.of())) {
            if (ClientNames.sameCompany(identity(c), new ClientNames.Identity(card.name(), card.inn(), card.region(),
                    card.website(), card.externalId()))) {
                return card.id();
            }
        }
        return null;
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
