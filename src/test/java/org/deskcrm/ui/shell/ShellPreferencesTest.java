package org.deskcrm.ui.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The remembered window size never exceeds the screen it opens on. */
class ShellPreferencesTest {
    private final Preferences node = Preferences.userRoot().node("org/deskcrm/test/" + UUID.randomUUID());
    private final ShellPreferences prefs = new ShellPreferences(node);

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    @Test
    void aSizeRememberedOnABigScreenIsFittedToASmallOne() {
        prefs.setWindow(1900, 1050, false);
        // a 1366×768 laptop, less the frame and the task bar
        assertThat(prefs.fittedSize(1280, 800, 1350, 688, 900, 600)).containsExactly(1350, 688);
        // on a big screen it keeps its size
        assertThat(prefs.fittedSize(1280, 800, 2544, 1400, 900, 600)).containsExactly(1900, 1050);
    }

    @Test
    void theDefaultAndTheMinimumAlsoFit() {
        assertThat(prefs.fittedSize(1280, 800, 1350, 688, 900, 600)).containsExactly(1280, 688);
        prefs.setWindow(300, 200, false);
        assertThat(prefs.fittedSize(1280, 800, 1350, 688, 900, 600)).containsExactly(900, 600);
        // a screen smaller than the minimum: the screen wins
        assertThat(prefs.fittedSize(1280, 800, 800, 560, 900, 600)).containsExactly(800, 560);
    }
}
