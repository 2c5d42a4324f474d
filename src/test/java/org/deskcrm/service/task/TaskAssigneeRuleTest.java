package org.deskcrm.service.task;

import org.deskcrm.AppContext;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.task.Task;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whom a new task may be given to (the owner rule of ADR 0014): a manager only themself, a supervisor the
 * team, an administrator everybody; the choice the dialog offers and the check when the task is saved agree.
 */
class TaskAssigneeRuleTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    AppContext app;
    User anna;
    User boris;
    User vera;
    User otto;

    @BeforeEach
    void open() {
        app = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        app.ensureReferenceData(Locale.ENGLISH);
        long north = app.users().insertTeam("North", null);
        long south = app.users().insertTeam("South", null);
        vera = user("vera", "Vera Supervisor", Role.SUPERVISOR, north);
        anna = user("anna", "Anna Petrova", Role.MANAGER, north);
        boris = user("boris", "Boris Orlov", Role.MANAGER, north);
        otto = user("otto", "Otto South", Role.MANAGER, south);
    }

    @AfterEach
    void close() {
        app.session().signOut();
        app.close();
    }

    User user(String login, String name, Role role, long team) {
        return app.users().findById(app.users().insert(User.draft(login, name, role, team), null)).orElseThrow();
    }

    Task task(User assignee) {
        return new Task(null, "Call back", null, TaskKind.CALL, TaskStatus.OPEN, NOW.plusSeconds(3600), null,
                assignee.id(), null, null, null, null, null, null, 0);
    }

    @Test
    void aManagerAssignsOnlyToSelf() {
        app.session().signIn(anna);
        assertThat(app.taskService().assignableUsers()).extracting(User::login).containsExactly("anna");
        assertThat(app.taskService().create(task(anna), anna.id())).isPositive();
        assertThatThrownBy(() -> app.taskService().create(task(boris), anna.id()))
                .isInstanceOf(AppException.class)
                .satisfies(e -> assertThat(((AppException) e).messageKey()).isEqualTo("error.owner.notAllowed"));
    }

    @Test
    void aSupervisorAssignsWithinTheTeam() {
        app.session().signIn(vera);
        assertThat(app.taskService().assignableUsers()).extracting(User::login)
                .containsExactlyInAnyOrder("vera", "anna", "boris");
        assertThat(app.taskService().create(task(boris), vera.id())).isPositive();
        assertThatThrownBy(() -> app.taskService().create(task(otto), vera.id())).isInstanceOf(AppException.class);
    }

    @Test
    void theAdministratorAssignsToAnyone() {
        User admin = app.users().findByLogin("admin").orElseThrow();
        app.session().signIn(admin);
        assertThat(app.taskService().assignableUsers()).extracting(User::login)
                .containsExactlyInAnyOrder("admin", "vera", "anna", "boris", "otto");
        assertThat(app.taskService().create(task(otto), admin.id())).isPositive();
    }
}
