package org.deskcrm.service.imports;

import org.deskcrm.AppContext;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.io.CsvEncoding;
import org.deskcrm.model.io.ImportRejectedException;
import org.deskcrm.model.io.ImportResult;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.model.io.CsvDelimiter;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files that must not import: each gives one clear, localized error (checked in English and Russian:
 * the key exists in both bundles) and leaves every table as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedFilesTest {
    static final List<String> TABLES = List.of("client", "channel", "contact", "audit_event");
    AppContext ctx;
    ImportService imports;
    ImportLookupRepository lookup;
    long admin;
    Map<String, Long> before;
    final I18n en = new I18n(Locale.ENGLISH);
    final I18n ru = new I18n(Locale.forLanguageTag("ru"));

    @BeforeAll
    void open() {
        ctx = new AppContext(TestDatabases.h2());
        admin = ctx.ensureReferenceData(Locale.ENGLISH);
        imports = ctx.imports().service();
        lookup = new ImportLookupRepository(ctx.database());
        imports.run("name\nAlready here\n".getBytes(StandardCharsets.UTF_8), "seed.csv", ImportTarget.CLIENTS,
                ImportSettings.defaults(), false, admin, Progress.NONE);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @BeforeEach
    void countBefore() {
        before = counts();
    }

    @AfterEach
    void unchanged() {
        assertThat(counts()).as("row counts after a refused file").isEqualTo(before);
    }

    Map<String, Long> counts() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        TABLES.forEach(t -> m.put(t, lookup.count(t)));
        return m;
    }

    /** Runs the import and returns the message key it failed with, after checking it reads in both languages. */
    String failure(byte[] bytes, String name, ImportSettings s) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> imports.run(bytes, name, ImportTarget.CLIENTS, s, false, admin, Progress.NONE))
                .isInstanceOf(AppException.class).satisfies(e -> caught[0] = e);
        AppException e = (AppException) caught[0];
        assertThat(en.has(e.messageKey())).as(e.messageKey() + " in English").isTrue();
        assertThat(ru.has(e.messageKey())).as(e.messageKey() + " in Russian").isTrue();
        assertThat(en.message(e)).doesNotContain("!");
        return e.messageKey();
    }

    /** The issue keys of a rejected file (each localized in both languages). */
    List<String> issues(byte[] bytes, String name, ImportSettings s) {
        ImportRejectedException[] caught = new ImportRejectedException[1];
        assertThatThrownBy(() -> imports.run(bytes, name, ImportTarget.CLIENTS, s, false, admin, Progress.NONE))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> caught[0] = e);
        caught[0].issues().forEach(i -> {
            assertThat(en.has(i.messageKey())).as(i.messageKey()).isTrue();
            assertThat(ru.has(i.messageKey())).as(i.messageKey()).isTrue();
        });
        return caught[0].issues().stream().map(i -> i.messageKey()).toList();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void windows1251ReadAsUtf8IsRefusedAndDetectedWhenAutomatic() {
        byte[] cp = "name;region\nКлиент в 1251;Москва\n".getBytes(Charset.forName("windows-1251"));
        ImportSettings utf8 = ImportSettings.defaults().withReading(CsvEncoding.UTF_8, CsvDelimiter.AUTO, "");
        assertThat(failure(cp, "cp.csv", utf8)).isEqualTo("imports.error.notUtf8");
        assertThat(imports.read(cp, "cp.csv", ImportSettings.defaults()).rows().get(0).cells())
                .containsExactly("Клиент в 1251", "Москва");
        byte[] bom = utf8("\uFEFFname,region\nС BOM,Казань\n");
        assertThat(imports.read(bom, "bom.csv", ImportSettings.defaults()).headers()).containsExactly("name", "region");
    }

    @Test
    void utf16IsRefused() {
        assertThat(failure("name\nX\n".getBytes(StandardCharsets.UTF_16), "u16.csv", ImportSettings.defaults()))
                .isEqualTo("imports.error.utf16");
    }

    @Test
    void brokenRowsAreListed() {
        assertThat(issues(utf8("name;region\nA;B\nC;D;E;F\n"), "broken.csv", ImportSettings.defaults()))
                .containsExactly("imports.issue.extraCells");
    }

    @Test
    void unbalancedQuotesAreRefusedWithTheLine() {
        assertThat(failure(utf8("name;notes\nA;\"open\nB;x\n"), "q.csv", ImportSettings.defaults()))
                .isEqualTo("imports.error.csv.unclosedQuote");
        assertThat(failure(utf8("name;notes\nA;\"closed\" tail\n"), "q.csv", ImportSettings.defaults()))
                .isEqualTo("imports.error.csv.afterQuote");
        assertThat(failure(utf8("name;notes\nA;in\"side\n"), "q.csv", ImportSettings.defaults()))
                .isEqualTo("imports.error.csv.strayQuote");
    }

    @Test
    void aHugeCellIsTooLong() {
        String huge = "x".repeat(1024 * 1024);
        assertThat(issues(utf8("name;notes\nHuge;" + huge + "\n"), "huge.csv", ImportSettings.defaults()))
                .containsExactly("imports.issue.tooLong");
        assertThat(issues(utf8("name\n" + huge + "\n"), "huge.csv", ImportSettings.defaults()))
                .containsExactly("imports.issue.tooLong");
    }

    @Test
    void formulasAreNotImported() {
        byte[] xlsx = Workbooks.xlsx("Clients", List.of("name", "notes"),
                List.of(List.of("Formula Co", "=1+1"), List.of("=HYPERLINK(\"http://evil\",\"x\")", "fine")));
        assertThat(issues(xlsx, "f.xlsx", ImportSettings.defaults()))
                .containsExactly("imports.issue.formula", "imports.issue.formula");
    }

    @Test
    void emptyFilesAreRefused() {
        assertThat(failure(new byte[0], "empty.csv", ImportSettings.defaults())).isEqualTo("imports.error.empty");
        assertThat(failure(utf8(" \r\n\n  "), "blank.csv", ImportSettings.defaults())).isEqualTo("imports.error.empty");
        assertThat(failure(utf8("name;inn\n"), "header.csv", ImportSettings.defaults())).isEqualTo("imports.error.noRows");
        assertThat(failure(Workbooks.xlsx("Empty", List.of("name"), List.of()), "e.xlsx", ImportSettings.defaults()))
                .isEqualTo("imports.error.noRows");
    }

    @Test
    void aMissingSheetNamesTheSheetsThereAre() {
        byte[] xlsx = Workbooks.xlsx("Clients", List.of("name"), List.of(List.of("A")));
        ImportSettings s = ImportSettings.defaults().withReading(CsvEncoding.AUTO, CsvDelimiter.AUTO, "Лист1");
        assertThat(failure(xlsx, "w.xlsx", s)).isEqualTo("imports.error.sheet");
        assertThat(imports.sheets(xlsx, "w.xlsx")).containsExactly("Clients");
    }

    @Test
    void binaryGarbageIsRefused() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertThat(failure(garbage, "garbage.csv", ImportSettings.defaults())).isEqualTo("imports.error.binary");
        assertThat(failure(garbage, "garbage.xlsx", ImportSettings.defaults())).isEqualTo("imports.error.xlsx");
        byte[] xlsx = Workbooks.xlsx("Clients", List.of("name"), List.of(List.of("A")));
        assertThat(failure(Arrays.copyOf(xlsx, xlsx.length / 2), "cut.xlsx", ImportSettings.defaults()))
                .isEqualTo("imports.error.xlsx");
    }

    @Test
    void headerAndMappingProblemsAreNamed() {
        assertThat(failure(utf8("name;name\nA;B\n"), "h.csv", ImportSettings.defaults()))
                .isEqualTo("imports.error.duplicateHeader");
        assertThat(failure(utf8("title\nA\n"), "h.csv", ImportSettings.defaults())).isEqualTo("imports.error.unmapped");
        assertThat(failure(utf8("name\nA\n"), "h.csv",
                ImportSettings.defaults().withColumns(Map.of("name", "Company")))).isEqualTo("imports.error.missingColumn");
    }

    @Test
    void aValidFileStillImportsAfterAllThat() {
        ImportResult r = imports.run(utf8("name\nStill fine\n"), "ok.csv", ImportTarget.CLIENTS,
                ImportSettings.defaults(), true, admin, Progress.NONE);
        assertThat(r.created()).isEqualTo(1);
    }
}
