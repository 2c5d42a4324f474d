package org.deskcrm;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: opens the database off the FX thread and shows the main window. */
public class DeskCrmApp extends Application {

    public static void main(String[] args) {
        launch(DeskCrmApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("DeskCRM");
        stage.setScene(new Scene(new Label("DeskCRM"), 1200, 800));
        stage.show();
    }
}
