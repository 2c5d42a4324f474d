package org.deskcrm.ui.imports;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.service.imports.ImportProfiles;
import org.deskcrm.service.imports.ImportService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.util.function.Supplier;

/** Opens the import wizard in its own window (the main window stays usable while a file imports). */
public final class ImportScreens {
    private final ImportService service;
    private final ImportProfiles profiles;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final Supplier<Long> userId;

    public ImportScreens(ImportService service, ImportProfiles profiles, TaskExecutor executor, I18n i18n,
                         Supplier<Long> userId) {
        this.service = service;
        this.profiles = profiles;
        this.executor = executor;
        this.i18n = i18n;
        this.userId = userId;
    }

    /** The wizard's view model (its progress is handed to the FX thread). */
    public ImportWizardViewModel viewModel(ImportTarget target, Runnable afterImport) {
        ImportWizardViewModel vm = new ImportWizardViewModel(service, profiles, executor, Platform::runLater, i18n,
                userId, afterImport);
        vm.targetProperty().set(target);
        return vm;
    }

    public Stage open(Window owner, ImportTarget target, Runnable afterImport) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(i18n.get("imports.wizard.title"));
        stage.setScene(new Scene(new ImportWizardView(viewModel(target, afterImport), i18n)));
        stage.show();
        return stage;
    }
}
