package org.deskcrm.ui.user;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator's Users page on a real H2 database: a refused form shows localized field errors. */
@ExtendWith(ApplicationExtension.class)
class UserAdminFxTest {
    private final I18n ru = new I18n(Locale.forLanguageTag("ru"));
    private static AppContext ctx;
    private static long team;

    /** The database and the signed-in administrator, before the FX stage (slow hashes stay off the FX thread). */
    @BeforeAll
    static void database() {
        ctx = new AppContext(TestDatabases.h2());
        ctx.ensureReferenceData(Locale.forLanguageTag("ru"));
        ctx.auth().createAdminPassword("admin-secret".toCharArray(), "admin-secret".toCharArray());
        team = ctx.userAdmin().createTeam("Север", null);
    }

    @Start
    void start(Stage stage) {
        UsersView view = new UsersView(new UserAdminViewModel(ctx.userAdmin(), ctx.auth(), new SameThreadExecutor(),
                ru), ru);
        stage.setScene(new Scene((javafx.scene.Parent) view.node(), 900, 500));
        stage.show();
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    @Test
    void aNewUserIsValidatedAtTheFieldsThenSavedAndAudited(FxRobot robot) throws Exception {
        Instant started = Instant.now();
        robot.clickOn("#newUser");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#userLogin").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#userLogin").write("ivan");
        robot.clickOn("#userPassword").write("short");
        robot.clickOn("#formOk");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#error-fullName").queryAs(Label.class)
                .isVisible());
        assertThat(robot.lookup("#error-fullName").queryAs(Label.class).getText())
                .isEqualTo(ru.get("users.error.required"));
        assertThat(robot.lookup("#error-team").queryAs(Label.class).getText())
                .isEqualTo(ru.get("users.error.teamRequired"));
        assertThat(robot.lookup("#error-password").queryAs(Label.class).getText())
                .isEqualTo(ru.format("auth.password.tooShort", 8)).contains("8");
        assertThat(ctx.users().findByLogin("ivan")).isEmpty();

        robot.clickOn("#userName").write("Иван Сидоров");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            var teams = (javafx.scene.control.ComboBox<org.deskcrm.model.user.Team>) robot.lookup("#userTeam").query();
            teams.setValue(teams.getItems().stream().filter(t -> t != null && t.id() == team).findFirst().orElseThrow());
        });
        robot.clickOn("#userPassword").eraseText(5).write("ivan-secret");
        robot.clickOn("#userRepeat").write("ivan-secret");
        robot.clickOn("#formOk");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#userLogin").tryQuery().isEmpty());
        User ivan = ctx.users().findByLogin("ivan").orElseThrow();
        assertThat(ivan.role()).isEqualTo(Role.MANAGER);
        assertThat(ivan.teamId()).isEqualTo(team);
        TableView<?> table = robot.lookup("#usersTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(ctx.audit().between(started, Instant.now().plusSeconds(1), 50))
                .anyMatch(e -> e.action() == AuditAction.CREATE && "user".equals(e.entity())
                        && ivan.id().equals(e.entityId()));
        ctx.session().signOut();
        assertThat(ctx.auth().signIn("ivan", "ivan-secret".toCharArray()).fullName()).isEqualTo("Иван Сидоров");
    }
}
