package org.deskcrm.ui.shell;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shell keeps the layering rules: no SQL in the window, no scene graph in view models. */
class ShellArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.deskcrm.ui.shell", "org.deskcrm.service.search", "org.deskcrm.model.search");

    @Test
    void theShellDoesNotTouchPersistence() {
        noClasses().that().resideInAPackage("org.deskcrm.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deskcrm.persistence..", "org.jooq..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotUseTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void searchServiceAndModelAreFreeOfJavaFx() {
        noClasses().that().resideInAnyPackage("org.deskcrm.service.search..", "org.deskcrm.model.search..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }
}
