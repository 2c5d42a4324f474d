package org.deskcrm.service.goal;

import org.deskcrm.AppContext;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.report.GoalEntry;
import org.deskcrm.model.report.GoalMetric;
import org.deskcrm.model.report.PeriodKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;
import org.deskcrm.service.report.PlanFactReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The goals editor's rules on a real database; run for H2 and PostgreSQL by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GoalServiceContract {
    private static final Instant NOW = Instant.parse("2026-05-14T10:00:00Z");
    private AppContext ctx;
    private GoalService goals;
    private long teamA;
    private long teamB;
    private long anna;
    private long boris;
    private long sue;

    abstract Database openDatabase();

    @BeforeAll
    void open() {
        ctx = new AppContext(openDatabase(), Clock.fixed(NOW, ZoneOffset.UTC));
        goals = ctx.goals();
        teamA = ctx.users().insertTeam("Goal team A", null);
        teamB = ctx.users().insertTeam("Goal team B", null);
        anna = user("g.anna", Role.MANAGER, teamA);
        boris = user("g.boris", Role.MANAGER, teamB);
        sue = user("g.sue", Role.SUPERVISOR, teamA);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @AfterEach
    void signOut() {
        ctx.session().signOut();
    }

    private long user(String login, Role role, long team) {
        return ctx.users().insert(User.draft(login, login, role, team), null);
    }

    private void signIn(long id) {
        ctx.session().signIn(ctx.users().findById(id).orElseThrow());
    }

    private static GoalEntry draft(Long user, Long team, GoalMetric m, PeriodKind k, String day, String target) {
        return GoalEntry.draft(user, team, m, k, LocalDate.parse(day), target == null ? null : new BigDecimal(target));
    }

    private static void assertKey(Runnable r, String key) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(AppException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void createNormalizesThePeriodStartAndListsIt() {
        GoalEntry saved = goals.save(draft(anna, null, GoalMetric.CALLS, PeriodKind.QUARTER, "2026-05-20", "300"));
        assertThat(saved.id()).isNotNull();
        assertThat(saved.periodStart()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(saved.target()).isEqualByComparingTo("300");
        assertThat(goals.list(PeriodKind.QUARTER, LocalDate.of(2026, 6, 30))).extracting(GoalEntry::id).contains(saved.id());
        assertThat(goals.list(PeriodKind.MONTH, LocalDate.of(2026, 4, 1))).extracting(GoalEntry::id).doesNotContain(saved.id());
        GoalEntry year = goals.save(draft(null, teamA, GoalMetric.REVENUE, PeriodKind.YEAR, "2026-11-03", "1000000.50"));
        assertThat(year.periodStart()).isEqualTo(LocalDate.of(2026, 1, 1));
        GoalEntry month = goals.save(draft(null, teamB, GoalMetric.REVENUE, PeriodKind.MONTH, "2026-02-28", "10"));
        assertThat(month.periodStart()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(GoalService.periodStart(PeriodKind.QUARTER, LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void validationErrorsAreLocalizedKeys() {
        assertKey(() -> goals.save(draft(anna, teamA, GoalMetric.CALLS, PeriodKind.MONTH, "2026-01-01", "1")), "error.goal.owner");
        assertKey(() -> goals.save(draft(null, null, GoalMetric.CALLS, PeriodKind.MONTH, "2026-01-01", "1")), "error.goal.owner");
        assertKey(() -> goals.save(draft(anna, null, null, PeriodKind.MONTH, "2026-01-01", "1")), "error.goal.metric");
        assertKey(() -> goals.save(draft(anna, null, GoalMetric.CALLS, null, "2026-01-01", "1")), "error.goal.period");
        assertKey(() -> goals.save(draft(anna, null, GoalMetric.CALLS, PeriodKind.MONTH, "2026-01-01", "-1")), "error.goal.target");
        assertKey(() -> goals.save(draft(anna, null, GoalMetric.CALLS, PeriodKind.MONTH, "2026-01-01", "1.005")), "error.goal.target");
        assertKey(() -> goals.save(draft(anna, null, GoalMetric.CALLS, PeriodKind.MONTH, "2026-01-01", null)), "error.goal.target");
        assertKey(() -> goals.save(draft(999_999L, null, GoalMetric.CALLS, PeriodKind.MONTH, "2026-01-01", "1")), "error.goal.unknownOwner");
        goals.save(draft(anna, null, GoalMetric.MEETINGS, PeriodKind.MONTH, "2026-03-01", "5"));
        assertKey(() -> goals.save(draft(anna, null, GoalMetric.MEETINGS, PeriodKind.MONTH, "2026-03-17", "6")), "error.goal.duplicate");
        assertThat(goals.save(draft(anna, null, GoalMetric.MEETINGS, PeriodKind.QUARTER, "2026-03-17", "0")).target())
                .as("zero is a valid target; another period kind is not a duplicate").isEqualByComparingTo("0");
    }

    @Test
    void aStaleVersionIsRefusedOnUpdateAndDelete() {
        GoalEntry g = goals.save(draft(boris, null, GoalMetric.PROPOSALS, PeriodKind.MONTH, "2026-07-01", "10"));
        GoalEntry changed = goals.save(withTarget(g, "12"));
        assertThat(changed.version()).isEqualTo(g.version() + 1);
        assertThatThrownBy(() -> goals.save(withTarget(g, "15"))).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> goals.delete(g)).isInstanceOf(ConcurrentEditException.class);
        goals.delete(changed);
        assertThat(goals.list(PeriodKind.MONTH, LocalDate.of(2026, 7, 1))).extracting(GoalEntry::id).doesNotContain(g.id());
        assertThatThrownBy(() -> goals.delete(changed)).isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void aManagerIsRefusedAndASupervisorKeepsToTheOwnTeam() {
        signIn(anna);
        assertThat(goals.canEdit()).isFalse();
        assertKey(() -> goals.save(draft(anna, null, GoalMetric.CALLS, PeriodKind.YEAR, "2027-01-01", "1")), "error.goal.forbidden");
        assertThat(goals.list(PeriodKind.YEAR, LocalDate.of(2027, 1, 1))).isEmpty();
        signIn(sue);
        assertThat(goals.canEdit()).isTrue();
        GoalEntry own = goals.save(draft(anna, null, GoalMetric.CALLS, PeriodKind.YEAR, "2027-01-01", "1"));
        assertThat(own.id()).isNotNull();
        assertKey(() -> goals.save(draft(boris, null, GoalMetric.CALLS, PeriodKind.YEAR, "2027-01-01", "1")), "error.goal.otherTeam");
        assertKey(() -> goals.save(draft(null, teamB, GoalMetric.CALLS, PeriodKind.YEAR, "2027-01-01", "1")), "error.goal.otherTeam");
        signIn(anna);
        assertKey(() -> goals.delete(own), "error.goal.forbidden");
    }

    @Test
    void everyChangeIsAudited() {
        Instant from = NOW.minusSeconds(1);
        GoalEntry g = goals.save(draft(null, teamB, GoalMetric.WON_DEALS, PeriodKind.MONTH, "2026-09-09", "4"));
        GoalEntry u = goals.save(withTarget(g, "6"));
        goals.delete(u);
        List<AuditEvent> events = ctx.audit().forRecord(GoalService.ENTITY, g.id(), 10);
        assertThat(events).extracting(AuditEvent::action)
                .containsExactlyInAnyOrder(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE);
        assertThat(events).filteredOn(e -> e.action() == AuditAction.UPDATE).singleElement()
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("target");
                    assertThat(e.oldValue()).isEqualTo("4.00");
                    assertThat(e.newValue()).isEqualTo("6.00");
                });
        assertThat(from).isBefore(NOW);
    }

    @Test
    void planFactShowsTheSavedTarget() {
        GoalEntry g = goals.save(draft(null, teamA, GoalMetric.NEW_CLIENTS, PeriodKind.MONTH, "2026-08-15", "42"));
        PlanFactReport report = (PlanFactReport) ctx.reports().get(PlanFactReport.NAME);
        ReportTable t = report.run(ReportFilter.period(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31)));
        assertThat(t.summary()).containsKey("new_clients_team_target");
        assertThat(new BigDecimal(t.summary().get("new_clients_team_target").toString())).isEqualByComparingTo("42");
        goals.save(withTarget(g, "50"));
        t = report.run(ReportFilter.period(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31)));
        assertThat(new BigDecimal(t.summary().get("new_clients_team_target").toString())).isEqualByComparingTo("50");
    }

    private static GoalEntry withTarget(GoalEntry g, String target) {
        return new GoalEntry(g.id(), g.userId(), g.teamId(), g.metric(), g.periodKind(), g.periodStart(),
                new BigDecimal(target), g.version());
    }
}
