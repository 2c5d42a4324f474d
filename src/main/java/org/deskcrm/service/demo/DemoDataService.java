package org.deskcrm.service.demo;

import org.deskcrm.model.common.AppException;
import org.deskcrm.persistence.BulkWriter;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DemoRepository;
import org.deskcrm.persistence.totals.DealTotals;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.service.client.ClientValidator;
import org.deskcrm.service.client.PhoneNormalizer;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.settings.ReferenceDataService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates realistic, reproducible demo data (the same seed, size, locale and clock give the same
 * records): users in two teams, clients with contacts and channels, deals across the three default
 * pipelines with their full stage history, sales and receivables, calls, tasks, activities, needs,
 * goals and lead-source costs. Rows go through {@link BulkWriter} in batches, so the 100 000-client
 * benchmark set takes minutes, not hours (into an empty database the secondary indexes are dropped for
 * the load and built once at its end). Refuses a database that already holds working data unless
 * forced; a cancelled or failed run removes what it had written, and a killed one is removed at the
 * next start (its undo plan is in the {@code bulk_load} journal; the start-up schema check rebuilds
 * the dropped indexes and keys and moves the identities: ADR 0010).
 */
public class DemoDataService {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataService.class);
    private static final int FLUSH_ROWS = 5_000;
    private static final int COMMIT_ROWS = 100_000;
    private static final double UNKNOWN_CALL_SHARE = 0.06;
    /** The tables whose secondary indexes are built after the load rather than kept during it. */
    private static final List<String> LOADED_TABLES = List.of("client", "contact", "channel", "deal", "deal_line",
            "deal_stage_history", "sale", "client_need", "phone_call", "missed_call", "task", "activity");

    private final Database db;
    private final PhoneNormalizer phones;
    private final ReferenceDataService referenceData;
    private final Clock clock;
    private final DemoRepository repo;
    private final SettingsRepository settings;

    public DemoDataService(Database db, PhoneNormalizer phones, ReferenceDataService referenceData, Clock clock) {
        this.db = db;
        this.phones = phones;
        this.referenceData = referenceData;
        this.clock = clock;
        this.repo = new DemoRepository(db);
        this.settings = new SettingsRepository(db);
    }

    /** Fills an empty database; runs on a worker thread, reports progress, stops when cancelled. */
    public DemoResult generate(DemoSize size, Locale locale, long seed, Progress progress) {
        return generate(size, locale, seed, false, progress);
    }

    /**
     * Fills the database; with {@code force} also one that already holds clients, deals, calls or
     * tasks (the demo records are then added to them). Throws {@link AppException}
     * {@code demo.error.notEmpty} otherwise, and {@link DemoCancelledException} when cancelled.
     */
    public DemoResult generate(DemoSize size, Locale locale, long seed, boolean force, Progress progress) {
        long started = System.nanoTime();
        referenceData.ensureDefaults(locale);
        if (!force && repo.hasWorkingData()) {
            throw new AppException("demo.error.notEmpty");
        }
        Map<String, String> config = settings.all();
        ZoneId zone = SettingsRepository.businessZone(config.get(SettingsRepository.BUSINESS_TIME_ZONE));
        Instant now = clock.instant();
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean russian = "ru".equals(locale.getLanguage());
        if (!force) {
            // the demo company's numbers are mostly of its own country: read national numbers as such
            new org.deskcrm.service.settings.BusinessRegionService(settings, phones).change(russian ? "RU" : "US");
        }
        Vocabulary main = russian ? Vocabulary.inRussian() : Vocabulary.inEnglish();
        Vocabulary other = russian ? Vocabulary.inEnglish() : Vocabulary.inRussian();
        boolean listEntries = repo.counts(List.of("phone_list_entry")).get("phone_list_entry") == 0;
        boolean sourceCosts = repo.counts(List.of("lead_source_cost")).get("lead_source_cost") == 0;

        Map<String, Long> written;
        try (BulkWriter writer = new BulkWriter(db, FLUSH_ROWS, COMMIT_ROWS)) {
            DemoTables t = new DemoTables(writer, repo);
            WorldBuilder builder = new WorldBuilder(repo, referenceData);
            List<String> dropped = List.of();
            try {
                progress.update("demo.step.reference", 0, 1);
                DemoWorld world = builder.build(t, size, main, other, now, zone, config, rnd);
                // the undo plan is committed with the first rows: a killed run is undone at the next start
                writer.beginJournal("demo", t.undoSteps(builder.firstManagerId == 0 ? Long.MAX_VALUE : builder.firstManagerId));
                if (!force) {
                    dropped = repo.dropSecondaryIndexes(LOADED_TABLES);
                }
                Facts facts = new Facts(zone);
                ClientGenerator clients = new ClientGenerator(world, t, facts, new PhoneBook(phones),
                        new ClientValidator(phones));
                int unknownCalls = (int) Math.round(size.calls() * UNKNOWN_CALL_SHARE);
                int[] deals = Allocation.split(size.deals(), Allocation.dealWeights(size.clients(), rnd));
                double[] callWeights = new double[deals.length];
                for (int i = 0; i < deals.length; i++) {
                    callWeights[i] = 1 + deals[i];
                }
                int[] calls = Allocation.split(size.calls() - unknownCalls, callWeights);
                for (int i = 0; i < size.clients(); i++) {
                    clients.generate(deals[i], calls[i], rnd);
                    writer.flushIfFull();
                    if (i % 250 == 0) {
                        progress.update("demo.step.clients", i, size.clients());
                        checkCancelled(progress);
                    }
                }
                progress.update("demo.step.calls", 0, unknownCalls);
                clients.calls().unknown(unknownCalls, listEntries, rnd);
                writer.flushIfFull();
                checkCancelled(progress);
                progress.update("demo.step.plans", 0, 1);
                PlanGenerator plans = new PlanGenerator(world, t, facts);
                plans.goals(rnd);
                if (sourceCosts) {
                    plans.sourceCosts(rnd);
                }
                writer.flush();
                checkCancelled(progress);
                writer.commit();
                progress.update("demo.step.indexes", 0, dropped.size());
                repo.createIndexes(dropped);
                dropped = List.of();
                progress.update("demo.step.finish", 0, 1);
                t.nextIds().forEach(repo::restartIdentity);
                new DealTotals(db.dsl()).rebuild(zone, step -> { });
                new org.deskcrm.persistence.totals.CallTotals(db.dsl()).rebuild(step -> { });
                new org.deskcrm.persistence.totals.ActivityTotals(db.dsl()).rebuild(zone, step -> { });
                writer.endJournal();
            } catch (RuntimeException e) {
                undo(writer, t, builder.firstManagerId, dropped, e);
                throw e;
            }
            written = writer.written();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Demo data generated in {} s: {}", elapsed.toSeconds(), written);
        progress.update("demo.step.finish", 1, 1);
        return new DemoResult(written, elapsed);
    }

    private static void checkCancelled(Progress progress) {
        if (progress.isCancelled()) {
            throw new DemoCancelledException();
        }
    }

    /** Rolls back what was not committed and deletes what was, newest tables first. */
    private void undo(BulkWriter writer, DemoTables t, long firstManagerId, List<String> droppedIndexes,
                      RuntimeException cause) {
        try {
            writer.rollback();
            repo.createIndexes(droppedIndexes);
            for (String[] step : t.undoSteps(firstManagerId == 0 ? Long.MAX_VALUE : firstManagerId)) {
                repo.deleteFrom(step[0], step[1], Long.parseLong(step[2]));
            }
            writer.endJournal();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.error("Could not remove partly generated demo data", e);
        }
    }

}
