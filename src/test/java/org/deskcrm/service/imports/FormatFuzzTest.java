package org.deskcrm.service.imports;

import org.deskcrm.AppContext;
import org.deskcrm.model.deal.Sale;
import org.deskcrm.model.io.CsvDelimiter;
import org.deskcrm.model.io.CsvEncoding;
import org.deskcrm.model.io.DateStyle;
import org.deskcrm.model.io.ImportRejectedException;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.NumberStyle;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever format a file writes its numbers and dates in, the import either stores exactly
 * the intended values or refuses the file for a value that reads two ways — never a wrong value.
 * Each of {@value #FILES} files holds {@value #ROWS} sales (every fourth one 1–3) (random amounts with 0–2 decimals and
 * random dates of 1900–2100) written in one random number style (random thousands separator) and
 * one random date style; half the files give their formats, the other half leave them to detection
 * (a given format must always import). The stored sales are read back and compared value by value.
 */
class FormatFuzzTest {
    static final int FILES = 40;
    static final int ROWS = 30;
    static final long SEED = 20_261_206L;
    static final DateStyle[] DATES = {DateStyle.ISO, DateStyle.DAY_DOT, DateStyle.MONTH_SLASH, DateStyle.DAY_SLASH};
    static final Set<String> AMBIGUOUS = Set.of("imports.issue.numberAmbiguous", "imports.issue.dateAmbiguous");

    record Intended(BigDecimal amount, LocalDate date) {
    }

    @Test
    void storedValuesEqualTheIntendedOnesOrTheFileIsRefusedAsAmbiguous() {
        Random rnd = new Random(SEED);
        int imported = 0;
        int refused = 0;
        try (AppContext ctx = new AppContext(TestDatabases.h2())) {
            long admin = ctx.ensureReferenceData(Locale.ENGLISH);
            ImportService imports = ctx.imports().service();
            imports.run("name\nFuzz buyer\n".getBytes(StandardCharsets.UTF_8), "c.csv", ImportTarget.CLIENTS,
                    ImportSettings.defaults(), false, admin, Progress.NONE);
            long client = ctx.clients().search("Fuzz buyer", 5).get(0).id();
            for (int n = 0; n < FILES; n++) {
                NumberStyle numbers = rnd.nextBoolean() ? NumberStyle.POINT : NumberStyle.COMMA;
                DateStyle dates = DATES[rnd.nextInt(DATES.length)];
                boolean given = n % 2 == 0;
                StringBuilder csv = new StringBuilder("client;saleDate;amount;docNo\n");
                Map<String, Intended> intended = new HashMap<>();
                int rows = n % 4 == 1 ? 1 + rnd.nextInt(3) : ROWS; // a few values may decide nothing
                for (int i = 0; i < rows; i++) {
                    int decimals = rnd.nextInt(3);
                    BigDecimal amount = BigDecimal.valueOf(rnd.nextLong(100_000_000_000L), 2)
                            .setScale(decimals, java.math.RoundingMode.DOWN);
                    LocalDate date = LocalDate.of(1900, 1, 1).plusDays(rnd.nextInt(73_413)); // to 2100-12-31
                    String doc = "F" + n + "-" + i;
                    intended.put(doc, new Intended(amount, date));
                    csv.append("Fuzz buyer;").append(date(date, dates)).append(';')
                            .append(number(amount, numbers, rnd)).append(';').append(doc).append('\n');
                }
                ImportSettings s = ImportSettings.defaults().withReading(CsvEncoding.AUTO, CsvDelimiter.SEMICOLON, "");
                if (given) {
                    s = s.withFormats(numbers, dates);
                }
                try {
                    imports.run(csv.toString().getBytes(StandardCharsets.UTF_8), "s.csv", ImportTarget.SALES, s, false,
                            admin, Progress.NONE);
                    imported++;
                } catch (ImportRejectedException e) {
                    assertThat(given).as("a file with given formats is refused: %s\n%s", e.issues(), csv).isFalse();
                    assertThat(e.issues()).as("file %d", n).allSatisfy(i -> assertThat(AMBIGUOUS).contains(i.messageKey()));
                    refused++;
                    continue;
                }
                String prefix = "F" + n + "-";
                Map<String, Sale> stored = ctx.sales().byClient(client).stream()
                        .filter(x -> x.docNo() != null && x.docNo().startsWith(prefix))
                        .collect(Collectors.toMap(Sale::docNo, x -> x));
                assertThat(stored).hasSize(rows);
                intended.forEach((doc, v) -> {
                    assertThat(stored.get(doc).amount()).as(doc).isEqualByComparingTo(v.amount());
                    assertThat(stored.get(doc).saleDate()).as(doc).isEqualTo(v.date());
                });
            }
        }
        assertThat(imported).isGreaterThanOrEqualTo(FILES / 2);
        System.out.printf("format fuzz: %d files imported exactly, %d refused as ambiguous%n", imported, refused);
    }

    static String date(LocalDate d, DateStyle style) {
        String dd = String.format("%02d", d.getDayOfMonth());
        String mm = String.format("%02d", d.getMonthValue());
        String y = String.valueOf(d.getYear());
        return switch (style) {
            case DAY_DOT -> dd + "." + mm + "." + y;
            case MONTH_SLASH -> mm + "/" + dd + "/" + y;
            case DAY_SLASH -> dd + "/" + mm + "/" + y;
            default -> d.toString();
        };
    }

    static String number(BigDecimal v, NumberStyle style, Random rnd) {
        String plain = v.toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        List<String> groups = style == NumberStyle.POINT ? List.of("", ",", " ", "\u00a0", "'")
                : List.of("", ".", " ", "\u00a0", "'");
        String group = groups.get(rnd.nextInt(groups.size()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                sb.append(group);
            }
            sb.append(whole.charAt(i));
        }
        if (!fraction.isEmpty()) {
            sb.append(style == NumberStyle.POINT ? '.' : ',').append(fraction);
        }
        return sb.toString();
    }
}
