package org.deskcrm.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.deskcrm.ui.common.I18n;

/** Shown while the database opens (and upgrades); shows a localized error with Quit when it fails. */
public final class SplashView {
    private final VBox root = new VBox();
    private final Label status = new Label();
    private final Label detail = new Label();
    private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Button quit = new Button();

    public SplashView(I18n i18n, Image logo, Runnable onQuit) {
        root.setId("splash");
        root.getStyleClass().addAll("splash");
        root.setAlignment(Pos.CENTER);
        root.setPrefWidth(480);
        root.setMinHeight(340);
        Label name = new Label(i18n.get("shell.app.name"));
        name.getStyleClass().add("splash-title");
        Label tagline = new Label(i18n.get("shell.app.tagline"));
        tagline.getStyleClass().add("splash-tagline");
        status.setId("splashStatus");
        status.getStyleClass().add("splash-status");
        status.setText(i18n.get("shell.splash.opening"));
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setAlignment(Pos.CENTER);
        detail.getStyleClass().add("splash-detail");
        detail.setWrapText(true);
        detail.setMaxWidth(Double.MAX_VALUE);
        detail.setAlignment(Pos.CENTER);
        detail.setVisible(false);
        detail.setManaged(false);
        progress.setPrefWidth(280);
        quit.setText(i18n.get("shell.splash.quit"));
        quit.setId("splashQuit");
        quit.setOnAction(e -> onQuit.run());
        quit.setVisible(false);
        quit.setManaged(false);
        if (logo != null) {
            ImageView view = new ImageView(logo);
            view.setFitWidth(72);
            view.setFitHeight(72);
            view.setSmooth(true);
            root.getChildren().add(view);
        }
        HBox buttons = new HBox(quit);
        buttons.setAlignment(Pos.CENTER);
        root.getChildren().addAll(name, tagline, progress, status, detail, buttons);
    }

    public VBox node() {
        return root;
    }

    /** What the opening is doing now (already localized), in place of "Opening the database…". */
    public void showStatus(String text) {
        status.setText(text);
    }

    /** The database could not be opened: say so (already localized) and offer Quit. */
    public void showError(String message, String technicalDetail) {
        progress.setVisible(false);
        progress.setManaged(false);
        status.setText(message);
        status.getStyleClass().add("error");
        if (technicalDetail != null && !technicalDetail.isBlank()) {
            detail.setText(technicalDetail);
            detail.setVisible(true);
            detail.setManaged(true);
        }
        quit.setVisible(true);
        quit.setManaged(true);
        quit.requestFocus();
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().sizeToScene();
        }
    }
}
