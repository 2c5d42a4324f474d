package org.deskcrm.service.user;

import org.deskcrm.AppContext;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-in, first start, throttling, rehashing and the user administration on a real H2 database. */
class AuthServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-10T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private AppContext ctx;
    private AuthService auth;

    @BeforeEach
    void open() {
        ctx = new AppContext(TestDatabases.h2(), clock);
        ctx.ensureReferenceData(Locale.ENGLISH);
        auth = ctx.auth();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    private List<AuditEvent> feed() {
        return ctx.audit().between(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), 100);
    }

    private static String key(Throwable e) {
        return ((AppException) e).messageKey();
    }

    @Test
    void theFirstStartAsksForTheAdministratorsPasswordOnce() {
        assertThat(auth.needsAdminPassword()).isTrue();
        assertThatThrownBy(() -> auth.signIn("admin", pw(""))).satisfies(e -> assertThat(key(e)).isEqualTo("auth.error.invalid"));
        assertThatThrownBy(() -> auth.createAdminPassword(pw("short"), pw("short")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::messageKey).containsExactly("auth.password.tooShort"));
        assertThatThrownBy(() -> auth.createAdminPassword(pw("long enough"), pw("long enougH")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("repeat"));
        User admin = auth.createAdminPassword(pw("admin-secret"), pw("admin-secret"));
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(ctx.session().userId()).isEqualTo(admin.id());
        assertThat(auth.needsAdminPassword()).isFalse();
        assertThatThrownBy(() -> auth.createAdminPassword(pw("other-secret"), pw("other-secret")))
                .satisfies(e -> assertThat(key(e)).isEqualTo("auth.error.adminExists"));
        assertThat(ctx.users().passwordHash("admin").orElseThrow()).startsWith("$argon2id$").doesNotContain("admin-secret");
    }

    @Test
    void signInsGoodAndBadAreInTheEventFeed() {
        auth.createAdminPassword(pw("admin-secret"), pw("admin-secret"));
        auth.signOut();
        assertThat(ctx.session().user()).isEmpty();
        assertThatThrownBy(() -> auth.signIn("admin", pw("wrong-secret")))
                .satisfies(e -> assertThat(key(e)).isEqualTo("auth.error.invalid"));
        assertThatThrownBy(() -> auth.signIn("nobody", pw("admin-secret")))
                .satisfies(e -> assertThat(key(e)).isEqualTo("auth.error.invalid"));
        assertThat(ctx.session().user()).isEmpty();
        User u = auth.signIn(" admin ", pw("admin-secret"));
        assertThat(ctx.session().user()).contains(u);
        List<AuditEvent> signIns = feed().stream().filter(e -> e.action() == AuditAction.SIGN_IN).toList();
        assertThat(signIns).extracting(AuditEvent::details)
                .containsExactlyInAnyOrder("ok", "ok", "failed: wrong_password", "failed: unknown_login");
        assertThat(signIns).filteredOn(e -> "failed: unknown_login".equals(e.details()))
                .extracting(AuditEvent::newValue).containsExactly("nobody");
        assertThat(feed()).extracting(AuditEvent::action).contains(AuditAction.SIGN_OUT);
    }

    @Test
    void repeatedFailuresAreThrottledEvenForTheRightPassword() {
        auth.createAdminPassword(pw("admin-secret"), pw("admin-secret"));
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThatThrownBy(() -> auth.signIn("admin", pw("guess-" + Math.random())))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("auth.error.invalid"));
        }
        assertThatThrownBy(() -> auth.signIn("admin", pw("admin-secret"))).isInstanceOfSatisfying(AppException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("auth.error.throttled");
                    assertThat(e.args()).containsExactly(30L);
                });
        clock.advance(Duration.ofSeconds(31));
        assertThat(auth.signIn("admin", pw("admin-secret")).login()).isEqualTo("admin");
    }

    @Test
    void anInactiveUserCannotSignInAndAnOldCostIsRehashed() {
        long team = ctx.users().insertTeam("North", null);
        PasswordHasher cheap = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom());
        long id = ctx.users().insert(User.draft("anna", "Anna", Role.MANAGER, team), cheap.hash(pw("anna-secret")));
        assertThat(auth.signIn("anna", pw("anna-secret")).id()).isEqualTo(id);
        assertThat(ctx.users().passwordHash("anna").orElseThrow()).contains("m=19456,t=2,p=1");
        assertThat(auth.signIn("anna", pw("anna-secret")).id()).isEqualTo(id);
        User u = ctx.users().findById(id).orElseThrow();
        ctx.users().update(new User(u.id(), u.login(), u.fullName(), u.email(), u.role(), u.teamId(), u.canExport(),
                false, u.version()));
        assertThatThrownBy(() -> auth.signIn("anna", pw("anna-secret")))
                .satisfies(e -> assertThat(key(e)).isEqualTo("auth.error.inactive"));
    }

    @Test
    void demoPeopleGetTheDocumentedDemoPasswordButTheAdministratorDoesNot() {
        long team = ctx.users().insertTeam("North", null);
        ctx.users().insert(User.draft("demo1", "Demo One", Role.MANAGER, team), null);
        ctx.users().insert(User.draft("demo2", "Demo Two", Role.SUPERVISOR, team), null);
        assertThat(auth.assignDemoPasswords()).isEqualTo(2);
        assertThat(auth.signIn("demo1", pw(AuthService.DEMO_PASSWORD)).login()).isEqualTo("demo1");
        assertThat(ctx.users().passwordHash("demo1")).isNotEqualTo(ctx.users().passwordHash("demo2"));
        assertThat(ctx.users().passwordHash("admin")).isEmpty();
        assertThat(auth.assignDemoPasswords()).isZero();
    }

    @Test
    void onlyAnAdministratorManagesUsersAndEveryChangeIsAudited() {
        long team = ctx.users().insertTeam("North", null);
        long annaId = ctx.users().insert(User.draft("anna", "Anna", Role.MANAGER, team), null);
        ctx.session().signIn(ctx.users().findById(annaId).orElseThrow());
        UserAdminService admin = ctx.userAdmin();
        assertThatThrownBy(admin::users).satisfies(e -> assertThat(key(e)).isEqualTo("auth.error.adminOnly"));
        ctx.session().signOut();
        User signedAdmin = auth.createAdminPassword(pw("admin-secret"), pw("admin-secret"));

        assertThatThrownBy(() -> admin.create(User.draft("anna", " ", Role.MANAGER, null), pw("x"), pw("x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::messageKey).containsExactlyInAnyOrder("users.error.loginTaken",
                                "users.error.required", "users.error.teamRequired", "auth.password.tooShort"));
        long boris = admin.create(User.draft("boris", "Boris Ivanov", Role.MANAGER, team), pw("boris-secret"),
                pw("boris-secret"));
        User b = ctx.users().findById(boris).orElseThrow();
        admin.update(new User(b.id(), b.login(), b.fullName(), "boris@example.com", Role.SUPERVISOR, team, true, true,
                b.version()));
        assertThat(feed()).filteredOn(e -> "user".equals(e.entity()) && e.entityId() == boris
                        && e.action() == AuditAction.UPDATE && e.oldValue() != null)
                .extracting(e -> e.field() + ":" + e.oldValue() + "→" + e.newValue())
                .containsExactlyInAnyOrder("role:manager→supervisor", "can_export:false→true");
        assertThat(feed()).filteredOn(e -> "user".equals(e.entity()) && e.entityId() == boris)
                .extracting(AuditEvent::userId).containsOnly(signedAdmin.id());
        assertThatThrownBy(() -> admin.update(new User(signedAdmin.id(), "admin", "Admin", null, Role.ADMIN, null,
                true, false, 1))).isInstanceOf(ValidationException.class); // cannot switch oneself off
        auth.resetPassword(boris, pw("new-boris-pw"), pw("new-boris-pw"));
        auth.signOut();
        assertThat(auth.signIn("boris", pw("new-boris-pw")).role()).isEqualTo(Role.SUPERVISOR);

        auth.signOut();
        auth.signIn("admin", pw("admin-secret"));
        long south = admin.createTeam("South", boris);
        assertThatThrownBy(() -> admin.createTeam(" south ", null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::messageKey).containsExactly("users.error.teamTaken"));
        var t = ctx.users().findTeam(south).orElseThrow();
        admin.updateTeam(new org.deskcrm.model.user.Team(t.id(), "South-West", null, t.version()));
        assertThat(ctx.users().findTeam(south).orElseThrow().name()).isEqualTo("South-West");
        assertThat(feed()).filteredOn(e -> "team".equals(e.entity()) && e.action() == AuditAction.UPDATE)
                .extracting(e -> e.field() + ":" + e.oldValue() + "→" + e.newValue())
                .containsExactlyInAnyOrder("name:South→South-West", "supervisor:" + boris + "→null");
    }
}
