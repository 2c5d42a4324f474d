package org.deskcrm.service.control;

import org.deskcrm.model.call.MissedCall;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.control.ControlIndicator;
import org.deskcrm.model.control.ControlItem;
import org.deskcrm.persistence.ControlRepository;
import org.deskcrm.persistence.MissedCallRepository;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.service.client.ClientValidator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.deskcrm.model.user.AccessScope;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The supervisor's control indicators: a count for the dashboard and the list of records behind
 * each. For indicators answered in SQL the count uses the list's own condition; for those computed
 * here (badly filled clients, suspected duplicates) the count is the size of the list. Either way the
 * count equals the list length. {@code managerId} null means the whole company.
 */
public class ControlService {
    public static final String FORGOTTEN_DAYS_SETTING = "control.forgotten_days";
    static final int DEFAULT_FORGOTTEN_DAYS = 90;

    private final ControlRepository control;
    private final MissedCallRepository misses;
    private final SettingsRepository settings;
    private final ClientValidator validator;
    private final Clock clock;
    private Supplier<AccessScope> scope = AccessScope::all;

    public ControlService(ControlRepository control, MissedCallRepository misses, SettingsRepository settings,
                          ClientValidator validator, Clock clock) {
        this.control = control;
        this.misses = misses;
        this.settings = settings;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Makes every count and list return only what {@code scope} sees: a manager their own records, a
     * supervisor the team's, an administrator everything (the default, also the command line's).
     * The {@code managerId} filter of each call narrows that further, never widens it.
     */
    public ControlService restrictedTo(Supplier<AccessScope> scope) {
        this.scope = scope;
        return this;
    }

    /** Which owners' records are in the scope (for the indicators filtered here); the team is read once. */
    private java.util.function.Predicate<Long> visibleOwners() {
        AccessScope s = scope.get();
        return switch (s.kind()) {
            case ALL -> id -> true;
            case OWNER -> id -> Objects.equals(s.userId(), id);
            case TEAM -> {
                java.util.Set<Long> team = s.teamId() == null ? java.util.Set.of() : control.teamMemberIds(s.teamId());
                yield id -> id != null && team.contains(id);
            }
        };
    }

    public int forgottenDays() {
        return settings.get(FORGOTTEN_DAYS_SETTING).map(String::strip).filter(s -> s.matches("\\d{1,5}"))
                .map(Integer::parseInt).filter(d -> d > 0).orElse(DEFAULT_FORGOTTEN_DAYS);
    }

    /** Every indicator's count. */
    public Map<ControlIndicator, Integer> counts(Long managerId) {
        Map<ControlIndicator, Integer> m = new EnumMap<>(ControlIndicator.class);
        for (ControlIndicator i : ControlIndicator.values()) {
            m.put(i, count(i, managerId));
        }
        return m;
    }

    public int count(ControlIndicator indicator, Long managerId) {
        Instant now = clock.instant();
        return switch (indicator) {
            case DEALS_WITHOUT_TASK -> control.dealsWithoutTaskCount(managerId, scope.get());
            case OVERDUE_TASKS -> control.overdueTaskCount(managerId, scope.get(), now);
            case UNRETURNED_MISSED_CALLS -> misses.overdueCount(now, managerId, scope.get());
            case STUCK_DEALS -> control.stuckDealCount(managerId, scope.get(), now);
            case BADLY_FILLED_CLIENTS -> badlyFilled(managerId).size();
            case FORGOTTEN_CLIENTS -> control.forgottenClientCount(managerId, scope.get(), forgottenCutoff(now));
            case SUSPECTED_DUPLICATES -> duplicates(managerId).size();
        };
    }

    /** Up to this many hours a missed call's wait reads in hours; beyond, in whole days. */
    static final int HOURS_UP_TO = 48;

    /** The reason's key: "… not returned for {1} h" up to {@link #HOURS_UP_TO} hours, "… for {1} days" beyond. */
    static String unreturnedKey(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        return d.toHours() > HOURS_UP_TO ? "control.reason.unreturnedDays"
                : d.toHours() < 1 ? "control.reason.unreturnedMinutes" : "control.reason.unreturned";
    }

    /** The wait in the unit of {@link #unreturnedKey}: minutes under an hour, hours, or whole days beyond {@link #HOURS_UP_TO} hours. */
    static long unreturnedFor(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        return d.toHours() > HOURS_UP_TO ? d.toDays() : d.toHours() < 1 ? d.toMinutes() : d.toHours();
    }

    /** The records behind an indicator. */
    public List<ControlItem> list(ControlIndicator indicator, Long managerId) {
        Instant now = clock.instant();
        return switch (indicator) {
            case DEALS_WITHOUT_TASK -> control.dealsWithoutTask(managerId, scope.get()).stream()
                    .map(d -> new ControlItem(indicator, "deal", d.id(), d.title(), d.clientId(), d.ownerName(),
                            d.stageChangedAt(), "control.reason.noTask", List.of(d.stageName())))
                    .toList();
            case OVERDUE_TASKS -> control.overdueTasks(managerId, scope.get(), now).stream()
                    .map(t -> new ControlItem(indicator, "task", t.id(), t.title(), t.clientId(), t.assigneeName(),
                            t.dueAt(), "control.reason.overdue",
                            List.of(ChronoUnit.DAYS.between(t.dueAt(), now))))
                    .toList();
            case UNRETURNED_MISSED_CALLS -> unreturned(managerId, now).stream()
                    .map(m -> new ControlItem(indicator, "call", m.callId(), m.phoneRaw(), m.clientId(),
                            m.managerName(), m.startedAt(), unreturnedKey(m.startedAt(), now),
                            List.of(Objects.toString(m.clientName(), ""), unreturnedFor(m.startedAt(), now))))
                    .toList();
            case STUCK_DEALS -> control.stuckDeals(managerId, scope.get(), now).stream()
                    .map(d -> new ControlItem(indicator, "deal", d.id(), d.title(), d.clientId(), d.ownerName(),
                            d.stageChangedAt(), "control.reason.stuck",
                            List.of(d.stageName(), ChronoUnit.DAYS.between(d.stageChangedAt(), now), d.maxDays())))
                    .toList();
            case BADLY_FILLED_CLIENTS -> badlyFilled(managerId);
            case FORGOTTEN_CLIENTS -> control.forgottenClients(managerId, scope.get(), forgottenCutoff(now)).stream()
                    .map(c -> new ControlItem(indicator, "client", c.id(), c.name(), c.id(), c.ownerName(),
                            c.lastContactAt(), c.lastContactAt() == null ? "control.reason.neverContacted"
                            : "control.reason.forgotten",
                            List.of(c.lastContactAt() == null ? ChronoUnit.DAYS.between(c.createdAt(), now)
                                    : ChronoUnit.DAYS.between(c.lastContactAt(), now))))
                    .toList();
            case SUSPECTED_DUPLICATES -> duplicates(managerId);
        };
    }

    private Instant forgottenCutoff(Instant now) {
        return now.minus(Duration.ofDays(forgottenDays()));
    }

    private List<MissedCall> unreturned(Long managerId, Instant now) {
        java.util.function.Predicate<Long> visibleOwner = visibleOwners();
        return misses.overdue(now).stream()
                .filter(m -> managerId == null || managerId.equals(m.managerId()))
                .filter(m -> visibleOwner.test(m.managerId())).toList();
    }

    // ------------------------------------------------------------------ data quality

    /**
     * Active clients with a required field missing or not matching its pattern, or a malformed value
     * (INN checksum or length, KPP, website, an email or phone channel); one item per client with its
     * first problem and how many it has.
     */
    List<ControlItem> badlyFilled(Long managerId) {
        List<ControlRepository.RequiredRule> rules = control.requiredClientFields();
        Map<Long, String> owners = new HashMap<>();
        List<ControlItem> out = new ArrayList<>();
        for (ClientCard card : control.activeCards(managerId, scope.get(), owners)) {
            List<String[]> problems = new ArrayList<>();
            for (ControlRepository.RequiredRule rule : rules) {
                String value = value(card, rule.field());
                if (Texts.isBlank(value)) {
                    problems.add(new String[]{"control.reason.missing", rule.field(), ""});
                } else if (!Texts.isBlank(rule.pattern()) && !matches(rule.pattern(), value)) {
                    problems.add(new String[]{"control.reason.pattern", rule.field(), value});
                }
            }
            for (FieldError e : validator.validate(card)) {
                String field = fieldName(card, e.field());
                problems.add(new String[]{"control.reason.malformed", field, valueOf(card, e.field())});
            }
            if (!problems.isEmpty()) {
                String[] first = problems.get(0);
                Client c = card.client();
                out.add(new ControlItem(ControlIndicator.BADLY_FILLED_CLIENTS, "client", c.id(), c.name(), c.id(),
                        owners.get(c.id()), c.createdAt(), first[0], List.of(first[1], first[2], problems.size())));
            }
        }
        return out;
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value.strip()).matches();
        } catch (PatternSyntaxException e) {
            return true; // a broken rule flags nobody
        }
    }

    /** The value of a required-field name on a card (client columns, or "phone" / "email" channels). */
    static String value(ClientCard card, String field) {
        Client c = card.client();
        return switch (field.strip().toLowerCase(Locale.ROOT)) {
            case "name" -> c.name();
            case "legal_name", "legalname" -> c.legalName();
            case "inn" -> c.inn();
            case "kpp" -> c.kpp();
            case "address" -> c.address();
            case "region" -> c.region();
            case "industry" -> c.industry();
            case "website" -> c.website();
            case "notes" -> c.notes();
            case "source", "source_id" -> c.sourceId() == null ? null : String.valueOf(c.sourceId());
            case "owner", "owner_id" -> c.ownerId() == null ? null : String.valueOf(c.ownerId());
            case "phone" -> channel(card, ChannelKind.PHONE);
            case "email" -> channel(card, ChannelKind.EMAIL);
            default -> "?"; // an unknown rule name: never reported as missing
        };
    }

    private static String channel(ClientCard card, ChannelKind kind) {
        return card.channels().stream().filter(ch -> ch.kind() == kind).map(Channel::raw).findFirst().orElse(null);
    }

    /** "channels[2]" becomes the channel's kind ("email", "phone"...); other fields keep their name. */
    private static String fieldName(ClientCard card, String field) {
        int i = channelIndex(field);
        return i >= 0 && i < card.channels().size() ? card.channels().get(i).kind().code() : field;
    }

    private static String valueOf(ClientCard card, String field) {
        int i = channelIndex(field);
        if (i >= 0 && i < card.channels().size()) {
            return card.channels().get(i).raw();
        }
        return Objects.toString(value(card, field), "");
    }

    private static int channelIndex(String field) {
        if (field.startsWith("channels[") && field.endsWith("]")) {
            return Integer.parseInt(field.substring("channels[".length(), field.length() - 1));
        }
        return -1;
    }

    // ------------------------------------------------------------------ duplicates

    /**
     * Active clients that share a normalized phone, email or INN with another active client, or
     * whose name is near-identical to another's; one item per client with the first reason found.
     */
    List<ControlItem> duplicates(Long managerId) {
        Map<Long, Object[]> why = new LinkedHashMap<>();
        Map<String, List<Long>> byValue = new LinkedHashMap<>();
        for (ControlRepository.SharedValue v : control.sharedValues(null, org.deskcrm.model.user.AccessScope.all())) {
            byValue.computeIfAbsent(v.kind() + "\u0000" + v.value(), k -> new ArrayList<>()).add(v.clientId());
        }
        for (var e : byValue.entrySet()) {
            String kind = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            String value = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
            List<Long> ids = e.getValue().stream().distinct().toList();
            for (Long id : ids) {
                Long other = ids.stream().filter(o -> !o.equals(id)).findFirst().orElse(null);
                if (other != null) {
                    why.putIfAbsent(id, new Object[]{"control.reason.duplicate." + kind, value, other});
                }
            }
        }
        List<ControlRepository.NameKey> names = control.nameKeys();
        List<String> compact = names.stream().map(n -> NameSimilarity.compact(n.key())).toList();
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> compact.get(x).compareTo(compact.get(y)));
        for (int a = 0; a < order.length; a++) {
            String ka = compact.get(order[a]);
            for (int b = a + 1; b < order.length; b++) {
                String kb = compact.get(order[b]);
                if (ka.length() < 3 || kb.length() < 3 || !kb.startsWith(ka.substring(0, 3))) {
                    break; // sorted: candidates share the first three letters
                }
                if (NameSimilarity.similar(ka, kb)) {
                    ControlRepository.NameKey na = names.get(order[a]);
                    ControlRepository.NameKey nb = names.get(order[b]);
                    why.putIfAbsent(na.clientId(), new Object[]{"control.reason.duplicate.name", nb.name(), nb.clientId()});
                    why.putIfAbsent(nb.clientId(), new Object[]{"control.reason.duplicate.name", na.name(), na.clientId()});
                }
            }
        }
        List<Long> ids = new ArrayList<>(why.keySet());
        for (Object[] w : why.values()) {
            ids.add((Long) w[2]);
        }
        Map<Long, String[]> info = control.clientNames(ids);
        Function<Long, String> nameOf = id -> info.containsKey(id) ? info.get(id)[0] : "";
        java.util.function.Predicate<Long> visibleOwner = visibleOwners();
        List<ControlItem> out = new ArrayList<>();
        for (var e : why.entrySet()) {
            String[] self = info.get(e.getKey());
            if (self == null || (managerId != null && !String.valueOf(managerId).equals(self[2]))
                    || !visibleOwner.test(self[2] == null ? null : Long.valueOf(self[2]))) {
                continue;
            }
            Object[] w = e.getValue();
            out.add(new ControlItem(ControlIndicator.SUSPECTED_DUPLICATES, "client", e.getKey(), self[0], e.getKey(),
                    self[1], null, (String) w[0], List.of(w[1], nameOf.apply((Long) w[2])), (Long) w[2]));
        }
        out.sort((x, y) -> Texts.searchKey(x.title()).compareTo(Texts.searchKey(y.title())));
        return out;
    }
}
