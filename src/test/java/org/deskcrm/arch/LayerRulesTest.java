package org.deskcrm.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of ARCHITECTURE.md, enforced on the compiled classes. */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.deskcrm");
    }

    @Test
    void modelIsPlainJava() {
        check(noClasses().that().resideInAPackage("org.deskcrm.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "java.sql..",
                        "org.deskcrm.persistence..", "org.deskcrm.service..", "org.deskcrm.ui.."));
    }

    @Test
    void noJavaFxBelowTheUi() {
        check(noClasses().that().resideInAnyPackage("org.deskcrm.service..", "org.deskcrm.persistence..",
                        "org.deskcrm.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.deskcrm.ui.."));
    }

    @Test
    void jooqAndJdbcOnlyInPersistence() {
        check(noClasses().that().resideOutsideOfPackage("org.deskcrm.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.deskcrm.persistence.jooq.."));
    }

    @Test
    void uiNeverReachesPersistence() {
        check(noClasses().that().resideInAPackage("org.deskcrm.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deskcrm.persistence..", "java.sql.."));
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        check(noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage.."));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
