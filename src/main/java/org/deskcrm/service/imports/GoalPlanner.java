package org.deskcrm.service.imports;

import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.report.GoalEntry;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.PeriodKind;
import org.deskcrm.persistence.GoalRepository;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.goal.GoalService;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Goals (plan figures): a person or a team, a metric, a period and a target. The period is a text
 * (2026-03 or 03.2026 a month, 2026-Q1 or Q1 2026 a quarter, 2026 a year) or a period kind with a
 * day inside the period (moved to its first day, as the goals editor does). A goal of the same
 * owner, metric and period — stored or earlier in the file — is a duplicate: merge sets its target.
 */
final class GoalPlanner extends Planner {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})|(\\d{1,2})[./](\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*-?\\s*[QqКк](\\d)|[QqКк](\\d)\\s*-?\\s*(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final GoalRepository goals;
    private final List<GoalEntry> rows = new ArrayList<>();
    private final Map<String, Integer> firstOf = new HashMap<>();
    private final Map<Integer, GoalEntry> existingGoal = new HashMap<>();

    GoalPlanner(RowCells cells, DuplicateMode mode, GoalRepository goals) {
        super(cells, mode);
        this.goals = goals;
    }

    @Override
    void read(ImportRow row) {
        cells.start(row);
        Long person = cells.ref("person", null);
        Long team = cells.ref("team", null);
        String metric = cells.code("metric");
        String kindCode = cells.code("periodKind");
        LocalDate start = cells.date("periodStart");
        String period = cells.text("period");
        BigDecimal target = cells.amount("target");
        if (!cells.ok()) {
            return;
        }
        if ((person == null) == (team == null)) {
            cells.rowIssue("imports.issue.goalOwner");
            return;
        }
        PeriodKind kind = kindCode == null ? null : PeriodKind.ofCode(kindCode);
        GoalEntry g;
        if (period != null) {
            GoalEntry p = period(period);
            if (p == null || kind != null && kind != p.periodKind()) {
                cells.issue("period", "imports.issue.goalPeriod", period);
                return;
            }
            g = p;
        } else if (kind != null && start != null) {
            g = GoalEntry.draft(null, null, null, kind, GoalService.periodStart(kind, start), null);
        } else {
            cells.rowIssue("imports.issue.goalNoPeriod");
            return;
        }
        GoalEntry goal = GoalEntry.draft(person, team, GoalMetric.ofCode(metric), g.periodKind(), g.periodStart(),
                target);
        String key = person + "|" + team + "|" + metric + "|" + g.periodKind() + "|" + g.periodStart();
        Integer first = firstOf.get(key);
        if (first != null) {
            inFile++;
            if (mode == DuplicateMode.MERGE) {
                rows.set(first, goal);
            }
            return;
        }
        firstOf.put(key, rows.size());
        rows.add(goal);
    }

    /** A period text as a goal's kind and first day, or null. */
    static GoalEntry period(String text) {
        String t = text.strip();
        Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
            return month < 1 || month > 12 ? null
                    : GoalEntry.draft(null, null, null, PeriodKind.MONTH, LocalDate.of(year, month, 1), null);
        }
        m = QUARTER.matcher(t);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            int quarter = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
            return quarter < 1 || quarter > 4 ? null : GoalEntry.draft(null, null, null, PeriodKind.QUARTER,
                    LocalDate.of(year, quarter * 3 - 2, 1), null);
        }
        return YEAR.matcher(t).matches()
                ? GoalEntry.draft(null, null, null, PeriodKind.YEAR, LocalDate.of(Integer.parseInt(t), 1, 1), null)
                : null;
    }

    @Override
    void matchExisting() {
        Map<String, List<GoalEntry>> stored = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            GoalEntry g = rows.get(i);
            if (g.userId() != null && g.userId() < 0 || g.teamId() != null && g.teamId() < 0) {
                continue; // a person or team the import would create has no goals yet
            }
            List<GoalEntry> ofPeriod = stored.computeIfAbsent(g.periodKind() + "|" + g.periodStart(),
                    k -> goals.ofPeriod(g.periodKind(), g.periodStart()));
            for (GoalEntry s : ofPeriod) {
                if (Objects.equals(s.userId(), g.userId()) && Objects.equals(s.teamId(), g.teamId())
                        && s.metric() == g.metric()) {
                    existingGoal.put(i, s);
                }
            }
        }
        existing = existingGoal.size();
    }

    @Override
    int newCount() {
        return rows.size() - existingGoal.size();
    }

    @Override
    Written write(Long userId, Instant now, Progress progress) {
        int created = 0;
        int merged = 0;
        for (int i = 0; i < rows.size(); i++) {
            checkCancel(progress);
            GoalEntry g = rows.get(i);
            GoalEntry stored = existingGoal.get(i);
            if (stored == null) {
                goals.insert(g);
                created++;
            } else if (mode == DuplicateMode.MERGE) {
                goals.update(new GoalEntry(stored.id(), g.userId(), g.teamId(), g.metric(), g.periodKind(),
                        g.periodStart(), g.target(), stored.version()));
                merged++;
            }
        }
        progress.update("imports.progress.writing", rows.size(), rows.size());
        boolean merge = mode == DuplicateMode.MERGE;
        return new Written(created, merged + (merge ? inFile : 0), merge ? 0 : inFile + existingGoal.size());
    }
}
