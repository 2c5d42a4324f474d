package org.deskcrm.ui.client;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.service.export.ExportService;
import org.deskcrm.ui.common.FxTaskExecutor;
import org.deskcrm.ui.export.ExportButton;
import org.deskcrm.ui.export.ExportHandler;
import org.deskcrm.ui.shell.StatusBar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deskcrm.persistence.jooq.Tables.AUDIT_EVENT;

/**
 * "Export to Excel" on the real client list: the export request reaches the window's handler, the
 * file chooser (a test seam here) gives the path, the export runs in the background with the status bar,
 * and the file holds the listed clients. A manager without the export right gets the refusal instead.
 */
@ExtendWith(ApplicationExtension.class)
class ClientListExportFxTest {
    static ClientUiFixture fx;
    static long adminId;
    TabWorkspace workspace;
    ScriptedDialogs dialogs;
    FxTaskExecutor executor;
    final AtomicLong actingUser = new AtomicLong();
    final List<String> chooserTitles = new ArrayList<>();
    @TempDir
    static Path dir;

    /** The database is filled before the window starts (the window's setup has a short timeout). */
    @BeforeAll
    static void fill() {
        fx = new ClientUiFixture();
        adminId = fx.app.ensureReferenceData(java.util.Locale.ENGLISH);
        for (int i = 1; i <= 30; i++) {
            fx.app.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Client " + i), List.of(), List.of()),
                    fx.managerId);
        }
    }

    @AfterAll
    static void closeDatabase() {
        fx.close();
    }

    @Start
    void start(Stage stage) {
        workspace = new TabWorkspace();
        dialogs = new ScriptedDialogs();
        executor = new FxTaskExecutor(2);
        workspace.screens = new ClientScreens(fx.context(executor, workspace, dialogs));
        workspace.screens.openClientList();
        StatusBar bar = new StatusBar(fx.i18n, executor);
        VBox root = new VBox(workspace.root, bar.node());
        ExportService exports = fx.app.exports();
        org.deskcrm.ui.export.FileOpener nothingLaunched = new org.deskcrm.ui.export.FileOpener() {
            @Override
            public void open(java.nio.file.Path file) {
            }

            @Override
            public void showInFolder(java.nio.file.Path file) {
            }
        };
        new ExportHandler(exports, bar, executor, fx.i18n, workspace, dialogs, (title, folder, initial) -> {
            chooserTitles.add(initial);
            return Optional.of(dir.resolve(actingUser.get() == adminId ? "clients.xlsx" : "refused.xlsx"));
        }, new org.deskcrm.ui.export.ExportFolder(java.util.prefs.Preferences.userRoot().node("org/deskcrm/test/export-"
                + java.util.UUID.randomUUID()), actingUser::get, dir, dir), nothingLaunched,
                actingUser::get, () -> LocalDate.of(2026, 3, 10)).install(root);
        stage.setScene(new Scene(root, 1280, 860));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void exportFromTheClientListWritesTheFile(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#" + ExportButton.ID).tryQuery().isPresent());
        Button export = robot.lookup("#" + ExportButton.ID).queryButton();
        assertThat(export.getText()).isEqualTo("Export to Excel");

        actingUser.set(fx.managerId); // a manager has no export right by default
        robot.clickOn(export);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !dialogs.asked.isEmpty());
        assertThat(dialogs.asked.get(0).message()).contains("Anna Petrova has no right to export");
        assertThat(dir.resolve("refused.xlsx")).doesNotExist();

        actingUser.set(adminId);
        robot.clickOn(export);
        Path file = dir.resolve("clients.xlsx");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(file)
                && workspace.status.getText() != null && workspace.status.getText().startsWith("Exported"));
        assertThat(chooserTitles).contains("Clients 2026-03-10.xlsx");
        assertThat(workspace.status.getText()).startsWith("Exported 30 rows to " + file.toAbsolutePath());
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Clients");
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + 1 + 30 - 1 + 1); // title, 1 filter line, blank, header, 30
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Client 1");
        }
        assertThat(fx.app.database().dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("export"))).isEqualTo(1);
    }
}
