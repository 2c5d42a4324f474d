package org.deskcrm.persistence;

import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.Team;
import org.deskcrm.model.user.User;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.TEAM;

/**
 * Users and teams. Password hashes are written and read here only, never returned in {@link User}. On a
 * person's own PostgreSQL login the hash column is not readable (V44, ADR 0015): the people are read by
 * their other columns, and the few questions about hashes go through the database's functions that
 * answer only about the session's own login.
 */
public class UserRepository {
    private static final List<org.jooq.SelectField<?>> PERSON = List.of(APP_USER.ID, APP_USER.LOGIN, APP_USER.FULL_NAME,
            APP_USER.EMAIL, APP_USER.ROLE_CODE, APP_USER.TEAM_ID, APP_USER.CAN_EXPORT, APP_USER.ACTIVE, APP_USER.VERSION);

    private final DSLContext dsl;
    /** A person's own PostgreSQL login: the hash column is the owner's alone. */
    private final boolean hashesHidden;

    public UserRepository(Database db) {
        this.dsl = db.dsl();
        this.hashesHidden = db.dialect().family() == org.jooq.SQLDialect.POSTGRES && !db.isSchemaOwner();
    }

    private static User map(org.jooq.Record r) {
        return new User(r.get(APP_USER.ID), r.get(APP_USER.LOGIN), r.get(APP_USER.FULL_NAME), r.get(APP_USER.EMAIL),
                Role.ofCode(r.get(APP_USER.ROLE_CODE)), r.get(APP_USER.TEAM_ID), r.get(APP_USER.CAN_EXPORT),
                r.get(APP_USER.ACTIVE), r.get(APP_USER.VERSION));
    }

    public long insert(User u, String passwordHash) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.LOGIN, u.login())
                .set(APP_USER.FULL_NAME, u.fullName())
                .set(APP_USER.EMAIL, u.email())
                .set(APP_USER.ROLE_CODE, u.role().code())
                .set(APP_USER.TEAM_ID, u.teamId())
                .set(APP_USER.CAN_EXPORT, u.canExport())
                .set(APP_USER.ACTIVE, u.active())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .returning(APP_USER.ID).fetchOne(APP_USER.ID);
    }

    public void update(User u) {
        int n = dsl.update(APP_USER)
                .set(APP_USER.FULL_NAME, u.fullName())
                .set(APP_USER.EMAIL, u.email())
                .set(APP_USER.ROLE_CODE, u.role().code())
                .set(APP_USER.TEAM_ID, u.teamId())
                .set(APP_USER.CAN_EXPORT, u.canExport())
                .set(APP_USER.ACTIVE, u.active())
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(u.id()).and(APP_USER.VERSION.eq(u.version())))
                .execute();
        if (n == 0) {
            throw new ConcurrentEditException("user", u.id());
        }
    }

    public Optional<User> findById(long id) {
        return dsl.select(PERSON).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional(UserRepository::map);
    }

    public Optional<User> findByLogin(String login) {
        return dsl.select(PERSON).from(APP_USER).where(APP_USER.LOGIN.eq(login)).fetchOptional(UserRepository::map);
    }

    /** The hash of a login's password; on a person's own PostgreSQL login only that login's own. */
    public Optional<String> passwordHash(String login) {
        if (hashesHidden) {
            return Optional.ofNullable(dsl.select(DSL.function("deskcrm_own_password_hash", String.class, DSL.val(login)))
                    .fetchOne(0, String.class));
        }
        return dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.LOGIN.eq(login))
                .fetchOptional(APP_USER.PASSWORD_HASH);
    }

    public void setPasswordHash(long userId, String hash) {
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).where(APP_USER.ID.eq(userId)).execute();
    }

    /** Sets the password of a person who has none yet; false when the person has one (or is gone). */
    public boolean setFirstPasswordHash(long userId, String hash) {
        if (hashesHidden) {
            return !Boolean.TRUE.equals(dsl.select(DSL.function("deskcrm_has_password", Boolean.class, DSL.val(userId)))
                    .fetchOne(0, Boolean.class))
                    && dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).where(APP_USER.ID.eq(userId)).execute() == 1;
        }
        return dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash)
                .where(APP_USER.ID.eq(userId).and(APP_USER.PASSWORD_HASH.isNull())).execute() == 1;
    }

    /** Remembers the time of a successful sign-in. */
    public void touchSignIn(long userId, java.time.Instant at) {
        dsl.update(APP_USER).set(APP_USER.LAST_LOGIN_AT, Times.odt(at)).where(APP_USER.ID.eq(userId)).execute();
    }

    /** Ids of the users that have no password yet (the demo data's people, a new installation's admin). */
    public List<Long> idsWithoutPassword(Role exceptRole) {
        return dsl.select(APP_USER.ID).from(APP_USER)
                .where(APP_USER.PASSWORD_HASH.isNull().and(APP_USER.ROLE_CODE.ne(exceptRole.code())))
                .orderBy(APP_USER.ID).fetch(APP_USER.ID);
    }

    /** Whether an active administrator with a password exists (else the first start must set one). */
    public boolean hasAdminWithPassword() {
        if (hashesHidden) {
            return Boolean.TRUE.equals(dsl.select(DSL.function("deskcrm_admin_has_password", Boolean.class))
                    .fetchOne(0, Boolean.class));
        }
        return dsl.fetchExists(APP_USER, APP_USER.ROLE_CODE.eq(Role.ADMIN.code())
                .and(APP_USER.ACTIVE.isTrue()).and(APP_USER.PASSWORD_HASH.isNotNull()));
    }

    public Optional<Team> findTeam(long id) {
        return dsl.selectFrom(TEAM).where(TEAM.ID.eq(id))
                .fetchOptional(r -> new Team(r.getId(), r.getName(), r.getSupervisorId(), r.getVersion()));
    }

    /** Renames a team and sets its supervisor if nobody changed it since {@code t.version()}. */
    public void updateTeam(Team t) {
        int n = dsl.update(TEAM).set(TEAM.NAME, t.name()).set(TEAM.SUPERVISOR_ID, t.supervisorId())
                .set(TEAM.VERSION, TEAM.VERSION.plus(1))
                .where(TEAM.ID.eq(t.id()).and(TEAM.VERSION.eq(t.version()))).execute();
        if (n == 0) {
            throw new ConcurrentEditException("team", t.id());
        }
    }

    public boolean teamNameTaken(String name, Long exceptId) {
        return dsl.fetchExists(TEAM, DSL.lower(TEAM.NAME).eq(name.toLowerCase(java.util.Locale.ROOT))
                .and(exceptId == null ? DSL.noCondition() : TEAM.ID.ne(exceptId)));
    }

    public boolean loginTaken(String login) {
        return dsl.fetchExists(APP_USER, DSL.lower(APP_USER.LOGIN).eq(login.toLowerCase(java.util.Locale.ROOT)));
    }

    public List<User> findAll() {
        return dsl.select(PERSON).from(APP_USER).orderBy(APP_USER.FULL_NAME).fetch(UserRepository::map);
    }

    public List<User> findActiveByRole(Role role) {
        return dsl.select(PERSON).from(APP_USER).where(APP_USER.ROLE_CODE.eq(role.code()).and(APP_USER.ACTIVE.isTrue()))
                .orderBy(APP_USER.FULL_NAME).fetch(UserRepository::map);
    }

    public int count() {
        return dsl.fetchCount(APP_USER);
    }

    public long insertTeam(String name, Long supervisorId) {
        return dsl.insertInto(TEAM, TEAM.NAME, TEAM.SUPERVISOR_ID).values(name, supervisorId)
                .returning(TEAM.ID).fetchOne(TEAM.ID);
    }

    public void setTeamSupervisor(long teamId, Long supervisorId) {
        dsl.update(TEAM).set(TEAM.SUPERVISOR_ID, supervisorId).set(TEAM.VERSION, TEAM.VERSION.plus(1))
                .where(TEAM.ID.eq(teamId)).execute();
    }

    public List<Team> findTeams() {
        return dsl.selectFrom(TEAM).orderBy(TEAM.NAME)
                .fetch(r -> new Team(r.getId(), r.getName(), r.getSupervisorId(), r.getVersion()));
    }
}
