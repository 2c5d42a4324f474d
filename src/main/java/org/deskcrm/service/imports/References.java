package org.deskcrm.service.imports;

import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.imports.ImportLookupRepository.StageRef;

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
 * Clients are looked up by name key or, when the cell holds 10 or 12 digits, by INN. People are found
 * by full name or login, products by name or code (SKU); a name of two people is ambiguous and the
 * issue names both. With {@link ImportSettings#createMissing()} (or a value mapped to
 * {@value #CREATE}) an unknown person, team, product or lead source is created — while the import
 * writes; a check only counts it in {@link #toCreate()} — never a stage, pipeline or fixed word.
 */
final class References {
    /** A value mapping's target meaning "create this name" rather than a known name. */
    static final String CREATE = "*";

    /**
     * A looked-up name: the record's id (or a fixed word's code), or why it failed (a message key and
     * a detail such as the records an ambiguous name matches).
     */
    record Found(Long id, String code, String problem, String detail) {
        static Found of(long id) {
            return new Found(id, null, null, null);
        }

        static Found code(String code) {
            return new Found(null, code, null, null);
        }

        static Found problem(String key) {
            return new Found(null, null, key, null);
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
        WORDS.put(RefKind.ROLE, words(
                "manager", "manager", "менеджер", "manager", "sales manager", "manager", "менеджер по продажам",
                "manager", "agent", "manager", "sales agent", "manager", "продавец", "manager",
                "supervisor", "supervisor", "руководитель", "supervisor", "руководитель отдела", "supervisor",
                "руководитель группы", "supervisor", "team lead", "supervisor", "head", "supervisor",
                "супервайзер", "supervisor", "admin", "admin", "administrator", "admin", "администратор", "admin"));
        WORDS.put(RefKind.GOAL_METRIC, words(
                "revenue", "revenue", "выручка", "revenue", "sales", "revenue", "продажи", "revenue",
                "won_deals", "won_deals", "won deals", "won_deals", "выигранные сделки", "won_deals",
                "успешные сделки", "won_deals", "сделки", "won_deals", "deals", "won_deals",
                "new_clients", "new_clients", "new clients", "new_clients", "новые клиенты", "new_clients",
                "calls", "calls", "звонки", "calls", "meetings", "meetings", "встречи", "meetings",
                "proposals", "proposals", "кп", "proposals", "коммерческие предложения", "proposals",
                "предложения", "proposals"));
        WORDS.put(RefKind.PERIOD_KIND, words(
                "month", "month", "месяц", "month", "quarter", "quarter", "квартал", "quarter",
                "year", "year", "год", "year"));
    }

    /** Creates a name that matched nothing (a person, team, product or lead source) and returns its id. */
    interface Creator {
        long create(RefKind kind, String name);
    }

    private final ImportLookupRepository repo;
    private final ImportSettings settings;
    private final Creator creator;
    private final Map<RefKind, Set<String>> toCreate = new EnumMap<>(RefKind.class);
    private Long defaultPipeline;
    private final Map<RefKind, Map<String, Set<Long>>> names = new EnumMap<>(RefKind.class);
    private final Map<RefKind, Set<String>> unmatched = new EnumMap<>(RefKind.class);
    private List<StageRef> stages;
    private final Map<String, Set<Long>> clientsByKey = new HashMap<>();
    private final Map<String, Set<Long>> clientsByInn = new HashMap<>();

    /** Lookups only: a name that matches nothing is never created. */
    References(ImportLookupRepository repo, ImportSettings settings) {
        this(repo, settings, null);
    }

    /**
     * {@code creator}: creates what the settings ask to create (null: a check, which only counts the
     * names it would create, giving each a stand-in id below zero).
     */
    References(ImportLookupRepository repo, ImportSettings settings, Creator creator) {
        this.repo = repo;
        this.settings = settings;
        this.creator = creator;
        if (!settings.pipeline().isEmpty()) {
            Found p = unique(names(RefKind.PIPELINE).get(RefKind.key(settings.pipeline())));
            if (!p.ok()) {
                throw new org.deskcrm.model.common.AppException("imports.error.pipeline", settings.pipeline());
            }
            defaultPipeline = p.id();
        }
    }

    /** Whether the settings ask to create this name when it matches nothing (all missing names, or it mapped to {@value #CREATE}). */
    boolean createRequested(RefKind kind, String raw) {
        return settings.createMissing() || CREATE.equals(settings.mapped(kind, raw));
    }

    /** Whether names of this kind can be created by an import. */
    static boolean creatable(RefKind kind) {
        return kind == RefKind.OWNER || kind == RefKind.TEAM || kind == RefKind.PRODUCT || kind == RefKind.SOURCE;
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
            case ROLE -> java.util.Arrays.stream(org.deskcrm.model.user.Role.values())
                    .map(org.deskcrm.model.user.Role::code).toList();
            case GOAL_METRIC -> java.util.Arrays.stream(org.deskcrm.model.report.GoalMetric.values())
                    .map(org.deskcrm.model.report.GoalMetric::code).toList();
            case PERIOD_KIND -> java.util.Arrays.stream(org.deskcrm.model.report.PeriodKind.values())
                    .map(org.deskcrm.model.report.PeriodKind::code).toList();
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
        boolean create = createRequested(kind, raw);
        String name = effective(kind, raw);
        Found f = lookup(kind, name, pipelineId);
        if (!f.ok() && f.problem().equals("imports.issue.unknown") && create && creatable(kind)) {
            return created(kind, name);
        }
        if (!f.ok() && f.problem().equals("imports.issue.unknown")) {
            unmatched.computeIfAbsent(kind, k -> new TreeSet<>()).add(raw.strip());
        } else if (!f.ok() && kind == RefKind.OWNER) {
            return new Found(null, null, f.problem(), String.join(", ", repo.userLabels(
                    names(kind).get(RefKind.key(name)))));
        }
        return f;
    }

    /** Like {@link #find} without remembering a name that matches nothing (and without creating it). */
    Found peek(RefKind kind, String raw, Long pipelineId) {
        return lookup(kind, effective(kind, raw), pipelineId);
    }

    private Found lookup(RefKind kind, String name, Long pipelineId) {
        return switch (kind) {
            case CLIENT_KIND, CALL_DIRECTION, CALL_STATUS, ROLE, GOAL_METRIC, PERIOD_KIND -> {
                String code = WORDS.get(kind).get(RefKind.key(name));
                yield code == null ? Found.problem("imports.issue.unknown") : Found.code(code);
            }
            case CLIENT -> unique(name.strip().matches("\\d{10}|\\d{12}")
                    ? clientsByInn.get(name.strip()) : clientsByKey.get(Texts.searchKey(name)));
            case STAGE -> stage(name, pipelineId != null ? pipelineId : defaultPipeline);
            default -> unique(names(kind).get(RefKind.key(name)));
        };
    }

    /** Creates the name now (writing) or gives it a stand-in id (a check); later rows find it by name. */
    private Found created(RefKind kind, String name) {
        long id = creator != null ? creator.create(kind, name) : -1 - toCreate.values().stream().mapToInt(Set::size).sum();
        toCreate.computeIfAbsent(kind, k -> new TreeSet<>()).add(name);
        names(kind).computeIfAbsent(RefKind.key(name), k -> new java.util.LinkedHashSet<>()).add(id);
        return Found.of(id);
    }

    /** Counts a name a planner creates itself (a lost reason, created while the deals are written). */
    void willCreate(RefKind kind, String name) {
        toCreate.computeIfAbsent(kind, k -> new TreeSet<>()).add(name);
    }

    /** The names (per kind) this import creates, or would create. */
    Map<RefKind, Set<String>> toCreate() {
        return toCreate;
    }

    /** Remembers a record of a kind an import made itself (a person a users import adds), so rows find it. */
    void known(RefKind kind, String name, long id) {
        names(kind).computeIfAbsent(RefKind.key(name), k -> new java.util.LinkedHashSet<>()).add(id);
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
        return mapped != null && !CREATE.equals(mapped) ? mapped : raw.strip();
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
        return names.computeIfAbsent(kind, k -> new HashMap<>(switch (k) {
            case OWNER -> repo.users();
            case SOURCE -> repo.sources();
            case PIPELINE -> repo.pipelines();
            case PRODUCT -> repo.products();
            case TEAM -> repo.teams();
            case LOST_REASON -> repo.lostReasons();
            default -> Map.of();
        }));
    }

    private static Found unique(Set<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return Found.problem("imports.issue.unknown");
        }
        return ids.size() == 1 ? Found.of(ids.iterator().next()) : Found.problem("imports.issue.ambiguous");
    }
}
