package org.deskcrm.ui.export;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.deskcrm.AppContext;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.deal.ScoreBand;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.report.ReportData;
import org.deskcrm.ui.call.ScriptedDialogs;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.RecordingWorkspace;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.report.ReportScreens;
import org.deskcrm.ui.shell.LongJobs;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report exported from its tab in a real window: the save dialog opens in the (test's) Documents folder,
 * the file lands there, the confirmation names its full path and its Open and Show in folder buttons reach the
 * desktop's opener (a recording one here: nothing is launched); the next export opens in the folder chosen last.
 */
@ExtendWith(ApplicationExtension.class)
class ExportFolderFxTest {
    private final Path root = newTempDir();
    private final Path documents = root.resolve("Documents");
    private final Preferences prefs = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
    private final List<Path> offered = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private final RecordingWorkspace workspace = new RecordingWorkspace();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Path chooseIn;
    private AppContext ctx;
    private long admin;

    private static Path newTempDir() {
        try {
            return Files.createTempDirectory("deskcrm-export-folder");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(documents);
        ctx = new AppContext(TestDatabases.h2(), Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC));
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        admin = ctx.users().findByLogin("admin").orElseThrow().id();
        ReportData data = new ReportData(ctx);
        long anna = data.user("anna", null);
        long client = data.client("Acme", anna, Instant.parse("2026-01-10T09:00:00Z"));
        Pipeline sales = data.pipeline("sales");
        long deal = data.deal(client, anna, sales, ReportData.stage(sales, "Needs identified"), "1000.00", null,
                ScoreBand.HOT, null, Instant.parse("2026-03-02T09:00:00Z"));
        data.move(deal, ReportData.stage(sales, "Won"), Instant.parse("2026-03-05T09:00:00Z"));

        I18n i18n = new I18n(Locale.ENGLISH);
        SameThreadExecutor executor = new SameThreadExecutor();
        LongJobs jobs = new LongJobs() {
            @Override
            public <T> org.deskcrm.ui.common.TaskExecutor.Job run(String title,
                    org.deskcrm.ui.common.BackgroundWork<T> work, java.util.function.Consumer<? super T> onSuccess,
                    java.util.function.Consumer<Throwable> onFailure) {
                return executor.submit(work, onSuccess, onFailure);
            }
        };
        SaveFileChooser chooser = (title, folder, name) -> {
            offered.add(folder);
            return Optional.of((chooseIn == null ? folder : chooseIn).resolve(name));
        };
        FileOpener opener = new FileOpener() {
            @Override
            public void open(Path file) {
                opened.add("open " + file);
            }

            @Override
            public void showInFolder(Path file) {
                opened.add("folder " + file);
                throw new AppException("export.open.unsupported", file.toString());
            }
        };
        ExportFolder folder = new ExportFolder(prefs, () -> admin, documents, root);
        BorderPane pane = new BorderPane(new ReportScreens(ctx.reports(), executor, i18n, workspace).view("manager-rating"));
        new ExportHandler(ctx.exports(), jobs, executor, i18n, workspace, dialogs, chooser, folder, opener,
                () -> admin, () -> LocalDate.of(2026, 3, 16)).install(pane);
        stage.setScene(new Scene(pane, 1100, 600));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        ctx.close();
        prefs.removeNode();
    }

    @Test
    void theReportGoesToDocumentsAndTheConfirmationNamesItsPathWithOpenAndShowInFolder(FxRobot robot) throws Exception {
        robot.clickOn("#reportExport");
        Path file = documents.resolve("Manager rating 2026-03-16.xlsx");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(file));
        assertThat(offered).containsExactly(documents);
        assertThat(file.getParent()).isNotEqualTo(Path.of("").toAbsolutePath());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            List<String> texts = new ArrayList<>();
            for (Row r : wb.getSheetAt(0)) {
                r.forEach(c -> texts.add(c.toString()));
            }
            assertThat(texts).contains("Manager", "Anna");
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#exportDoneMessage").tryQuery().isPresent());
        String message = robot.lookup("#exportDoneMessage").queryAs(Label.class).getText();
        assertThat(message).contains(file.toAbsolutePath().toString());
        assertThat(workspace.statuses).anySatisfy(s -> assertThat(s).contains(file.toAbsolutePath().toString()));

        robot.clickOn("#exportOpen");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).containsExactly("open " + file.toAbsolutePath());

        // a desktop that cannot show folders: a clear message with the path, and nothing crashes
        robot.clickOn("#reportExport");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#exportShowFolder").tryQuery().isPresent());
        robot.clickOn("#exportShowFolder");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.size() == 2);
        assertThat(opened.get(1)).isEqualTo("folder " + file.toAbsolutePath());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.shown.isEmpty());
        assertThat(String.join("\n", dialogs.shown)).contains("does not let DeskCRM open files", file.toAbsolutePath().toString());
    }

    @Test
    void theNextExportOpensInTheFolderChosenLastAndHomeWhenThereIsNoDocumentsFolder(FxRobot robot) throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("reports for the accountant"));
        chooseIn = elsewhere;
        robot.clickOn("#reportExport");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#exportOpen").tryQuery().isPresent());
        robot.clickOn("#exportDoneMessage").type(javafx.scene.input.KeyCode.ESCAPE);
        chooseIn = null;
        robot.clickOn("#reportExport");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> offered.size() == 2);
        assertThat(offered).containsExactly(documents, elsewhere);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> Files.exists(elsewhere.resolve("Manager rating 2026-03-16.xlsx")));

        ExportFolder noDocuments = new ExportFolder(prefs, () -> 999L, root.resolve("no such folder"), root);
        assertThat(noDocuments.folder()).isEqualTo(root);
        ExportFolder anotherPerson = new ExportFolder(prefs, () -> 998L, documents, root);
        assertThat(anotherPerson.folder()).as("remembered per person").isEqualTo(documents);
    }
}
