package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property over random data: deals created, moved forward, won, lost and reopened at random moments through
 * the real deal service (repeat orders too: deals won long after the period they were created in), random
 * calls; for random periods, every report as the administrator and as a manager keeps every ratio of a
 * part over its whole (conversion, productivity, FCR, shares, win rate…) within 0–100 %.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2ShareRangePropertyTest {
    static final Instant NOW = Instant.parse("2026-07-01T09:00:00Z");
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final long SEED = 20261206L;

    AppContext ctx;
    ReportData data;
    List<Long> users = new ArrayList<>();
    long team;

    @BeforeAll
    void fill() {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        data = new ReportData(ctx);
        SplittableRandom rnd = new SplittableRandom(SEED);
        team = data.team("Team");
        for (String login : List.of("ann", "bob", "cid")) {
            users.add(data.user(login, login.equals("cid") ? null : team));
        }
        List<Long> sources = new ArrayList<>(ctx.pipelines().leadSources().keySet());
        List<Long> reasons = new ArrayList<>(ctx.pipelines().lostReasons().keySet());
        List<Pipeline> pipelines = List.of(data.pipeline("sales"), data.pipeline("leadgen"));
        long span = NOW.getEpochSecond() - START.getEpochSecond();
        for (int i = 0; i < 160; i++) {
            long owner = users.get(rnd.nextInt(users.size()));
            long client = data.client("Client " + i, owner, START);
            Pipeline p = pipelines.get(rnd.nextInt(pipelines.size()));
            List<Stage> open = p.stages().stream().filter(s -> s.kind() == StageKind.OPEN)
                    .sorted(Comparator.comparingInt(Stage::order)).toList();
            Stage won = p.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
            Stage lost = p.stages().stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow();
            Instant at = START.plusSeconds(rnd.nextLong(span * 3 / 4));
            Long source = rnd.nextInt(5) == 0 ? null : sources.get(rnd.nextInt(sources.size()));
            long deal = data.deal(client, owner, p, open.get(0), Integer.toString(100 + rnd.nextInt(5000)), source,
                    ScoreBand.values()[rnd.nextInt(ScoreBand.values().length)], null, at);
            int moves = rnd.nextInt(5);
            for (int m = 0; m < moves; m++) {
                at = at.plusSeconds(1 + rnd.nextLong(Math.max(1, (NOW.getEpochSecond() - at.getEpochSecond()) / 2)));
                if (!at.isBefore(NOW)) {
                    break;
                }
                int pick = rnd.nextInt(10);
                if (pick < 3) {
                    data.move(deal, won, at);
                } else if (pick < 5) {
                    data.move(deal, lost, reasons.get(rnd.nextInt(reasons.size())), at);
                } else {
                    data.move(deal, open.get(rnd.nextInt(open.size())), at); // forward, back, or reopened
                }
            }
        }
        for (int i = 0; i < 300; i++) {
            Instant at = START.plusSeconds(rnd.nextLong(span));
            long phoneOwner = rnd.nextInt(20);
            data.call(users.get(rnd.nextInt(users.size())), rnd.nextBoolean() ? CallDirection.IN : CallDirection.OUT,
                    CallStatus.values()[rnd.nextInt(CallStatus.values().length)], at, rnd.nextInt(600),
                    "+7900000" + (1000 + phoneOwner), null);
        }
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    void everyShareOfEveryReportStaysWithinZeroAndOneHundredPercent() {
        SplittableRandom rnd = new SplittableRandom(SEED + 1);
        List<ReportCatalog> catalogs = List.of(catalog(AccessScope.all()), catalog(AccessScope.owner(users.get(0), team)),
                catalog(AccessScope.team(team)));
        List<String> out = new ArrayList<>();
        int tables = 0;
        int repeatOrders = 0; // rows where more deals were won than leads came in: won deals / leads would pass 100 %
        for (int i = 0; i < 12; i++) {
            LocalDate from = LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(170));
            LocalDate to = from.plusDays(rnd.nextInt(90));
            ReportFilter f = ReportFilter.period(from, to);
            for (ReportCatalog c : catalogs) {
                for (Report r : c.all()) {
                    if (r.name().equals(LeadSourcesReport.NAME)) {
                        org.deskcrm.model.report.ReportTable t = r.run(f);
                        repeatOrders += (int) t.rows().stream().filter(row -> (Long) t.value(row.key(), "won_deals")
                                > (Long) t.value(row.key(), "leads")).count();
                    }
                    out.addAll(DemoReportsContract.sharesOutOfRange(r.run(f)).stream().map(s -> f.from() + ".." + f.to() + " " + s)
                            .toList());
                    tables++;
                }
            }
        }
        assertThat(out).as("seed %d", SEED).isEmpty();
        assertThat(repeatOrders).as("the data has the case that made conversion pass 100 %").isPositive();
        assertThat(tables).isGreaterThan(12 * 3 * 15);
    }

    ReportCatalog catalog(AccessScope scope) {
        return new ReportCatalog(new ReportSupport(ctx.database(), ctx.settings(), ctx.clock()).restrictedTo(() -> scope));
    }
}
