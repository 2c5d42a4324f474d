package org.deskcrm.ui.shell;

import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import org.deskcrm.ui.common.I18n;

import java.util.function.Consumer;

/** The first-start tab on an empty database: generate a demo company, or start with nothing. */
public final class WelcomeView {
    private final VBox root;
    private final Button generate;
    private final Button empty;

    public WelcomeView(I18n i18n, Consumer<WelcomeView> onGenerate, Runnable onStartEmpty) {
        generate = new Button(i18n.get("shell.welcome.generate"));
        generate.setId("generateDemo");
        generate.setDefaultButton(true);
        generate.getStyleClass().add("accent");
        generate.setOnAction(e -> onGenerate.accept(this));
        empty = new Button(i18n.get("shell.welcome.startEmpty"));
        empty.setId("startEmpty");
        empty.setOnAction(e -> onStartEmpty.run());
        root = EmptyState.of(Icons.SPARK, i18n.get("shell.welcome.title"), i18n.get("shell.welcome.text"), generate, empty);
        root.setId("welcome");
        root.getStyleClass().add("welcome");
    }

    public VBox node() {
        return root;
    }

    /** While the demo data is being generated the buttons wait (Cancel is in the status bar). */
    public void setBusy(boolean busy) {
        generate.setDisable(busy);
        empty.setDisable(busy);
    }
}
