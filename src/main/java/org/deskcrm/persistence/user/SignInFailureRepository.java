package org.deskcrm.persistence.user;

import org.deskcrm.persistence.Database;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.deskcrm.persistence.jooq.Tables.SIGN_IN_FAILURE;

/**
 * Failed sign-in attempts per login in the {@code sign_in_failure} table (V38), so the doubling delay
 * survives a restart of the application and holds for every desktop of a shared database (ADR 0011).
 */
public class SignInFailureRepository {
    /** A login's count of failures and when it may try again (null: it may try now). */
    public record Failures(int count, Instant lockedUntil) {
    }

    private final DSLContext dsl;

    public SignInFailureRepository(Database db) {
        this.dsl = db.dsl();
    }

    public Optional<Failures> find(String login) {
        return dsl.select(SIGN_IN_FAILURE.FAILURES, SIGN_IN_FAILURE.LOCKED_UNTIL).from(SIGN_IN_FAILURE)
                .where(SIGN_IN_FAILURE.LOGIN.eq(login)).fetchOptional()
                .map(r -> new Failures(r.value1(), r.value2() == null ? null : r.value2().toInstant()));
    }

    /**
     * Counts one more failure in one transaction (the row is locked, so two desktops failing at once
     * both count) and stores the lock the caller derives from the new count.
     */
    public Failures fail(String login, Instant at, java.util.function.IntFunction<Instant> lockedUntil) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Record current = tx.select(SIGN_IN_FAILURE.FAILURES).from(SIGN_IN_FAILURE)
                    .where(SIGN_IN_FAILURE.LOGIN.eq(login)).forUpdate().fetchOne();
            int count = current == null ? 1 : current.get(SIGN_IN_FAILURE.FAILURES) + 1;
            Instant until = lockedUntil.apply(count);
            OffsetDateTime untilValue = until == null ? null : until.atOffset(ZoneOffset.UTC);
            OffsetDateTime atValue = at.atOffset(ZoneOffset.UTC);
            if (current == null) {
                tx.insertInto(SIGN_IN_FAILURE, SIGN_IN_FAILURE.LOGIN, SIGN_IN_FAILURE.FAILURES, SIGN_IN_FAILURE.LOCKED_UNTIL,
                        SIGN_IN_FAILURE.LAST_FAILED_AT).values(login, count, untilValue, atValue).execute();
            } else {
                tx.update(SIGN_IN_FAILURE).set(SIGN_IN_FAILURE.FAILURES, count).set(SIGN_IN_FAILURE.LOCKED_UNTIL, untilValue)
                        .set(SIGN_IN_FAILURE.LAST_FAILED_AT, atValue).where(SIGN_IN_FAILURE.LOGIN.eq(login)).execute();
            }
            return new Failures(count, until);
        });
    }

    public void clear(String login) {
        dsl.deleteFrom(SIGN_IN_FAILURE).where(SIGN_IN_FAILURE.LOGIN.eq(login)).execute();
    }
}
