package org.deskcrm.cli;

import org.deskcrm.AppContext;
import org.deskcrm.model.audit.AuditAction;
import org.deskcrm.model.audit.AuditEvent;
import org.deskcrm.persistence.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An import from the command line is the system actor's: the event feed records it with no user (ADR 0014). */
class ImportCommandAuditTest {
    @TempDir
    Path dir;

    @Test
    void aCommandLineImportIsRecordedWithNoUserNotAsTheAdministrator() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("crm").toAbsolutePath();
        Path file = dir.resolve("clients.csv");
        Files.writeString(file, "name,inn\nAcme,\nGlobex,\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"import", "clients", file.toString(), "--db", url});
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        try (AppContext ctx = AppContext.open(new DatabaseConfig(url, null, null))) {
            List<AuditEvent> imports = ctx.audit().between(Instant.EPOCH, Instant.now().plusSeconds(3600), 1000).stream()
                    .filter(e -> e.action() == AuditAction.IMPORT).toList();
            assertThat(imports).hasSize(1);
            assertThat(imports.get(0).userId()).as("no user, not the administrator").isNull();
            assertThat(imports.get(0).details()).contains("created=2");
        }
    }
}
