package org.deskcrm.persistence.imports;

import org.deskcrm.persistence.Database;
import org.deskcrm.model.common.ConcurrentEditException;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.IMPORT_PROFILE;

/**
 * Saved import profiles: a name per target and the settings as text (encoded by the service).
 * Rows are returned as {@link Stored} so that the text format stays the service's business.
 */
public class ImportProfileRepository {
    /** One stored profile: id, name, target code, settings text and version. */
    public record Stored(long id, String name, String entity, String settings, long version) {
    }

    private final DSLContext dsl;

    public ImportProfileRepository(Database db) {
        this.dsl = db.dsl();
    }

    public List<Stored> byEntity(String entity) {
        return dsl.selectFrom(IMPORT_PROFILE).where(IMPORT_PROFILE.ENTITY.eq(entity))
                .orderBy(IMPORT_PROFILE.NAME).fetch(ImportProfileRepository::stored);
    }

    public Optional<Stored> find(String entity, String name) {
        return dsl.selectFrom(IMPORT_PROFILE)
                .where(IMPORT_PROFILE.ENTITY.eq(entity).and(IMPORT_PROFILE.NAME.eq(name)))
                .fetchOptional(ImportProfileRepository::stored);
    }

    /**
     * Inserts the profile, or updates the one of the same target and name if its version is still
     * {@code expectedVersion} (null: overwrite whatever is stored); returns the stored row.
     */
    public Stored save(String entity, String name, String settings, Long expectedVersion, Long userId, Instant now) {
        return dsl.transactionResult(() -> {
            Optional<Stored> old = find(entity, name);
            if (old.isEmpty()) {
                long id = dsl.insertInto(IMPORT_PROFILE)
                        .set(IMPORT_PROFILE.NAME, name)
                        .set(IMPORT_PROFILE.ENTITY, entity)
                        .set(IMPORT_PROFILE.SETTINGS, settings)
                        .set(IMPORT_PROFILE.CREATED_BY, userId)
                        .set(IMPORT_PROFILE.CREATED_AT, odt(now))
                        .set(IMPORT_PROFILE.VERSION, 0L)
                        .returning(IMPORT_PROFILE.ID).fetchOne(IMPORT_PROFILE.ID);
                return new Stored(id, name, entity, settings, 0);
            }
            Stored s = old.get();
            long expected = expectedVersion == null ? s.version() : expectedVersion;
            int n = dsl.update(IMPORT_PROFILE)
                    .set(IMPORT_PROFILE.SETTINGS, settings)
                    .set(IMPORT_PROFILE.VERSION, expected + 1)
                    .where(IMPORT_PROFILE.ID.eq(s.id()).and(IMPORT_PROFILE.VERSION.eq(expected))).execute();
            if (n == 0) {
                throw new ConcurrentEditException("import_profile", s.id());
            }
            return new Stored(s.id(), name, entity, settings, expected + 1);
        });
    }

    public boolean delete(long id) {
        return dsl.deleteFrom(IMPORT_PROFILE).where(IMPORT_PROFILE.ID.eq(id)).execute() > 0;
    }

    private static Stored stored(Record r) {
        return new Stored(r.get(IMPORT_PROFILE.ID), r.get(IMPORT_PROFILE.NAME), r.get(IMPORT_PROFILE.ENTITY),
                r.get(IMPORT_PROFILE.SETTINGS), r.get(IMPORT_PROFILE.VERSION));
    }
}
