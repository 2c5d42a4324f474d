package org.deskcrm.persistence;

import org.deskcrm.model.user.AccessScope;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.PHONE_CALL;
import static org.deskcrm.persistence.jooq.Tables.TASK;

/**
 * The WHERE conditions of an {@link AccessScope}: every read repository adds one of these to its query,
 * so a manager's query cannot return another manager's records whatever the screen asks for.
 */
public final class Visibility {
    private Visibility() {
    }

    /** Records whose owner column is {@code owner}: the user's own, the team's, or all. */
    public static Condition owned(Field<Long> owner, AccessScope scope) {
        return switch (scope.kind()) {
            case ALL -> DSL.noCondition();
            case OWNER -> owner.eq(scope.userId());
            case TEAM -> scope.teamId() == null ? DSL.falseCondition()
                    : owner.in(DSL.select(APP_USER.ID).from(APP_USER).where(APP_USER.TEAM_ID.eq(scope.teamId())));
        };
    }

    /** Records attached to a client the scope sees ({@code clientId} is the record's client column). */
    public static Condition ofVisibleClient(Field<Long> clientId, AccessScope scope) {
        if (scope.isAll()) {
            return DSL.noCondition();
        }
        return clientId.in(DSL.select(CLIENT.ID).from(CLIENT).where(owned(CLIENT.OWNER_ID, scope)));
    }

    /** Clients the scope sees. */
    public static Condition clients(AccessScope scope) {
        return owned(CLIENT.OWNER_ID, scope);
    }

    /**
     * Tasks the scope sees: assigned to the user (or to the team's people), or waiting unassigned in the
     * team's shared queue.
     */
    public static Condition tasks(AccessScope scope) {
        if (scope.isAll()) {
            return DSL.noCondition();
        }
        Condition queue = scope.teamId() == null ? DSL.falseCondition()
                : TASK.ASSIGNEE_ID.isNull().and(TASK.TEAM_ID.eq(scope.teamId()));
        return owned(TASK.ASSIGNEE_ID, scope).or(queue);
    }

    /** Calls the scope sees: taken or made by the user (or the team), or with a client the scope sees. */
    public static Condition calls(AccessScope scope) {
        if (scope.isAll()) {
            return DSL.noCondition();
        }
        return owned(PHONE_CALL.USER_ID, scope).or(ofVisibleClient(PHONE_CALL.CLIENT_ID, scope));
    }
}
