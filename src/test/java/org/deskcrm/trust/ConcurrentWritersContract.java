package org.deskcrm.trust;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 20 writers on the same three records (two client cards, one deal) through the real services, each
 * with its own connection: a writer reads, increments a counter (client notes, deal amount), saves;
 * a {@link ConcurrentEditException} makes it read again and retry. No update may be lost: every
 * counter ends equal to the number of saves that committed on it. Operations per writer: system
 * property {@code deskcrm.load.ops} (default 12, a fast run; the heavy run uses 200).
 */
abstract class ConcurrentWritersContract {
    static final int WRITERS = 20;
    static final int OPS = Integer.getInteger("deskcrm.load.ops", 12);

    /** The shared database every writer connects to (a server: H2 TCP or PostgreSQL). */
    abstract DatabaseConfig sharedDatabase();

    abstract String label();

    @Test
    void twentyWritersLoseNoUpdate() throws Exception {
        try (Database db = Database.open(sharedDatabase(), WRITERS + 2)) {
            AppContext ctx = new AppContext(db, Clock.systemUTC());
            long admin = ctx.ensureReferenceData(Locale.ENGLISH);
            long[] clients = new long[2];
            for (int i = 0; i < 2; i++) {
                Client c = Client.draft(ClientKind.COMPANY, "Shared " + i).withOwner(admin)
                        .withDetails(null, null, null, null, null, "0", List.of());
                clients[i] = ctx.clients().save(new ClientCard(c, List.of(), List.<Channel>of()), admin).id();
            }
            Pipeline sales = ctx.pipelines().findByCode("sales").orElseThrow();
            long stage = sales.stages().stream().filter(s -> s.kind() == StageKind.OPEN).findFirst().orElseThrow().id();
            long deal = ctx.dealFeature().deals().create(
                    Deal.draft("Shared deal", clients[0], admin, sales.id(), stage, BigDecimal.ZERO), List.of(), admin).id();

            AtomicLong[] commits = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
            AtomicLong conflicts = new AtomicLong();
            AtomicLong otherRetries = new AtomicLong();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int op = 0; op < OPS; op++) {
                        int target = (writer + op) % 3;
                        while (true) {
                            try {
                                if (target < 2) {
                                    ClientCard card = ctx.clients().load(clients[target]);
                                    Client c = card.client();
                                    String next = String.valueOf(Long.parseLong(c.notes()) + 1);
                                    ctx.clients().save(new ClientCard(c.withDetails(c.address(), c.region(), c.industry(),
                                            c.website(), c.sourceId(), next, c.tags()), card.contacts(), card.channels()), admin);
                                } else {
                                    Deal d = ctx.dealFeature().deals().find(deal);
                                    ctx.dealFeature().deals().update(new Deal(d.id(), d.title(), d.clientId(), d.contactId(),
                                            d.ownerId(), d.pipelineId(), d.stageId(), d.amount().add(BigDecimal.ONE),
                                            d.expectedClose(), d.sourceId(), d.score(), d.band(), d.lostReasonId(),
                                            d.lostNote(), d.createdAt(), d.stageChangedAt(), d.closedAt(), d.version()),
                                            List.of(), admin);
                                }
                                commits[target].incrementAndGet();
                                break;
                            } catch (ConcurrentEditException e) {
                                conflicts.incrementAndGet();
                            } catch (org.deskcrm.model.common.AppException e) {
                                throw e;
                            } catch (RuntimeException e) {
                                // a lock timeout or deadlock victim: the transaction rolled back, nothing was written
                                otherRetries.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - t0) / 1e9;

            long total = commits[0].get() + commits[1].get() + commits[2].get();
            assertThat(total).isEqualTo((long) WRITERS * OPS);
            for (int i = 0; i < 2; i++) {
                assertThat(Long.parseLong(ctx.clients().load(clients[i]).client().notes()))
                        .as("client %d counter", i).isEqualTo(commits[i].get());
            }
            assertThat(ctx.dealFeature().deals().find(deal).amount()).isEqualByComparingTo(BigDecimal.valueOf(commits[2].get()));
            assertThat(ctx.clients().load(clients[0]).client().version()).isEqualTo(commits[0].get());
            System.out.printf(Locale.ROOT, "[trust] concurrent writers on %s: %d writers x %d ops, %d commits,"
                            + " %d conflicts retried, %d lock/deadlock retries, %.1f s, 0 lost updates%n",
                    label(), WRITERS, OPS, total, conflicts.get(), otherRetries.get(), seconds);
        }
    }
}
