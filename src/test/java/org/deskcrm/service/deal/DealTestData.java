package org.deskcrm.service.deal;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.Database;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A database with defaults, two managers, and helpers to make clients and deals. */
final class DealTestData implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    private static final AtomicInteger SEQ = new AtomicInteger();

    final AppContext ctx;
    final long anna;
    final long boris;

    DealTestData(Database db) {
        this(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    DealTestData(Database db, Clock clock) {
        ctx = new AppContext(db, clock);
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        int n = SEQ.incrementAndGet();
        anna = ctx.users().insert(User.draft("anna" + n, "Anna Petrova", Role.MANAGER, null), null);
        boris = ctx.users().insert(User.draft("boris" + n, "Boris Ivanov", Role.MANAGER, null), null);
    }

    Pipeline sales() {
        return ctx.pipelines().findByCode("sales").orElseThrow();
    }

    List<Stage> open() {
        return sales().stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
    }

    long won() {
        return sales().stageOfKind(StageKind.WON).id();
    }

    long lost() {
        return sales().stageOfKind(StageKind.LOST).id();
    }

    long anyLostReason() {
        return ctx.pipelines().lostReasons().keySet().iterator().next();
    }

    long client(String name, long owner, String region, Channel... channels) {
        Client c = Client.draft(ClientKind.COMPANY, name + " " + SEQ.incrementAndGet()).withOwner(owner)
                .withDetails(null, region, null, null, null, null, List.of());
        return ctx.clients().save(new ClientCard(c, List.of(), List.of(channels)), owner).id();
    }

    long client(String name) {
        return client(name, anna, null, Channel.ofClient(ChannelKind.PHONE, "+7 495 100-" + String.format("%02d-%02d",
                SEQ.incrementAndGet() % 100, SEQ.incrementAndGet() % 100)));
    }

    Deal draft(String title, long clientId, long owner, long stageId, String amount) {
        return Deal.draft(title, clientId, owner, sales().id(), stageId, new BigDecimal(amount));
    }

    @Override
    public void close() {
        ctx.close();
    }
}
