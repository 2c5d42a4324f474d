package org.deskcrm.cli.migration;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated company in the shape of the public "CRM sales opportunities" data set: accounts.csv,
 * products.csv, sales_teams.csv and sales_pipeline.csv, with that set's habits: opportunities over 15
 * months, Prospecting rows without an engage date, open rows without a close date or value, lost rows
 * with close value 0, a share of rows without an account, and the pipeline spelling a product
 * ("GTXPro") differently from the catalogue ("GTX Pro"). Deterministic for a seed.
 */
public final class Company {
    /** The first and the last day any date of the company falls on. */
    public static final LocalDate FIRST = LocalDate.of(2016, 10, 1);
    public static final LocalDate LAST = LocalDate.of(2017, 12, 31);
    public static final String PROSPECTING = "Prospecting";
    public static final String ENGAGING = "Engaging";
    public static final String WON = "Won";
    public static final String LOST = "Lost";

    /** One sales agent of sales_teams.csv. */
    public record Agent(String name, String manager, String office) {
    }

    /** One product of products.csv; {@code pipelineName} is how sales_pipeline.csv spells it. */
    public record Product(String name, String series, BigDecimal price, String pipelineName) {
    }

    /** One account of accounts.csv. */
    public record Account(String name, String sector, int established, BigDecimal revenue, int employees,
                          String location, String parent) {
    }

    /** One row of sales_pipeline.csv; dates and value null where the file's cell is empty. */
    public record Opportunity(String id, String agent, String product, String account, String stage,
                              LocalDate engaged, LocalDate closed, BigDecimal value) {
    }

    private static final String[] FIRST_NAMES = {"Alma", "Bruno", "Celine", "Dorian", "Edith", "Felix", "Greta",
        "Hugo", "Ines", "Jonas", "Klara", "Lionel", "Mira", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Stefan",
        "Tamara", "Ulrich", "Vera", "Walter", "Xenia", "Yusuf", "Zora", "Arne", "Bettina", "Cyril", "Dana",
        "Emil", "Fiona", "Gideon", "Hanna", "Ivo", "Jana", "Kurt", "Lena"};
    private static final String[] LAST_NAMES = {"Abendroth", "Brenneke", "Castellan", "Dunmore", "Eckhart",
        "Falkner", "Gossage", "Hallworth", "Imbery", "Jessup", "Kettering", "Lindqvist", "Marchetti", "Norrell",
        "Ostrander", "Pellegrin", "Quartermain", "Ravensworth", "Stroud", "Tillotson"};
    private static final String[] MANAGERS = {"Orla Brightwater", "Thaddeus Mercer", "Priya Vantongeren",
        "Gunnar Holmqvist", "Bea Castellanos", "Lucius Fairbanks"};
    private static final String[] OFFICES = {"Central", "East", "West"};
    private static final String[] SECTORS = {"technolgy", "medical", "retail", "software", "entertainment",
        "marketing", "telecommunications", "finance", "services", "employment"};
    private static final String[] LOCATIONS = {"United States", "Kenya", "Philipines", "Japan", "Italy", "Norway",
        "Korea", "Jordan", "Panama", "Brazil", "Germany", "China", "Poland", "Belgium"};
    private static final String[] SYLLABLES = {"zen", "dox", "tron", "lab", "com", "tech", "gold", "hot", "plus",
        "sun", "con", "ice", "ran", "dom", "bio", "fase", "nam", "kix", "sol", "ware", "flex", "toph", "ity",
        "line", "quo", "zap", "dal", "vox"};

    private final List<Agent> agents = new ArrayList<>();
    private final List<Product> products = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private final List<Opportunity> opportunities = new ArrayList<>();

    private Company() {
    }

    /** A company of {@code size} opportunities generated from {@code seed}. */
    public static Company generate(long seed, int size) {
        Company c = new Company();
        Random r = new Random(seed);
        c.people(r);
        c.catalogue();
        c.accounts(r);
        c.pipeline(r, size);
        return c;
    }

    private void people(Random r) {
        List<String> names = new ArrayList<>();
        while (names.size() < 34) {
            String n = FIRST_NAMES[r.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[r.nextInt(LAST_NAMES.length)];
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        names.add("Kim Park"); // two people whose derived logins could collide
        names.add("Kira Park");
        for (int i = 0; i < names.size(); i++) {
            int m = i % MANAGERS.length;
            agents.add(new Agent(names.get(i), MANAGERS[m], OFFICES[m / 2]));
        }
    }

    private void catalogue() {
        products.add(new Product("GTX Basic", "GTX", new BigDecimal("550"), "GTX Basic"));
        products.add(new Product("GTX Pro", "GTX", new BigDecimal("4821"), "GTXPro"));
        products.add(new Product("MG Special", "MG", new BigDecimal("55"), "MG Special"));
        products.add(new Product("MG Advanced", "MG", new BigDecimal("3393"), "MG Advanced"));
        products.add(new Product("GTX Plus Pro", "GTX", new BigDecimal("5482"), "GTX Plus Pro"));
        products.add(new Product("GTX Plus Basic", "GTX", new BigDecimal("1096"), "GTX Plus Basic"));
        products.add(new Product("GTK 500", "GTK", new BigDecimal("26768"), "GTK 500"));
    }

    private void accounts(Random r) {
        List<String> names = new ArrayList<>();
        while (names.size() < 86) {
            String stem = cap(SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)]);
            String n = r.nextInt(8) == 0 ? stem + " " + (r.nextBoolean() ? "Inc." : "Corporation") : stem;
            if (names.stream().noneMatch(x -> norm(x).equals(norm(n)))) {
                names.add(n);
            }
        }
        names.set(7, names.get(7).toLowerCase(java.util.Locale.ROOT)); // one account spelled in lower case
        for (int i = 0; i < names.size(); i++) {
            String parent = i > 10 && r.nextInt(6) == 0 ? names.get(r.nextInt(10)) : "";
            accounts.add(new Account(names.get(i), SECTORS[r.nextInt(SECTORS.length)], 1979 + r.nextInt(38),
                    BigDecimal.valueOf(r.nextInt(1_000_000), 2), 9 + r.nextInt(20_000),
                    LOCATIONS[r.nextInt(LOCATIONS.length)], parent));
        }
    }

    private void pipeline(Random r, int size) {
        List<Agent> sellers = agents.subList(0, agents.size() - 3); // three agents never sold anything
        long span = LAST.toEpochDay() - FIRST.toEpochDay();
        for (int i = 0; i < size; i++) {
            Agent a = sellers.get(r.nextInt(sellers.size()));
            Product p = products.get(r.nextInt(products.size()));
            int roll = r.nextInt(100);
            String stage = roll < 6 ? PROSPECTING : roll < 22 ? ENGAGING : roll < 72 ? WON : LOST;
            boolean open = stage.equals(PROSPECTING) || stage.equals(ENGAGING);
            String account = (open ? r.nextInt(100) < 45 : r.nextInt(100) < 3) ? ""
                    : accounts.get(r.nextInt(accounts.size())).name();
            LocalDate engaged = null;
            LocalDate closed = null;
            BigDecimal value = null;
            if (!stage.equals(PROSPECTING)) {
                engaged = FIRST.plusDays(r.nextInt((int) span - 10));
                if (!open) {
                    closed = engaged.plusDays(1 + r.nextInt(r.nextInt(4) == 0 ? 130 : 60));
                    if (closed.isAfter(LAST)) {
                        stage = ENGAGING; // would close after the data ends: still open
                        closed = null;
                    }
                }
            }
            if (stage.equals(WON)) {
                BigDecimal price = p.price();
                BigDecimal v = price.multiply(BigDecimal.valueOf(85 + r.nextInt(31))).movePointLeft(2);
                value = r.nextInt(5) == 0 ? v.setScale(2, java.math.RoundingMode.HALF_UP)
                        : v.setScale(0, java.math.RoundingMode.HALF_UP);
            } else if (stage.equals(LOST)) {
                value = BigDecimal.ZERO;
            }
            opportunities.add(new Opportunity(id(r), a.name(), p.pipelineName(),
                    account, stage, engaged, closed, value));
        }
    }

    private static String id(Random r) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The name as a duplicate check sees it: case, punctuation and a trailing legal form ignored. */
    private static String norm(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll(" (inc\\.|corporation)$", "")
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }

    public List<Agent> agents() {
        return agents;
    }

    public List<Product> products() {
        return products;
    }

    public List<Account> accounts() {
        return accounts;
    }

    public List<Opportunity> opportunities() {
        return opportunities;
    }

    /** The four files, as the data set ships them (comma-separated UTF-8, ISO dates, a dot for decimals). */
    public Map<String, Path> write(Path dir) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("sales_teams", csv(dir.resolve("sales_teams.csv"), "sales_agent,manager,regional_office",
                agents.stream().map(a -> List.of(a.name(), a.manager(), a.office())).toList()));
        files.put("products", csv(dir.resolve("products.csv"), "product,series,sales_price",
                products.stream().map(p -> List.of(p.name(), p.series(), p.price().toPlainString())).toList()));
        files.put("accounts", csv(dir.resolve("accounts.csv"),
                "account,sector,year_established,revenue,employees,office_location,subsidiary_of",
                accounts.stream().map(a -> List.of(a.name(), a.sector(), Integer.toString(a.established()),
                        a.revenue().toPlainString(), Integer.toString(a.employees()), a.location(), a.parent())).toList()));
        files.put("sales_pipeline", csv(dir.resolve("sales_pipeline.csv"), PIPELINE_HEADER,
                opportunities.stream().map(Company::pipelineRow).toList()));
        return files;
    }

    /** The header of sales_pipeline.csv. */
    static final String PIPELINE_HEADER =
            "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value";

    /** An opportunity's cells of sales_pipeline.csv, in the order of {@link #PIPELINE_HEADER}. */
    static List<String> pipelineRow(Opportunity o) {
        return List.of(o.id(), o.agent(), o.product(), o.account(), o.stage(), text(o.engaged()), text(o.closed()),
                o.value() == null ? "" : o.value().toPlainString());
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    static Path csv(Path file, String header, List<List<String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header);
            w.write("\n");
            for (List<String> row : rows) {
                w.write(String.join(",", row.stream().map(Company::quoted).toList()));
                w.write("\n");
            }
        }
        return file;
    }

    private static String quoted(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
