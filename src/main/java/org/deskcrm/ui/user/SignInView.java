package org.deskcrm.ui.user;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.deskcrm.model.user.User;
import org.deskcrm.service.user.AuthService;
import org.deskcrm.ui.common.I18n;

import java.util.function.Consumer;

/** The sign-in form shown before the main window (and after signing out). */
public final class SignInView {
    private final VBox root = new VBox(12);

    public SignInView(SignInViewModel vm, I18n i18n, Image logo, Consumer<User> onSignedIn) {
        root.setId("signIn");
        root.getStyleClass().add("sign-in");
        root.setPadding(new Insets(28));
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPrefWidth(420);

        Label title = new Label(i18n.get(vm.createAdmin() ? "user.signIn.firstStart.title" : "user.signIn.title"));
        title.getStyleClass().add("sign-in-title");
        title.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
        title.setWrapText(true); // "Set the administrator's password" (and its Russian) must not end in "..."
        if (logo != null) {
            ImageView icon = new ImageView(logo);
            icon.setFitHeight(40);
            icon.setPreserveRatio(true);
            title.setGraphic(icon);
        }
        Label hint = new Label(vm.createAdmin() ? i18n.format("user.signIn.firstStart.hint",
                AuthService.MIN_PASSWORD_LENGTH) : i18n.format("user.signIn.hint", AuthService.DEMO_PASSWORD));
        hint.setWrapText(true);
        hint.setId("signInHint");

        TextField login = new TextField();
        login.setId("signInLogin");
        login.textProperty().bindBidirectional(vm.login());
        login.setEditable(!vm.createAdmin());
        PasswordField password = new PasswordField();
        password.setId("signInPassword");
        password.textProperty().bindBidirectional(vm.password());
        PasswordField repeat = new PasswordField();
        repeat.setId("signInRepeat");
        repeat.textProperty().bindBidirectional(vm.repeat());

        Button submit = new Button(i18n.get(vm.createAdmin() ? "user.signIn.create" : "user.signIn.submit"));
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(i18n.get("user.signIn.login")), login);
        form.addRow(1, new Label(i18n.get("user.signIn.password")), password);
        if (vm.createAdmin()) {
            form.addRow(2, new Label(i18n.get("user.signIn.repeat")), repeat);
        } else { // a person without a password chooses one: the repeat row appears
            vm.choosePassword().addListener((o, a, b) -> {
                if (b) {
                    form.addRow(2, new Label(i18n.get("user.signIn.repeat")), repeat);
                    title.setText(i18n.get("user.signIn.choose.title"));
                    hint.setText(i18n.format("user.signIn.choose.hint", AuthService.MIN_PASSWORD_LENGTH));
                    submit.setText(i18n.get("user.signIn.create"));
                    login.setEditable(false);
                    password.requestFocus();
                }
            });
        }

        Label error = new Label();
        error.setId("signInError");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.setStyle("-fx-text-fill: #c0392b;");
        error.textProperty().bind(vm.error());
        error.visibleProperty().bind(vm.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        submit.setId("signInButton");
        submit.setDefaultButton(true);
        submit.getStyleClass().add("accent");
        submit.disableProperty().bind(vm.busy());
        submit.setOnAction(e -> vm.submit(onSignedIn));

        root.getChildren().addAll(title, hint, form, error, submit);
        javafx.application.Platform.runLater(() -> (vm.createAdmin() || !vm.login().get().isEmpty()
                ? password : login).requestFocus());
    }

    public Parent node() {
        return root;
    }
}
