package org.deskcrm.bench;

import org.deskcrm.model.client.ClientListPage;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.client.ClientSort;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a manager waits for in the window, measured at the service call the view model submits to its
 * background executor (the FX rendering of 200 rows adds a few ms on top): a client list page in each
 * order (first page and the next one, as scrolling loads it), the list's count, a client card with its
 * timeline, and the global search as typed (names, phone fragments, INNs, deal titles).
 */
final class UiActionsBenchmark implements Benchmark {
    static final double TARGET_MS = 50;
    private static final int PAGE = 200; // ClientListViewModel.PAGE_SIZE
    private static final int TIMELINE_PER_KIND = 200; // ClientTimelineModel.PER_KIND
    private static final int SEARCH_LIMIT = 8; // GlobalSearchViewModel.LIMIT

    @Override
    public String name() {
        return "ui";
    }

    @Override
    public void run(BenchEnv env, Results results) throws Exception {
        var ctx = env.ctx();
        var ds = ctx.database().dataSource();
        int n = env.iterations();
        int warm = Math.min(20, n);
        for (ClientSort sort : ClientSort.values()) {
            ClientQuery q = ClientQuery.DEFAULT.withSort(sort, sort != ClientSort.NAME);
            results.latency("ui", "client list page 1+2, by " + sort.name().toLowerCase(), Samples.time(warm, n, i -> {
                ClientListPage first = ctx.clientList().page(q, null, PAGE);
                if (first.next() != null) {
                    ctx.clientList().page(q, first.next(), PAGE);
                }
            }), TARGET_MS, "two keyset pages of 200");
        }
        results.latency("ui", "client list count", Samples.time(warm, n, i -> ctx.clientList().count(ClientQuery.DEFAULT)),
                TARGET_MS, "all clients, no filter");

        List<String> ids = Sql.strings(ds, "select id from client order by id");
        SplittableRandom rnd = new SplittableRandom(9);
        List<Long> picks = new ArrayList<>();
        for (int i = 0; i < warm + n; i++) {
            picks.add(Long.parseLong(ids.get(rnd.nextInt(ids.size()))));
        }
        results.latency("ui", "client card open", Samples.time(warm, n, i -> {
            ctx.clients().load(picks.get(i));
            ctx.clientTimeline().timeline(picks.get(i), TIMELINE_PER_KIND);
        }), TARGET_MS, "card + timeline of a random client");

        List<String> terms = searchTerms(ds, rnd, warm + n);
        results.latency("ui", "global search", Samples.time(warm, n,
                i -> ctx.globalSearch().search(terms.get(i), SEARCH_LIMIT)), TARGET_MS,
                "name prefixes, phone tails, INN prefixes, deal titles");
    }

    /** A mix of what people type: three letters of a name, the last 7 digits of a phone, an INN's start, a deal word. */
    private static List<String> searchTerms(javax.sql.DataSource ds, SplittableRandom rnd, int count) throws Exception {
        List<String> names = Sql.strings(ds, "select name from client where id % 97 = 0");
        List<String> phones = Sql.strings(ds, "select value_norm from channel where kind_code = 'phone' and id % 97 = 0");
        List<String> inns = Sql.strings(ds, "select inn from client where inn is not null and id % 97 = 0");
        List<String> titles = Sql.strings(ds, "select title from deal where id % 997 = 0");
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String t = switch (i % 4) {
                case 0 -> pick(names, rnd, s -> s.length() > 3 ? s.substring(0, 3) : s);
                case 1 -> pick(phones, rnd, s -> s.length() > 7 ? s.substring(s.length() - 7) : s);
                case 2 -> pick(inns, rnd, s -> s.length() > 5 ? s.substring(0, 5) : s);
                default -> pick(titles, rnd, s -> s.split(" ")[0]);
            };
            terms.add(t == null || t.length() < 2 ? "ab" : t);
        }
        return terms;
    }

    private static String pick(List<String> from, SplittableRandom rnd, java.util.function.UnaryOperator<String> cut) {
        return from.isEmpty() ? null : cut.apply(from.get(rnd.nextInt(from.size())));
    }
}
