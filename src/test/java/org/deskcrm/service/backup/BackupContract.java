package org.deskcrm.service.backup;

import org.deskcrm.AppContext;
import org.deskcrm.model.backup.BackupInfo;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.backup.BackupRepository;
import org.deskcrm.persistence.backup.RestoreRepository;
import org.deskcrm.persistence.totals.DealTotals;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoSize;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.DEAL_TOTAL;

/**
 * Backup and restore on one database kind: a SMALL demo database plus awkward text is backed up,
 * restored into a fresh database, and every table's rows are compared. Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BackupContract {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:30:00Z"), ZoneOffset.UTC);
    static final String AWKWARD = "Quote \" comma, semicolon; line\nbreak \r\n tab\t — Ёжик «ООО»";

    @TempDir
    Path dir;
    Database source;
    Map<String, List<String>> sourceDump;

    abstract Database openDatabase();

    static BackupService service(Database db) {
        return new BackupService(new BackupRepository(db, CLOCK), new RestoreRepository(db));
    }

    /** A SMALL demo database plus a client with awkward text and an empty (not null) note. */
    static Database fill(Database db) {
        AppContext ctx = new AppContext(db, CLOCK);
        ctx.demoData().generate(DemoSize.SMALL, Locale.forLanguageTag("ru"), 11, Progress.NONE);
        DSLContext dsl = db.dsl();
        long owner = dsl.select(DSL.min(CLIENT.OWNER_ID)).from(CLIENT).fetchOne(0, Long.class);
        long id = dsl.select(DSL.max(CLIENT.ID)).from(CLIENT).fetchOne(0, Long.class);
        dsl.update(CLIENT).set(CLIENT.NAME, AWKWARD).set(CLIENT.NOTES, "").where(CLIENT.ID.eq(id)).execute();
        assertThat(owner).isPositive();
        return db;
    }

    @BeforeAll
    void setUp() {
        source = fill(openDatabase());
        sourceDump = TableDump.of(source);
    }

    @AfterAll
    void tearDown() {
        source.close();
    }

    @Test
    void backupThenRestoreGivesIdenticalDataInEveryTable() {
        Path file = dir.resolve("crm.deskcrm-backup");
        AtomicLong lastDone = new AtomicLong();
        BackupInfo info = service(source).backup(file, (step, done, total) -> lastDone.set(done));
        assertThat(info.rows("client")).isEqualTo(sourceDump.get("client").size());
        assertThat(lastDone.get()).isEqualTo(info.totalRows());
        try (Database target = openDatabase()) {
            BackupInfo restored = service(target).restore(file, false, Progress.NONE);
            assertThat(restored.totalRows()).isEqualTo(info.totalRows());
            Map<String, List<String>> dump = TableDump.of(target);
            assertThat(dump.keySet()).isEqualTo(sourceDump.keySet());
            sourceDump.forEach((table, rows) -> assertThat(dump.get(table)).as(table).isEqualTo(rows));
            assertThat(dump.get("client")).anyMatch(r -> r.contains(AWKWARD));
            // identities continue after the restored ids: a new client gets a fresh id
            long max = target.dsl().select(DSL.max(CLIENT.ID)).from(CLIENT).fetchOne(0, Long.class);
            long id = new AppContext(target, CLOCK).clients().save(new ClientCard(
                    Client.draft(ClientKind.COMPANY, "After restore"), List.of(), List.of()), null).id();
            assertThat(id).isGreaterThan(max);
        }
    }

    @Test
    void restoreRefusesADatabaseWithWorkUnlessForcedAndThenReplacesEverything() {
        Path file = dir.resolve("force.zip");
        service(source).backup(file, Progress.NONE);
        try (Database target = openDatabase()) {
            AppContext ctx = new AppContext(target, CLOCK);
            ctx.ensureReferenceData(Locale.ENGLISH);
            ctx.clients().save(new ClientCard(Client.draft(ClientKind.PERSON, "Someone's work"), List.of(), List.of()), null);
            assertThatThrownBy(() -> service(target).restore(file, false, Progress.NONE))
                    .isInstanceOfSatisfying(AppException.class, e -> assertThat(e.messageKey()).isEqualTo("backup.error.notEmpty"));
            assertThat(service(target).databaseHasWork()).isTrue();
            service(target).restore(file, true, Progress.NONE);
            Map<String, List<String>> dump = TableDump.of(target);
            sourceDump.forEach((table, rows) -> {
                if (!table.equals("audit_event")) {
                    assertThat(dump.get(table)).as(table).isEqualTo(rows);
                }
            });
            // the replaced database's trail is kept, after the restored one (ADR 0011)
            assertThat(dump.get("audit_event")).hasSize(sourceDump.get("audit_event").size() + 1)
                    .anySatisfy(row -> assertThat(row).contains("Someone's work"));
        }
    }

    @Test
    void aCancelledRestoreLeavesTheDatabaseAsItWas() {
        Path file = dir.resolve("cancel.zip");
        service(source).backup(file, Progress.NONE);
        try (Database target = openDatabase()) {
            new AppContext(target, CLOCK).ensureReferenceData(Locale.ENGLISH);
            Map<String, List<String>> before = TableDump.of(target);
            AtomicBoolean cancel = new AtomicBoolean();
            Progress cancelling = new Progress() {
                @Override
                public void update(String stepKey, long done, long total) {
                    cancel.set(done > total / 2);
                }

                @Override
                public boolean isCancelled() {
                    return cancel.get();
                }
            };
            assertThatThrownBy(() -> service(target).restore(file, false, cancelling))
                    .isInstanceOf(CancellationException.class);
            assertThat(TableDump.of(target)).isEqualTo(before);
        }
    }

    @Test
    void aCancelledBackupLeavesNoFile() {
        Path file = dir.resolve("cancelled.zip");
        Progress cancelAtOnce = new Progress() {
            @Override
            public void update(String stepKey, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> service(source).backup(file, cancelAtOnce)).isInstanceOf(CancellationException.class);
        assertThat(file).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }  catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBackupOfANewerSchemaIsRefusedAndNothingChanges() throws IOException {
        Path file = dir.resolve("current.zip");
        service(source).backup(file, Progress.NONE);
        Path newer = dir.resolve("newer.zip");
        rewriteManifest(file, newer, "schemaVersion=", "schemaVersion=999");
        try (Database target = openDatabase()) {
            Map<String, List<String>> before = TableDump.of(target);
            assertThatThrownBy(() -> service(target).restore(newer, false, Progress.NONE))
                    .isInstanceOfSatisfying(AppException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("backup.error.newerSchema");
                        assertThat(e.args()[0]).isEqualTo("999");
                    });
            assertThat(TableDump.of(target)).isEqualTo(before);
        }
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        assertThatThrownBy(() -> service(source).inspect(junk))
                .isInstanceOfSatisfying(AppException.class, e -> assertThat(e.messageKey()).isEqualTo("backup.error.notBackup"));
    }

    /**
     * A backup of an older schema may hold totals of an older layout (the created rows' stage amount, added by V52,
     * restored as its default 0 beside the register's "built" row): the restore builds the totals again from the
     * restored records, so a rebuild afterwards finds nothing to repair.
     */
    @Test
    void aBackupOfAnOlderSchemaGetsItsTotalsBuiltAgain() throws IOException {
        Path file = dir.resolve("old-layout.zip");
        source.dsl().update(DEAL_TOTAL).set(DEAL_TOTAL.STAGE_AMOUNT, BigDecimal.ZERO).execute();
        try {
            service(source).backup(file, Progress.NONE);
        } finally {
            assertThat(new DealTotals(source.dsl()).rebuild(step -> { }).repaired()).isPositive();
        }
        Path older = dir.resolve("older.zip");
        rewriteManifest(file, older, "schemaVersion=", "schemaVersion=51");
        try (Database target = openDatabase()) {
            service(target).restore(older, false, Progress.NONE);
            assertThat(new DealTotals(target.dsl()).rebuild(step -> { }).repaired()).isZero();
        }
    }

    /**
     * A writer keeps setting two clients' notes to the same counter in one transaction while the backup
     * runs: the backup is a single snapshot, so the restored pair always agrees.
     */
    @Test
    void theBackupIsOneSnapshotWhileOthersWrite() throws Exception {
        try (Database live = fill(openDatabase())) {
            List<Long> ids = live.dsl().select(CLIENT.ID).from(CLIENT).orderBy(CLIENT.ID).limit(2).fetch(CLIENT.ID);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong commits = new AtomicLong();
            Thread writer = new Thread(() -> {
                long n = 0;
                while (!stop.get()) {
                    String v = "pair " + (++n);
                    live.inTransaction(() -> {
                        live.dsl().update(CLIENT).set(CLIENT.NOTES, v).where(CLIENT.ID.eq(ids.get(0))).execute();
                        live.dsl().update(CLIENT).set(CLIENT.NOTES, v).where(CLIENT.ID.eq(ids.get(1))).execute();
                    });
                    commits.incrementAndGet();
                }
            });
            writer.start();
            Path file = dir.resolve("live.zip");
            try {
                while (commits.get() < 5) {
                    Thread.onSpinWait();
                }
                // the client table is read after other tables: slow the copy so the writer commits meanwhile
                service(live).backup(file, (step, done, total) -> sleepQuietly());
            } finally {
                stop.set(true);
                writer.join();
            }
            try (Database target = openDatabase()) {
                service(target).restore(file, false, Progress.NONE);
                List<String> notes = target.dsl().select(CLIENT.NOTES).from(CLIENT).where(CLIENT.ID.in(ids)).fetch(CLIENT.NOTES);
                assertThat(notes).hasSize(2);
                assertThat(notes.get(0)).startsWith("pair ").isEqualTo(notes.get(1));
            }
            assertThat(commits.get()).isGreaterThan(5);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void rewriteManifest(Path from, Path to, String linePrefix, String replacement) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream raw = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(raw)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    if (e.getName().equals("manifest.properties")) {
                        String text = new String(data.readAllBytes(), StandardCharsets.UTF_8);
                        text = text.replaceAll("(?m)^" + linePrefix + ".*$", replacement);
                        out.write(text.getBytes(StandardCharsets.UTF_8));
                    } else {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }
}
