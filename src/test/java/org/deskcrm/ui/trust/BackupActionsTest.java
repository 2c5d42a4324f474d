package org.deskcrm.ui.trust;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.common.Progress;
import org.deskcrm.ui.common.DialogService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.SameThreadExecutor;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.common.Workspace;
import org.deskcrm.ui.shell.LongJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's backup and restore actions, with the jobs run on the calling thread. */
class BackupActionsTest {
    final List<String> shown = new ArrayList<>();
    boolean answer = true;

    final DialogService dialogs = new DialogService() {
        @Override
        public void error(String title, String message) {
            shown.add("error: " + message);
        }

        @Override
        public void info(String title, String message) {
            shown.add("info: " + message);
        }

        @Override
        public boolean confirm(String title, String message) {
            shown.add("confirm: " + message);
            return answer;
        }

        @Override
        public Optional<Integer> choose(String title, String message, List<String> options) {
            return Optional.empty();
        }

        @Override
        public Optional<String> prompt(String title, String message, String initial) {
            return Optional.empty();
        }
    };

    final LongJobs jobs = new LongJobs() {
        @Override
        public <T> TaskExecutor.Job run(String title, org.deskcrm.ui.common.BackgroundWork<T> work,
                                        java.util.function.Consumer<? super T> onSuccess,
                                        java.util.function.Consumer<Throwable> onFailure) {
            try {
                onSuccess.accept(work.call(Progress.NONE));
            } catch (Exception e) {
                onFailure.accept(e instanceof CancellationException ? e : e);
            }
            return null;
        }
    };

    final List<String> status = new ArrayList<>();
    final Workspace workspace = (Workspace) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{Workspace.class}, (proxy, method, args) -> {
                if (method.getName().equals("status")) {
                    status.add((String) args[0]);
                }
                return null;
            });

    @Test
    void backUpFromOneWindowAndRestoreInAnotherAfterConfirming(@TempDir Path dir) {
        I18n i18n = new I18n(Locale.ENGLISH);
        Path file = dir.resolve("crm.zip");
        try (AppContext source = new AppContext(TestDatabases.h2()); AppContext target = new AppContext(TestDatabases.h2())) {
            source.ensureReferenceData(Locale.ENGLISH);
            source.clients().save(new ClientCard(Client.draft(ClientKind.COMPANY, "Backed up"), List.of(), List.of()), null);
            new BackupActions(source.backup(), jobs, new SameThreadExecutor(), dialogs, workspace, i18n, () -> null)
                    .backupTo(file);
            assertThat(file).exists();
            assertThat(shown).singleElement().asString().startsWith("info: Backup written to");

            target.ensureReferenceData(Locale.ENGLISH);
            target.clients().save(new ClientCard(Client.draft(ClientKind.PERSON, "Will be replaced"), List.of(), List.of()), null);
            BackupActions restore = new BackupActions(target.backup(), jobs, new SameThreadExecutor(), dialogs, workspace,
                    i18n, () -> null);
            answer = false;
            restore.restoreFrom(file);
            assertThat(shown.get(1)).startsWith("confirm: Restore from crm.zip?")
                    .contains("1 clients").contains("Everything now in this database will be replaced");
            assertThat(target.clients().search("Will be", 5)).hasSize(1);

            answer = true;
            restore.restoreFrom(file);
            assertThat(shown.get(shown.size() - 1)).startsWith("info: Restored:");
            assertThat(target.clients().search("Will be", 5)).isEmpty();
            assertThat(target.clients().count(ClientFilter.ALL.withArchived(true))).isEqualTo(1);

            restore.restoreFrom(dir.resolve("missing.zip"));
            assertThat(shown.get(shown.size() - 1)).startsWith("error: ").doesNotContain("Exception");
        }
    }
}
