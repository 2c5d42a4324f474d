package org.deskcrm.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which arguments open the window and which run a command (the Launcher's choice). */
class CommandLineDetectionTest {
    @Test
    void windowOptionsWithValuesOpenTheWindow() {
        assertThat(Cli.isCommandLine(new String[]{})).isFalse();
        assertThat(Cli.isCommandLine(new String[]{"--db", "jdbc:h2:mem:x"})).isFalse();
        assertThat(Cli.isCommandLine(new String[]{"--db", "jdbc:postgresql://h/db", "--user", "crm",
                "--password", "secret", "--lang", "ru"})).isFalse();
        assertThat(Cli.isCommandLine(new String[]{"--lang=ru"})).isFalse();
        assertThat(Cli.isCommandLine(new String[]{"-psn_0_12345"})).isFalse();
    }

    @Test
    void aCommandOrHelpRunsTheCommandLine() {
        assertThat(Cli.isCommandLine(new String[]{"info"})).isTrue();
        assertThat(Cli.isCommandLine(new String[]{"--db", "jdbc:h2:mem:x", "info"})).isTrue();
        assertThat(Cli.isCommandLine(new String[]{"--help"})).isTrue();
    }
}
