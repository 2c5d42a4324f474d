package org.deskcrm.service.report;

import org.deskcrm.AppContext;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.client.ClientService;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientQuery;
import org.deskcrm.model.client.ClientSort;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.Stage;
import org.deskcrm.model.deal.StageKind;
import org.deskcrm.model.report.ReportFilter;
import org.deskcrm.model.report.ReportTable;
import org.deskcrm.model.report.Row;
import org.deskcrm.persistence.report.ReportLookups;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.demo.DemoSize;
import org.deskcrm.service.export.ExportTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deskcrm.persistence.jooq.Tables.DEAL;

/**
 * The event feed names what happened, the kind of record and the field in the reader's language, in the
 * window's table and in its files: no action, record-type or field code ("sign_in", "client", "ownerId")
 * reaches a person. The feed here is written by real work: sign-in (failed and accepted), a card edit, an
 * archive, a deal move, an export and a backup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventFeedWordsTest {
    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    static final Locale RU = Locale.forLanguageTag("ru");
    static final List<String> CODED = List.of("action", "entity", "field", "details");

    /** The details that are codes: the sign-in verdicts (the rest is free text: file names, filters). */
    static final Set<Object> DETAIL_CODES = Set.of("ok", "first", "reset", "failed: wrong_password");

    AppContext ctx;
    @TempDir
    static Path dir;

    @BeforeAll
    void work() {
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(NOW, ZoneOffset.UTC));
        ctx.demoData().generate(new DemoSize(40, 80, 60, 1), Locale.ENGLISH, 5, Progress.NONE);
        long admin = ctx.ensureReferenceData(Locale.ENGLISH);
        ctx.auth().createAdminPassword("s3cret-pass".toCharArray(), "s3cret-pass".toCharArray());
        assertThatThrownBy(() -> ctx.auth().signIn("admin", "wrong".toCharArray())).isInstanceOf(AppException.class);
        ctx.auth().signIn("admin", "s3cret-pass".toCharArray());

        long clientId = ctx.clients().page(ClientFilter.ALL, null, 1).rows().get(0).id();
        ClientCard card = ctx.clients().load(clientId);
        ClientService.Saved saved = ctx.clients().save(new ClientCard(card.client().withName(card.client().name() + " Ltd"),
                card.contacts(), card.channels()), admin);
        ctx.clients().setArchived(clientId, saved.version(), true, admin);

        var deal = ctx.database().dsl().selectFrom(DEAL).where(DEAL.CLOSED_AT.isNull()).orderBy(DEAL.ID).limit(1).fetchOne();
        Pipeline p = ctx.pipelines().findAll().stream().filter(x -> x.id().equals(deal.getPipelineId())).findFirst().orElseThrow();
        long other = p.stages().stream().filter(s -> s.kind() == StageKind.OPEN && !s.id().equals(deal.getStageId()))
                .map(Stage::id).findFirst().orElseThrow();
        ctx.dealFeature().deals().move(deal.getId(), deal.getVersion(), other, null, null, admin);

        ctx.exports().export(new ExportTarget.Clients(new ClientQuery(ClientFilter.ALL, null, ClientSort.NAME, false)),
                dir.resolve("clients.xlsx"), admin, Locale.ENGLISH, Progress.NONE);
        ctx.backup().backup(dir.resolve("all.zip"), Progress.NONE);
    }

    @AfterAll
    void close() {
        ctx.close();
    }

    @Test
    void everyActionHasItsWordInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, RU)) {
            ResourceBundle bundle = ResourceBundle.getBundle("org.deskcrm.i18n.ui.report", locale);
            for (AuditAction a : AuditAction.values()) {
                assertThat(bundle.containsKey("report.value.action." + a.code())).as(locale + " " + a).isTrue();
            }
        }
    }

    @Test
    void theFeedsFilesNameActionsRecordsAndFieldsInTheReadersLanguage() throws Exception {
        LocalDate day = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        ReportTable t = ctx.reports().get(EventFeedReport.NAME).run(ReportFilter.period(day, day));
        Set<String> actions = new TreeSet<>();
        for (Row r : t.rows()) {
            actions.add(String.valueOf(t.value(r.key(), "action")));
        }
        assertThat(actions).contains("sign_in", "update", "archive", "move", "export", "backup");

        for (Locale locale : List.of(Locale.ENGLISH, RU)) {
            ReportExport export = new ReportExport(new ReportTexts(locale), new ReportLookups(ctx.database()));
            Path csv = dir.resolve("events-" + locale + ".csv");
            export.write(t, csv);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            int header = headerLine(lines, new ReportTexts(locale));
            List<String> found = new ArrayList<>();
            int written = 0;
            for (Row r : t.rows()) {
                String line = lines.get(header + 1 + written++);
                for (String column : CODED) {
                    Object code = t.value(r.key(), column);
                    if (code == null || column.equals("details") && !DETAIL_CODES.contains(code)) {
                        continue; // details are free text (a file name, a filter) except the sign-in verdicts
                    }
                    String shown = new ReportTexts(locale).value(column, code).toString();
                    boolean translated = !shown.equals(code) && line.contains(shown)
                            && (locale != RU || shown.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c)
                            == Character.UnicodeBlock.CYRILLIC));
                    if (!translated) {
                        found.add(column + "=" + code + " in: " + line);
                    }
                }
            }
            assertThat(found).as(locale.toString()).isEmpty();
        }
    }

    /** The line of the column headers (the filter lines come first). */
    private static int headerLine(List<String> lines, ReportTexts texts) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace("\uFEFF", "").startsWith(texts.column("time"))) {
                return i;
            }
        }
        throw new AssertionError("no header in " + lines);
    }
}
