package org.deskcrm.service.deal;

import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.deal.ScoreThresholds;
import org.deskcrm.model.deal.ScoringAttribute;
import org.deskcrm.model.deal.ScoringOperator;
import org.deskcrm.model.deal.ScoringRule;
import org.deskcrm.persistence.PipelineRepository;
import org.deskcrm.persistence.ScoringRepository;
import org.deskcrm.service.common.Progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import static org.deskcrm.model.deal.ScoringOperator.ABSENT;
import static org.deskcrm.model.deal.ScoringOperator.EQ;
import static org.deskcrm.model.deal.ScoringOperator.GE;
import static org.deskcrm.model.deal.ScoringOperator.GT;
import static org.deskcrm.model.deal.ScoringOperator.IN;
import static org.deskcrm.model.deal.ScoringOperator.LE;
import static org.deskcrm.model.deal.ScoringOperator.LT;
import static org.deskcrm.model.deal.ScoringOperator.NE;
import static org.deskcrm.model.deal.ScoringOperator.PRESENT;
import static org.deskcrm.model.deal.ScoringOperator.WITHIN;

/**
 * Lead scoring: configurable weighted rules (validated here), a default rule set for a new
 * database, and rescoring one deal (after each change) or all deals in id batches (on demand).
 * The score is the sum of the weights of the matched rules, clamped to 0–100; the band comes from
 * the settings {@code scoring.hot_min} / {@code scoring.warm_min}.
 */
public class ScoringService {
    /**
     * Deals per batch (and per transaction) when rescoring everything. Kept well under H2's in-memory
     * result limit (MAX_MEMORY_ROWS, 40 000 rows per GB of heap): with 50 000 ids a batch whose changed
     * rows spilled to disk failed inside H2 ("Check constraint invalid: ck_deal_score_band") on a
     * 100 000-deal demo database, and small batches also keep each transaction short.
     */
    static final int BATCH = 10_000;

    private final ScoringRepository repo;
    private final PipelineRepository pipelines;
    private final DealSettings settings;

    public ScoringService(ScoringRepository repo, PipelineRepository pipelines, DealSettings settings) {
        this.repo = repo;
        this.pipelines = pipelines;
        this.settings = settings;
    }

    public List<ScoringRule> rules() {
        return repo.rules();
    }

    public ScoreThresholds thresholds() {
        return settings.thresholds();
    }

    public long save(ScoringRule rule) {
        List<FieldError> errors = validate(rule);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return rule.id() == null ? repo.insert(rule) : repo.update(rule);
    }

    public void delete(long ruleId) {
        repo.delete(ruleId);
    }

    /** Operators that make sense for an attribute. */
    public static Set<ScoringOperator> operators(ScoringAttribute a) {
        return switch (a) {
            case SOURCE -> EnumSet.of(EQ, IN, NE, PRESENT, ABSENT);
            case AMOUNT -> EnumSet.of(EQ, NE, GT, GE, LT, LE);
            case CHANNEL -> EnumSet.of(PRESENT, ABSENT);
            case CLIENT_STATUS -> EnumSet.of(EQ, IN, NE);
            case RECENT_ACTIVITY -> EnumSet.of(WITHIN, ABSENT);
            case EXPECTED_CLOSE -> EnumSet.of(WITHIN, PRESENT, ABSENT);
            case CONTACT -> EnumSet.of(PRESENT, ABSENT);
        };
    }

    public static List<FieldError> validate(ScoringRule r) {
        List<FieldError> errors = new ArrayList<>();
        if (Texts.isBlank(r.name())) {
            errors.add(FieldError.of("name", "error.scoring.name"));
        }
        if (r.weight() < -100 || r.weight() > 100) {
            errors.add(FieldError.of("weight", "error.scoring.weight"));
        }
        if (!operators(r.attribute()).contains(r.operator())) {
            errors.add(FieldError.of("operator", "error.scoring.operator"));
            return errors;
        }
        String operand = r.operand() == null ? "" : r.operand().strip();
        boolean needsOperand = switch (r.attribute()) {
            case AMOUNT, CLIENT_STATUS -> true;
            case SOURCE -> r.operator() != PRESENT && r.operator() != ABSENT;
            case RECENT_ACTIVITY, EXPECTED_CLOSE -> r.operator() == WITHIN;
            case CHANNEL, CONTACT -> false;
        };
        if (needsOperand && !validOperand(r.attribute(), operand)) {
            errors.add(FieldError.of("operand", "error.scoring.operand"));
        }
        return errors;
    }

    private static boolean validOperand(ScoringAttribute a, String operand) {
        try {
            return switch (a) {
                case AMOUNT -> new BigDecimal(operand).signum() >= 0;
                case RECENT_ACTIVITY, EXPECTED_CLOSE -> Integer.parseInt(operand) > 0;
                case SOURCE -> {
                    for (String id : operand.split(",")) {
                        Long.parseLong(id.strip());
                    }
                    yield true;
                }
                case CLIENT_STATUS -> {
                    for (String code : operand.split(",")) {
                        org.deskcrm.model.client.LifecycleStatus.ofCode(code.strip());
                    }
                    yield true;
                }
                default -> true;
            };
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Seeds the default rules when there are none: referral or exhibition source, amount bands, phone
     * and email present, a contact person, a regular or new client, recent activity, a close date soon.
     * Rule names come from the deal_defaults bundle in the installation's language.
     */
    public boolean ensureDefaultRules(Locale locale) {
        if (repo.count() > 0) {
            return false;
        }
        ResourceBundle b = ResourceBundle.getBundle("org.deskcrm.i18n.deal_defaults", locale);
        ResourceBundle names = ResourceBundle.getBundle("org.deskcrm.i18n.defaults", locale);
        String[] sourceNames = names.getString("leadSources").split("\\|");
        Map<Long, String> sources = pipelines.leadSources();
        List<String> warmSources = new ArrayList<>();
        for (int i : new int[]{2, 3}) { // Referral, Exhibition in the defaults list
            String wanted = sourceNames.length > i ? sourceNames[i].strip() : null;
            sources.forEach((id, name) -> {
                if (name.equals(wanted)) {
                    warmSources.add(String.valueOf(id));
                }
            });
        }
        int order = 0;
        if (!warmSources.isEmpty()) {
            repo.insert(ScoringRule.draft(b.getString("rule.source"), ScoringAttribute.SOURCE, IN,
                    String.join(",", warmSources), 15, order += 10));
        }
        repo.insert(ScoringRule.draft(b.getString("rule.amount100k"), ScoringAttribute.AMOUNT, GE, "100000", 10, order += 10));
        repo.insert(ScoringRule.draft(b.getString("rule.amount500k"), ScoringAttribute.AMOUNT, GE, "500000", 10, order += 10));
        repo.insert(ScoringRule.draft(b.getString("rule.phone"), ScoringAttribute.CHANNEL, PRESENT, "phone", 10, order += 10));
        repo.insert(ScoringRule.draft(b.getString("rule.email"), ScoringAttribute.CHANNEL, PRESENT, "email", 5, order += 10));
        repo.insert(ScoringRule.draft(b.getString("rule.contact"), ScoringAttribute.CONTACT, PRESENT, null, 5, order += 10));
        repo.insert(ScoringRule.draft(b.getString("rule.regular"), ScoringAttribute.CLIENT_STATUS, IN,
                "regular,new_one_time", 15, order += 10));
        repo.insert(ScoringRule.draft(b.getString("rule.churned"), ScoringAttribute.CLIENT_STATUS, EQ, "churned", -10, order += 10));
        repo.insert(ScoringRule.draft(b.getString("rule.recent"), ScoringAttribute.RECENT_ACTIVITY, WITHIN, "14", 20, order += 10));
        repo.insert(ScoringRule.draft(b.getString("rule.closeSoon"), ScoringAttribute.EXPECTED_CLOSE, WITHIN, "30", 10, order += 10));
        return true;
    }

    /** Rescores one deal with the current rules (joins the caller's transaction). */
    public void rescore(long dealId) {
        Instant now = settings.clock().instant();
        repo.rescore(dealId, activeRules(), settings.thresholds(), now, settings.today());
    }

    /**
     * Rescores many deals at once (an import): the rules, thresholds and today are read once and the
     * scores written set-based, not deal by deal. Joins the caller's transaction.
     */
    public void rescore(java.util.Collection<Long> dealIds) {
        if (dealIds.isEmpty()) {
            return;
        }
        repo.rescoreIds(dealIds, activeRules(), settings.thresholds(), settings.clock().instant(), settings.today());
    }

    /** Rescores the deals of one client (after its status or channels changed); returns how many changed. */
    public int rescoreClient(long clientId) {
        return repo.rescoreClient(clientId, activeRules(), settings.thresholds(), settings.clock().instant(),
                settings.today());
    }

    /**
     * Rescores every deal, {@value #BATCH} ids per transaction, reporting progress; stops between
     * batches when cancelled. Returns how many deals changed score or band.
     */
    public long rescoreAll(Progress progress) {
        long[] range = repo.idRange();
        if (range == null) {
            return 0;
        }
        List<ScoringRule> rules = activeRules();
        ScoreThresholds t = settings.thresholds();
        Instant now = settings.clock().instant();
        long total = range[1] - range[0] + 1;
        long done = 0;
        for (long from = range[0]; from <= range[1] && !progress.isCancelled(); from += BATCH) {
            done += repo.rescoreRange(from, from + BATCH, rules, t, now, settings.today());
            progress.update("progress.rescore", Math.min(from + BATCH - range[0], total), total);
        }
        return done;
    }

    private List<ScoringRule> activeRules() {
        return repo.rules().stream().filter(ScoringRule::active).toList();
    }
}
