package org.deskcrm.cli.migration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a person computes from the four files with nothing but the rows: stage counts, win rate, won
 * count and revenue per agent, manager, office, product and close month, the won cycle in days
 * (close date − engage date) as average and median, lost deals per agent. Plain Java over
 * {@link Company}'s rows; it knows nothing of the product.
 */
public final class CompanyFigures {
    /** A count and a sum of money. */
    public record Tally(long count, BigDecimal amount) {
        static final Tally ZERO = new Tally(0, BigDecimal.ZERO);

        Tally plus(BigDecimal value) {
            return new Tally(count + 1, amount.add(value));
        }
    }

    public final Map<String, Long> stageCounts = new TreeMap<>();
    public final Map<String, Tally> wonByAgent = new TreeMap<>();
    public final Map<String, Tally> wonByManager = new TreeMap<>();
    public final Map<String, Tally> wonByOffice = new TreeMap<>();
    /** Keyed by the catalogue's name (the pipeline's "GTXPro" is the catalogue's "GTX Pro"). */
    public final Map<String, Tally> wonByProduct = new TreeMap<>();
    public final Map<YearMonth, Tally> wonByCloseMonth = new TreeMap<>();
    public final Map<String, Map<YearMonth, Tally>> wonByAgentAndMonth = new TreeMap<>();
    public final Map<String, Long> lostByAgent = new TreeMap<>();
    public final Map<String, Long> lostByManager = new TreeMap<>();
    public final Map<String, Long> lostByOffice = new TreeMap<>();
    public final Map<String, Long> lostByProduct = new TreeMap<>();
    /** Opportunities per agent with an engage date (the deals a person dates). */
    public final Map<String, Long> engagedByAgent = new TreeMap<>();
    public Tally won = Tally.ZERO;
    public long lost;
    public long withoutAccount;
    public Tally wonWithoutAccount = Tally.ZERO;
    public BigDecimal winRate;
    public BigDecimal averageWonCycleDays;
    public BigDecimal medianWonCycleDays;
    public final List<Long> wonCycleDays = new ArrayList<>();

    public CompanyFigures(Company c) {
        Map<String, Company.Agent> agents = new HashMap<>();
        c.agents().forEach(a -> agents.put(a.name(), a));
        Map<String, String> catalogueName = new HashMap<>();
        c.products().forEach(p -> catalogueName.put(p.pipelineName(), p.name()));
        for (Company.Opportunity o : c.opportunities()) {
            stageCounts.merge(o.stage(), 1L, Long::sum);
            if (o.account().isEmpty()) {
                withoutAccount++;
            }
            if (o.engaged() != null) {
                engagedByAgent.merge(o.agent(), 1L, Long::sum);
            }
            Company.Agent a = agents.get(o.agent());
            if (o.stage().equals(Company.WON)) {
                BigDecimal v = o.value();
                won = won.plus(v);
                wonByAgent.merge(o.agent(), Tally.ZERO.plus(v), CompanyFigures::sum);
                wonByManager.merge(a.manager(), Tally.ZERO.plus(v), CompanyFigures::sum);
                wonByOffice.merge(a.office(), Tally.ZERO.plus(v), CompanyFigures::sum);
                wonByProduct.merge(catalogueName.get(o.product()), Tally.ZERO.plus(v), CompanyFigures::sum);
                YearMonth m = YearMonth.from(o.closed());
                wonByCloseMonth.merge(m, Tally.ZERO.plus(v), CompanyFigures::sum);
                wonByAgentAndMonth.computeIfAbsent(o.agent(), k -> new TreeMap<>())
                        .merge(m, Tally.ZERO.plus(v), CompanyFigures::sum);
                wonCycleDays.add(ChronoUnit.DAYS.between(o.engaged(), o.closed()));
                if (o.account().isEmpty()) {
                    wonWithoutAccount = wonWithoutAccount.plus(v);
                }
            } else if (o.stage().equals(Company.LOST)) {
                lost++;
                lostByAgent.merge(o.agent(), 1L, Long::sum);
                lostByManager.merge(a.manager(), 1L, Long::sum);
                lostByOffice.merge(a.office(), 1L, Long::sum);
                lostByProduct.merge(catalogueName.get(o.product()), 1L, Long::sum);
            }
        }
        winRate = BigDecimal.valueOf(won.count()).divide(BigDecimal.valueOf(won.count() + lost), 4, RoundingMode.HALF_UP);
        long total = wonCycleDays.stream().mapToLong(Long::longValue).sum();
        averageWonCycleDays = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(wonCycleDays.size()), 2,
                RoundingMode.HALF_UP);
        List<Long> sorted = new ArrayList<>(wonCycleDays);
        Collections.sort(sorted);
        int n = sorted.size();
        medianWonCycleDays = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2)).setScale(2)
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2,
                RoundingMode.HALF_UP);
    }

    private static Tally sum(Tally a, Tally b) {
        return new Tally(a.count() + b.count(), a.amount().add(b.amount()));
    }

    public long stage(String name) {
        return stageCounts.getOrDefault(name, 0L);
    }

    /** The first and last engage date (the span of deal creation). */
    public static LocalDate[] engageSpan(Company c) {
        LocalDate min = null;
        LocalDate max = null;
        for (Company.Opportunity o : c.opportunities()) {
            if (o.engaged() != null) {
                min = min == null || o.engaged().isBefore(min) ? o.engaged() : min;
                max = max == null || o.engaged().isAfter(max) ? o.engaged() : max;
            }
        }
        return new LocalDate[]{min, max};
    }
}
