package org.deskcrm.ui.connect;

import org.deskcrm.AppContext;
import org.deskcrm.model.connect.ConnectionKind;
import org.deskcrm.model.connect.ConnectionSpec;
import org.deskcrm.service.connect.ConnectionService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The connect form's rules, on real H2 files through the real service (work runs on the test thread). */
class ConnectDialogViewModelTest {
    private final I18n en = new I18n(Locale.ENGLISH);
    private final List<ConnectionSpec> switched = new ArrayList<>();
    @TempDir
    Path dir;

    private ConnectDialogViewModel vm(boolean tabsAllowClosing) {
        ConnectionService service = new ConnectionService(dir.resolve("local"));
        DatabaseSwitch recorder = new DatabaseSwitch() {
            @Override
            public AppContext open(ConnectionSpec spec) {
                return AppContext.open(service.config(spec));
            }

            @Override
            public boolean switchTo(AppContext opened, ConnectionSpec spec) {
                if (!tabsAllowClosing) {
                    return false;
                }
                switched.add(spec);
                opened.close();
                return true;
            }
        };
        return new ConnectDialogViewModel(service, new SameThreadExecutor(), en, recorder, ConnectionSpec.local());
    }

    @Test
    void aKindBringsItsUsualPortAndMissingFieldsAreNamed() {
        ConnectDialogViewModel vm = vm(true);
        vm.kindProperty().set(ConnectionKind.POSTGRES);
        assertThat(vm.portProperty().get()).isEqualTo("5432");
        vm.kindProperty().set(ConnectionKind.H2_SERVER);
        assertThat(vm.portProperty().get()).as("an untouched default follows the kind").isEqualTo("9092");
        vm.portProperty().set("19092");
        vm.kindProperty().set(ConnectionKind.POSTGRES);
        assertThat(vm.portProperty().get()).as("a typed port stays").isEqualTo("19092");

        vm.hostProperty().set("");
        vm.databaseProperty().set("");
        vm.testConnection();
        assertThat(vm.resultProperty().get()).isEqualTo(en.format("connect.status.missing", String.join(", ",
                en.get("connect.field.host"), en.get("connect.field.database"), en.get("connect.field.user"))));
        assertThat(vm.resultOkProperty().get()).isFalse();
    }

    @Test
    void connectOpensASharedFileAndSwitchesOnlyWhenTheTabsLetGo() {
        ConnectDialogViewModel refused = vm(false);
        refused.kindProperty().set(ConnectionKind.H2_SHARED_FILE);
        refused.databaseProperty().set(dir.resolve("shared").toString());
        refused.connect();
        assertThat(refused.resultProperty().get()).isEqualTo(en.get("connect.status.tabsOpen"));
        assertThat(refused.doneProperty().get()).isFalse();

        ConnectDialogViewModel vm = vm(true);
        vm.kindProperty().set(ConnectionKind.H2_SHARED_FILE);
        vm.databaseProperty().set(dir.resolve("shared").toString());
        vm.testConnection();
        assertThat(vm.resultProperty().get()).startsWith(en.format("connect.result.ok", "H2 2."));
        assertThat(vm.resultOkProperty().get()).isTrue();
        vm.connect();
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(switched).singleElement().extracting(ConnectionSpec::kind).isEqualTo(ConnectionKind.H2_SHARED_FILE);
    }

    @Test
    void anUnreachableServerIsSaidInWordsAndNothingIsSwitched() throws Exception {
        ConnectDialogViewModel vm = vm(true);
        vm.kindProperty().set(ConnectionKind.POSTGRES);
        vm.hostProperty().set("localhost");
        try (ServerSocket s = new ServerSocket(0)) {
            vm.portProperty().set(String.valueOf(s.getLocalPort()));
        }
        vm.databaseProperty().set("crm");
        vm.userProperty().set("crm");
        vm.connect();
        assertThat(vm.resultProperty().get()).startsWith(en.get("connect.result.unreachable"));
        assertThat(switched).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aFailureWhileOpeningIsShownAsTheLocalizedSentence() {
        DatabaseSwitch failing = new DatabaseSwitch() {
            @Override
            public AppContext open(ConnectionSpec spec) {
                throw new org.deskcrm.model.common.AppException("connect.error.newerSchema", "901");
            }

            @Override
            public boolean switchTo(AppContext opened, ConnectionSpec spec) {
                throw new AssertionError("nothing was opened");
            }
        };
        ConnectDialogViewModel vm = new ConnectDialogViewModel(new ConnectionService(dir.resolve("local")),
                new SameThreadExecutor(), en, failing, ConnectionSpec.local());
        vm.connect();
        assertThat(vm.resultProperty().get()).isEqualTo(en.format("connect.error.newerSchema", "901")).contains("901");
        assertThat(vm.doneProperty().get()).isFalse();
    }

    @Test
    void thePasswordIsNeverRememberedAndAnOldClearTextOneIsRemoved() throws Exception {
        Preferences node = Preferences.userRoot().node("org/deskcrm/test/" + java.util.UUID.randomUUID());
        try {
            ConnectionPreferences prefs = new ConnectionPreferences(node);
            assertThat(prefs.remembered()).isEmpty();
            ConnectionSpec pg = new ConnectionSpec(ConnectionKind.POSTGRES, "db.local", 5433, "crm", "anna", "secret");
            prefs.remember(pg);
            assertThat(prefs.remembered()).contains(pg.withoutPassword());
            assertThat(node.get("connection.password", null)).isNull();
            node.put("connection.password", "left by an older version");
            node.flush();
            assertThat(new ConnectionPreferences(node).remembered()).contains(pg.withoutPassword());
            assertThat(node.get("connection.password", null)).as("removed on the first start").isNull();
            // after a connect remembered with a distinctive password: no preferences file holds it
            String secret = "pw-" + java.util.UUID.randomUUID();
            prefs.remember(new ConnectionSpec(ConnectionKind.POSTGRES, "db.local", 5433, "crm", "anna", secret));
            java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
            node.exportSubtree(xml);
            assertThat(xml.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(secret);
            Path store = Path.of(System.getProperty("user.home"), ".java", ".userPrefs");
            if (java.nio.file.Files.isDirectory(store)) {
                try (var files = java.nio.file.Files.walk(store)) {
                    assertThat(files.filter(java.nio.file.Files::isRegularFile).filter(f -> {
                        try {
                            return java.nio.file.Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret);
                        } catch (java.io.IOException e) {
                            return false;
                        }
                    }).toList()).as("preference files holding the password").isEmpty();
                }
            }
        } finally {
            node.removeNode();
        }
    }
}
