package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoResult;
import org.deskcrm.service.demo.DemoSize;

import java.io.PrintStream;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code demo}: fills the database with generated demo data and prints the rows written per table and
 * the time it took. {@code --size small|medium|scale} (default small), or {@code --clients N --deals N
 * --calls N [--years N]}; {@code --seed N}; {@code --locale ru|en}; {@code --force} to add to a
 * database that already holds data.
 */
final class DemoCommand implements Cli.Command {
    private static final long DEFAULT_SEED = 20_260_101L;

    private final ResourceBundle texts;

    DemoCommand(ResourceBundle texts) {
        this.texts = texts;
    }

    @Override
    public int run(AppContext ctx, Cli.Options options, PrintStream out) {
        DemoSize size = size(options);
        Locale locale = Locale.forLanguageTag(options.value("locale", Locale.getDefault().getLanguage()));
        long seed = options.intValue("seed", (int) DEFAULT_SEED);
        out.println(String.format(texts.getString("demo.start"), size.clients(), size.deals(), size.calls(),
                size.years(), seed));
        DemoResult result = ctx.demoData().generate(size, locale, seed, options.flag("force"), new StepPrinter(out));
        out.println(texts.getString("demo.rows"));
        result.rows().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-22s %,12d%n", e.getKey(), e.getValue()));
        long total = result.rows().values().stream().mapToLong(Long::longValue).sum();
        out.printf("  %-22s %,12d%n", texts.getString("demo.total"), total);
        out.println(String.format(texts.getString("demo.elapsed"), result.elapsed().toMillis() / 1000.0));
        if (ctx.auth().assignDemoPasswords() > 0) {
            String login = ctx.auth().demoLogin();
            out.println(org.deskcrm.model.common.Messages.format(java.util.ResourceBundle.getBundle("org.deskcrm.i18n.ui.user",
                    locale).getString("user.demo.passwords"), locale, org.deskcrm.service.user.AuthService.DEMO_PASSWORD, login));
        }
        return 0;
    }

    private static DemoSize size(Cli.Options options) {
        String name = options.value("size", "small").toLowerCase(Locale.ROOT);
        DemoSize base = switch (name) {
            case "small" -> DemoSize.SMALL;
            case "medium" -> DemoSize.MEDIUM;
            case "scale" -> DemoSize.SCALE;
            default -> throw new IllegalArgumentException("--size: small, medium or scale expected: " + name);
        };
        return new DemoSize(options.intValue("clients", base.clients()), options.intValue("deals", base.deals()),
                options.intValue("calls", base.calls()), options.intValue("years", base.years()));
    }

    /** Prints a line when a step starts and then at every tenth of it. */
    private final class StepPrinter implements Progress {
        private final PrintStream out;
        private String step;
        private long lastTenth = -1;

        StepPrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void update(String stepKey, long done, long total) {
            long tenth = total > 0 ? done * 10 / total : 0;
            if (!stepKey.equals(step) || tenth > lastTenth) {
                String text = texts.containsKey(stepKey) ? texts.getString(stepKey) : stepKey;
                out.println(total > 0 && done > 0 ? String.format("  %s: %,d / %,d", text, done, total) : "  " + text);
                step = stepKey;
                lastTenth = tenth;
            }
        }
    }
}
