package org.deskcrm.service.imports;

import org.deskcrm.AppContext;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.CsvDelimiter;
import org.deskcrm.model.io.CsvEncoding;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportResult;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deterministic fuzzing: {@value #FILES} files made from a valid client file (CSV and workbook) by
 * truncation, byte flips, re-encoding, column shuffles, injected formulas and quotes, stray
 * separators and line breaks, each imported on in-memory H2. Every run must either succeed with
 * exactly the counted rows written, or fail with an {@link AppException} having written nothing:
 * no other exception (a crash) and no partial import.
 */
class ImportFuzzTest {
    static final int FILES = 10_000;
    static final long SEED = 20_261_128L;
    static final List<String> HEADERS = List.of("kind", "name", "inn", "kpp", "phone", "email", "region", "notes");
    static final Charset[] CHARSETS = {StandardCharsets.UTF_8, Charset.forName("windows-1251"),
            StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1, Charset.forName("KOI8-R")};

    @Test
    void tenThousandBadFilesNeverCrashAndNeverImportHalf() {
        Random rnd = new Random(SEED);
        List<String> crashes = new ArrayList<>();
        int imported = 0;
        int refused = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try (AppContext ctx = new AppContext(TestDatabases.h2())) {
            long admin = ctx.ensureReferenceData(Locale.ENGLISH);
            ImportService imports = ctx.imports().service();
            ImportLookupRepository lookup = new ImportLookupRepository(ctx.database());
            List<List<String>> rows = validRows(rnd);
            byte[] xlsxBase = Workbooks.xlsx("Clients", HEADERS, new ArrayList<>(rows.stream()
                    .map(r -> (List<Object>) new ArrayList<Object>(r)).toList()));
            for (int n = 0; n < FILES; n++) {
                long seed = rnd.nextLong();
                Random r = new Random(seed);
                boolean xlsx = r.nextInt(10) == 0;
                byte[] file = xlsx ? mutateBytes(xlsxBase, r) : csvFile(rows, r);
                ImportSettings settings = settings(r);
                long clients = lookup.count("client");
                long channels = lookup.count("channel");
                try {
                    ImportResult res = imports.run(file, xlsx ? "f.xlsx" : "f.csv", ImportTarget.CLIENTS, settings,
                            false, admin, Progress.NONE);
                    imported++;
                    if (lookup.count("client") != clients + res.created()) {
                        crashes.add("partial import, seed " + seed);
                    }
                } catch (AppException e) {
                    refused++;
                    if (lookup.count("client") != clients || lookup.count("channel") != channels) {
                        crashes.add("partial write before " + e.messageKey() + ", seed " + seed);
                    }
                } catch (Throwable e) { // what the fuzz looks for: anything that is not a clear error
                    crashes.add(e + ", seed " + seed);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "IMPORT FUZZ: %d files (%d imported, %d refused with a clear error), %d crashes,"
                + " %.1f s wall, %.1f s CPU of the test thread%n", FILES, imported, refused, crashes.size(), seconds,
                (cpu.getCurrentThreadCpuTime() - c0) / 1e9);
        assertThat(crashes).as("crashes and partial imports").isEmpty();
        assertThat(refused).isGreaterThan(FILES / 2);
    }

    static List<List<String>> validRows(Random rnd) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean person = i % 3 == 0;
            rows.add(List.of(person ? "person" : "company", "Фирма «Альфа» " + i,
                    person ? "" : ImportContract.inn(3000 + i), person ? "" : "770701001",
                    "+7 (913) 200-1" + i + "-" + (10 + rnd.nextInt(89)), "a" + i + "@fuzz.ru", "Москва",
                    "заметка; с \"кавычками\", запятой"));
        }
        return rows;
    }

    static ImportSettings settings(Random r) {
        CsvEncoding enc = CsvEncoding.values()[r.nextInt(CsvEncoding.values().length)];
        CsvDelimiter del = CsvDelimiter.values()[r.nextInt(CsvDelimiter.values().length)];
        ImportSettings s = ImportSettings.defaults().withReading(enc, del, r.nextInt(20) == 0 ? "Nope" : "")
                .withDuplicates(r.nextBoolean() ? DuplicateMode.MERGE : DuplicateMode.SKIP);
        return s;
    }

    /** A CSV file of the valid rows with one to three mutations. */
    static byte[] csvFile(List<List<String>> valid, Random r) {
        List<String> headers = new ArrayList<>(HEADERS);
        List<List<String>> rows = new ArrayList<>();
        valid.forEach(v -> rows.add(new ArrayList<>(v)));
        char sep = r.nextBoolean() ? ';' : ',';
        int mutations = 1 + r.nextInt(3);
        boolean bytesLater = false;
        Charset cs = StandardCharsets.UTF_8;
        for (int m = 0; m < mutations; m++) {
            switch (r.nextInt(8)) {
                case 0 -> Collections.shuffle(headers, r); // columns no longer match their values
                case 1 -> rows.get(r.nextInt(rows.size())).set(r.nextInt(HEADERS.size()),
                        List.of("=1+1", "=HYPERLINK(\"http://x\")", "+cmd|'/c calc'!A0", "@SUM(1)").get(r.nextInt(4)));
                case 2 -> rows.get(r.nextInt(rows.size())).set(r.nextInt(HEADERS.size()),
                        List.of("\"", "a\"b", "\"open", "x\ny", "1;2", "1,2", "").get(r.nextInt(7)));
                case 3 -> rows.get(r.nextInt(rows.size())).set(r.nextInt(HEADERS.size()), "я".repeat(r.nextInt(5000)));
                case 4 -> cs = CHARSETS[r.nextInt(CHARSETS.length)];
                case 5 -> rows.add(new ArrayList<>(List.of(rows.get(0).get(0), "Повтор", rows.get(1).get(2), "",
                        rows.get(2).get(4), "", "", ""))); // a duplicate of earlier rows by INN and phone
                case 6 -> {
                    if (rows.size() > 1) {
                        rows.remove(r.nextInt(rows.size()));
                    }
                }
                default -> bytesLater = true;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(String.valueOf(sep), headers)).append(r.nextBoolean() ? "\r\n" : "\n");
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : row) {
                boolean quote = c.indexOf(sep) >= 0 || c.contains("\"") || c.contains("\n") || r.nextInt(10) == 0;
                cells.add(quote && r.nextInt(8) != 0 ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            sb.append(String.join(String.valueOf(sep), cells)).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(cs);
        return bytesLater ? mutateBytes(bytes, r) : bytes;
    }

    /** Truncation, byte flips, inserted or deleted bytes. */
    static byte[] mutateBytes(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(4)) {
            case 0 -> b = Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 1 -> {
                int flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips && b.length > 0; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 2 -> {
                int at = r.nextInt(b.length + 1);
                byte[] junk = new byte[1 + r.nextInt(64)];
                r.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                b = out;
            }
            default -> {
                int from = r.nextInt(b.length + 1);
                int to = Math.min(b.length, from + r.nextInt(200));
                byte[] out = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, to, out, from, b.length - to);
                b = out;
            }
        }
        return b;
    }
}
