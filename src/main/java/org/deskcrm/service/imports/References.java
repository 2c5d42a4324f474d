package org.deskcrm.service.imports;

import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.persistence.ImportLookupRepository;
import org.deskcrm.persistence.ImportLookupRepository.StageRef;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Looks the names of a file up: first through the profile's value mapping (a file's name → a known
 * name), then among the stored records (or the fixed words of a kind). A name that matches nothing is
 * remembered per kind for the value-mapping step; a name that matches several records is ambiguous.
 * Clients are looked up by name key or, when the cell holds 10 or 12 digits, by INN.
 */
final class References {
    /** A looked-up name: the record's id (or a fixed word's code), or why it failed (a message key). */
    record Found(Long id, String code, String problem) {
        static Found of(long id) {
            return new Found(id, null, null);
        }

        static Found code(String code) {
            return new Found(null, code, null);
        }

        static Found problem(String key) {
            return new Found(null, null, key);
        }

        boolean ok() {
            return problem == null;
        }
    }

    static final Map<RefKind, Map<String, String>> WORDS = new EnumMap<>(RefKind.class);

    static {
        WORDS.put(RefKind.CLIENT_KIND, words(
                "company", "company", "компания", "company", "организация", "company", "юл", "company",
                "юр. лицо", "company", "юрлицо", "company", "organization", "company",
                "person", "person", "физлицо", "person", "физ. лицо", "person", "частное лицо", "person",
                "individual", "person", "фл", "person"));
        WORDS.put(RefKind.CALL_DIRECTION, words(
                "in", "in", "incoming", "in", "inbound", "in", "входящий", "in", "вход", "in", "входящие", "in",
                "out", "out", "outgoing", "out", "outbound", "out", "исходящий", "out", "исход", "out",
                "исходящие", "out", "internal", "internal", "внутренний", "internal"));
        WORDS.put(RefKind.CALL_STATUS, words(
                "answered", "answered", "отвечен", "answered", "принят", "answered", "успешный", "answered",
                "missed", "missed", "пропущен", "missed", "пропущенный", "missed",
                "no_answer", "no_answer", "no answer", "no_answer", "не отвечен", "no_answer",
                "нет ответа", "no_answer", "busy", "busy", "занято", "busy", "failed", "failed", "ошибка", "failed"));
    }

    private final ImportLookupRepository repo;
    private final ImportSettings settings;
    private final Map<RefKind, Map<String, Set<Long>>> names = new EnumMap<>(RefKind.class);
    private final Map<RefKind, Set<String>> unmatched = new EnumMap<>(RefKind.class);
    private List<StageRef> stages;
    private final Map<String, Set<Long>> clientsByKey = new HashMap<>();
    private final Map<String, Set<Long>> clientsByInn = new HashMap<>();

    References(ImportLookupRepository repo, ImportSettings settings) {
        this.repo = repo;
        this.settings = settings;
    }

    private static Map<String, String> words(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(RefKind.key(pairs[i]), pairs[i + 1]);
        }
        return Map.copyOf(m);
    }

    /** The codes a fixed-word kind accepts (for the value-mapping choices). */
    static List<String> codes(RefKind kind) {
        return switch (kind) {
            case CLIENT_KIND -> List.of(ClientKind.COMPANY.code(), ClientKind.PERSON.code());
            case CALL_DIRECTION -> List.of("in", "out", "internal");
            case CALL_STATUS -> List.of("answered", "missed", "no_answer", "busy", "failed");
            default -> List.of();
        };
    }

    /** Loads the clients the file names (one query per 500 names) before rows are read. */
    void preloadClients(Collection<String> raw) {
        Set<String> keys = new HashSet<>();
        Set<String> inns = new HashSet<>();
        for (String r : raw) {
            String name = effective(RefKind.CLIENT, r);
            if (name.matches("\\d{10}|\\d{12}")) {
                inns.add(name);
            } else if (!name.isBlank()) {
                keys.add(Texts.searchKey(name));
            }
        }
        clientsByKey.putAll(repo.clientsByNameKey(keys));
        clientsByInn.putAll(repo.clientsByInn(inns));
    }

    /** Looks a non-blank cell up; {@code pipelineId} narrows stages (null: any pipeline). */
    Found find(RefKind kind, String raw, Long pipelineId) {
        Found f = peek(kind, raw, pipelineId);
        if (!f.ok() && f.problem().equals("imports.issue.unknown")) {
            unmatched.computeIfAbsent(kind, k -> new TreeSet<>()).add(raw.strip());
        }
        return f;
    }

    /** Like {@link #find} without remembering a name that matches nothing. */
    Found peek(RefKind kind, String raw, Long pipelineId) {
        String name = effective(kind, raw);
        Found f = switch (kind) {
            case CLIENT_KIND, CALL_DIRECTION, CALL_STATUS -> {
                String code = WORDS.get(kind).get(RefKind.key(name));
                yield code == null ? Found.problem("imports.issue.unknown") : Found.code(code);
            }
            case CLIENT -> unique(name.strip().matches("\\d{10}|\\d{12}")
                    ? clientsByInn.get(name.strip()) : clientsByKey.get(Texts.searchKey(name)));
            case STAGE -> stage(name, pipelineId);
            default -> unique(names(kind).get(RefKind.key(name)));
        };
        return f;
    }

    /** A stage's pipeline, for a stage found without a pipeline column. */
    long pipelineOf(long stageId) {
        return stages().stream().filter(s -> s.id() == stageId).findFirst().orElseThrow().pipelineId();
    }

    Map<RefKind, Set<String>> unmatched() {
        return unmatched;
    }

    /** The name a file's value stands for: its value mapping, else itself (trimmed). */
    String effective(RefKind kind, String raw) {
        String mapped = settings.mapped(kind, raw);
        return mapped != null ? mapped : raw.strip();
    }

    private Found stage(String name, Long pipelineId) {
        String key = RefKind.key(name);
        Set<Long> ids = new HashSet<>();
        for (StageRef s : stages()) {
            if (RefKind.key(s.name()).equals(key) && (pipelineId == null || s.pipelineId() == pipelineId)) {
                ids.add(s.id());
            }
        }
        return unique(ids);
    }

    private List<StageRef> stages() {
        if (stages == null) {
            stages = repo.stages();
        }
        return stages;
    }

    private Map<String, Set<Long>> names(RefKind kind) {
        return names.computeIfAbsent(kind, k -> switch (k) {
            case OWNER -> repo.users();
            case SOURCE -> repo.sources();
            case PIPELINE -> repo.pipelines();
            case PRODUCT -> repo.products();
            case LOST_REASON -> repo.lostReasons();
            default -> Map.of();
        });
    }

    private static Found unique(Set<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return Found.problem("imports.issue.unknown");
        }
        return ids.size() == 1 ? Found.of(ids.iterator().next()) : Found.problem("imports.issue.ambiguous");
    }
}
