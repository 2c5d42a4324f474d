package org.deskcrm.ui.imports;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.deskcrm.model.io.CellIssue;
import org.deskcrm.model.io.CsvDelimiter;
import org.deskcrm.model.io.CsvEncoding;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportField;
import org.deskcrm.model.io.ImportRow;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.imports.ImportWizardViewModel.Step;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The import wizard's pages over one set of buttons (Back, Next, Import, Cancel). Invalid cells of
 * the preview are highlighted (style class {@code import-invalid}) with the reason as tooltip.
 */
public final class ImportWizardView extends BorderPane {
    private final ImportWizardViewModel vm;
    private final I18n i18n;
    private final Label title = new Label();

    public ImportWizardView(ImportWizardViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("import-wizard");
        setPadding(new Insets(12));
        setPrefSize(900, 600);
        getStylesheets().add(ImportWizardView.class.getResource("imports.css").toExternalForm());
        title.getStyleClass().add("import-title");
        Label error = new Label();
        error.setId("import-error");
        error.getStyleClass().add("import-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label result = new Label();
        result.setId("import-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());
        setTop(new VBox(6, title, error, result));
        setBottom(buttons());
        vm.stepProperty().addListener((o, a, b) -> show(b));
        show(vm.stepProperty().get());
    }

    private void show(Step step) {
        title.setText(i18n.get("imports.wizard.step." + step.name().toLowerCase(Locale.ROOT)));
        Node page = switch (step) {
            case FILE -> filePage();
            case TARGET -> targetPage();
            case MAPPING -> mappingPage();
            case VALUES -> valuesPage();
            case PREVIEW -> previewPage();
            case RUN -> runPage();
        };
        setCenter(page);
        BorderPane.setMargin(page, new Insets(8, 0, 8, 0));
    }

    private HBox buttons() {
        Button back = new Button(i18n.get("imports.wizard.back"));
        back.setId("import-back");
        back.setOnAction(e -> {
            Step s = vm.stepProperty().get();
            vm.stepProperty().set(Step.values()[Math.max(0, s.ordinal() - 1)]);
        });
        back.disableProperty().bind(vm.stepProperty().isEqualTo(Step.FILE).or(vm.busyProperty())
                .or(vm.runningProperty()).or(vm.doneProperty()));
        Button next = new Button(i18n.get("imports.wizard.next"));
        next.setId("import-next");
        next.setDefaultButton(true);
        next.setOnAction(e -> {
            switch (vm.stepProperty().get()) {
                case TARGET -> vm.toMapping();
                case MAPPING -> vm.toValues();
                case VALUES -> vm.toPreview();
                default -> { }
            }
        });
        next.visibleProperty().bind(vm.stepProperty().isEqualTo(Step.TARGET).or(vm.stepProperty().isEqualTo(Step.MAPPING))
                .or(vm.stepProperty().isEqualTo(Step.VALUES)));
        next.disableProperty().bind(vm.busyProperty());
        Button run = new Button(i18n.get("imports.wizard.import"));
        run.setId("import-run");
        run.visibleProperty().bind(vm.stepProperty().isEqualTo(Step.PREVIEW));
        run.disableProperty().bind(vm.busyProperty().or(Bindings.isNotEmpty(vm.issues())));
        run.setOnAction(e -> vm.run());
        Button cancel = new Button(i18n.get("imports.wizard.cancel"));
        cancel.setId("import-cancel");
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.setOnAction(e -> vm.cancel());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox box = new HBox(8, busy, spring, back, next, run, cancel);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private Node filePage() {
        Button choose = new Button(i18n.get("imports.wizard.choose"));
        choose.setId("import-choose");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(i18n.get("imports.wizard.choose"));
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Excel, CSV", "*.xlsx", "*.xls", "*.csv"),
                    new FileChooser.ExtensionFilter("*", "*.*"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.load(f.toPath());
            }
        });
        Label hint = new Label(i18n.get("imports.wizard.fileHint"));
        hint.setWrapText(true);
        return new VBox(10, hint, choose);
    }

    private Node targetPage() {
        GridPane g = grid();
        Label file = new Label();
        file.textProperty().bind(vm.fileNameProperty());
        ComboBox<ImportTarget> target = combo(List.of(ImportTarget.values()), t -> i18n.get("imports.target." + t.code()));
        target.setId("import-target");
        target.valueProperty().bindBidirectional(vm.targetProperty());
        ComboBox<String> profile = new ComboBox<>(vm.profileNames());
        profile.setId("import-profile");
        profile.setPromptText(i18n.get("imports.wizard.noProfile"));
        profile.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.chooseProfile(b);
            }
        });
        vm.targetProperty().addListener((o, a, b) -> profile.setValue(null)); // another target drops the profile
        ComboBox<DuplicateMode> dup = combo(List.of(DuplicateMode.values()),
                d -> i18n.get("imports.duplicates." + d.name().toLowerCase(Locale.ROOT)));
        dup.setId("import-duplicates");
        dup.valueProperty().bindBidirectional(vm.duplicatesProperty());
        javafx.scene.control.CheckBox create = new javafx.scene.control.CheckBox(i18n.get("imports.wizard.createMissing"));
        create.setId("import-create-missing");
        create.selectedProperty().bindBidirectional(vm.createMissingProperty());
        ComboBox<String> pipeline = new ComboBox<>();
        pipeline.getItems().add("");
        pipeline.getItems().addAll(vm.pipelines());
        pipeline.setId("import-pipeline");
        pipeline.setPromptText(i18n.get("imports.wizard.anyPipeline"));
        pipeline.valueProperty().bindBidirectional(vm.pipelineProperty());
        Label pipelineLabel = new Label(i18n.get("imports.wizard.pipeline"));
        javafx.beans.binding.BooleanBinding deals = vm.targetProperty().isEqualTo(ImportTarget.DEALS)
                .or(vm.targetProperty().isEqualTo(ImportTarget.DEAL_HISTORY));
        pipeline.visibleProperty().bind(deals);
        pipelineLabel.visibleProperty().bind(deals);
        ComboBox<CsvEncoding> enc = combo(List.of(CsvEncoding.values()),
                x -> i18n.get("imports.encoding." + x.name().toLowerCase(Locale.ROOT)));
        enc.valueProperty().bindBidirectional(vm.encodingProperty());
        ComboBox<CsvDelimiter> del = combo(List.of(CsvDelimiter.values()),
                x -> i18n.get("imports.delimiter." + x.name().toLowerCase(Locale.ROOT)));
        del.valueProperty().bindBidirectional(vm.delimiterProperty());
        ComboBox<String> sheet = new ComboBox<>(vm.sheets());
        sheet.valueProperty().bindBidirectional(vm.sheetProperty());
        sheet.disableProperty().bind(Bindings.isEmpty(vm.sheets()));
        int r = 0;
        g.addRow(r++, new Label(i18n.get("imports.wizard.file")), file);
        g.addRow(r++, new Label(i18n.get("imports.wizard.target")), target);
        g.addRow(r++, new Label(i18n.get("imports.wizard.profile")), profile);
        g.addRow(r++, new Label(i18n.get("imports.wizard.duplicates")), dup);
        g.add(create, 1, r++);
        g.addRow(r++, pipelineLabel, pipeline);
        g.addRow(r++, new Label(i18n.get("imports.wizard.encoding")), enc);
        g.addRow(r++, new Label(i18n.get("imports.wizard.delimiter")), del);
        g.addRow(r, new Label(i18n.get("imports.wizard.sheet")), sheet);
        return g;
    }

    private Node mappingPage() {
        GridPane g = grid();
        int r = 0;
        for (ImportField f : vm.targetProperty().get().fields()) {
            ComboBox<String> col = new ComboBox<>();
            col.getItems().add("");
            col.getItems().addAll(vm.headers());
            col.setId("import-column-" + f.key());
            col.valueProperty().bindBidirectional(vm.column(f.key()));
            Label label = new Label(vm.fieldLabel(f.key()) + (f.required() ? " *" : ""));
            g.addRow(r++, label, col);
        }
        TextField name = new TextField();
        name.setId("import-profile-name");
        name.setPromptText(i18n.get("imports.wizard.profileName"));
        name.textProperty().bindBidirectional(vm.profileNameProperty());
        Button save = new Button(i18n.get("imports.wizard.saveProfile"));
        save.setId("import-save-profile");
        save.disableProperty().bind(name.textProperty().isEmpty().or(vm.busyProperty()));
        save.setOnAction(e -> vm.saveProfile());
        Button toFile = new Button(i18n.get("imports.wizard.saveProfileFile"));
        toFile.setId("import-save-profile-file");
        toFile.disableProperty().bind(vm.busyProperty());
        toFile.setOnAction(e -> profileFile(true));
        Button fromFile = new Button(i18n.get("imports.wizard.openProfileFile"));
        fromFile.setId("import-open-profile-file");
        fromFile.disableProperty().bind(vm.busyProperty());
        fromFile.setOnAction(e -> profileFile(false));
        g.addRow(r, new HBox(6, name, save, toFile, fromFile));
        return new ScrollPane(g);
    }

    private void profileFile(boolean save) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("DeskCRM profile", "*.properties"));
        fc.setInitialFileName(vm.targetProperty().get().code() + ".properties");
        File f = save ? fc.showSaveDialog(getScene().getWindow()) : fc.showOpenDialog(getScene().getWindow());
        if (f != null && save) {
            vm.saveProfileFile(f.toPath());
        } else if (f != null) {
            vm.openProfileFile(f.toPath());
        }
    }

    private Node valuesPage() {
        if (vm.values().isEmpty()) {
            return new Label(i18n.get("imports.wizard.noValues"));
        }
        GridPane g = grid();
        int r = 0;
        for (ValueChoice v : vm.values()) {
            ComboBox<String> to = new ComboBox<>();
            to.getItems().addAll(v.choices());
            to.setEditable(true);
            to.setId("import-value-" + r);
            to.valueProperty().bindBidirectional(v.mappedProperty());
            Label hint = new Label(v.suggested().isEmpty() ? ""
                    : i18n.format("imports.wizard.suggested", String.join(", ", v.suggested())));
            hint.setId("import-suggested-" + r);
            if (!v.suggested().isEmpty()) {
                to.setPromptText(v.suggested().get(0));
            }
            javafx.scene.control.CheckBox create = new javafx.scene.control.CheckBox(i18n.get("imports.wizard.createValue"));
            create.setId("import-create-" + r);
            create.setVisible(v.creatable());
            create.setManaged(v.creatable());
            create.selectedProperty().bindBidirectional(v.createProperty());
            to.disableProperty().bind(v.createProperty());
            g.addRow(r++, new Label(i18n.get("imports.kind." + v.kind().name().toLowerCase(Locale.ROOT))),
                    new Label(v.fileValue()), new Label("→"), to, create, hint);
        }
        return new ScrollPane(g);
    }

    private Node previewPage() {
        TableView<ImportRow> table = new TableView<>(vm.rows());
        table.setId("import-preview");
        TableColumn<ImportRow, String> number = new TableColumn<>("#");
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().number())));
        table.getColumns().add(number);
        List<String> headers = vm.headersOfTable();
        for (int i = 0; i < headers.size(); i++) {
            int index = i;
            String header = headers.get(i);
            TableColumn<ImportRow, String> col = new TableColumn<>(header);
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(cut(c.getValue().cell(index))));
            col.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("import-invalid");
                    setTooltip(null);
                    ImportRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                    setText(empty ? null : item);
                    String why = row == null ? null : vm.issueAt(row.number(), header);
                    if (why != null) {
                        getStyleClass().add("import-invalid");
                        setTooltip(new Tooltip(why));
                    }
                }
            });
            table.getColumns().add(col);
        }
        ListView<CellIssue> issues = new ListView<>(vm.issues());
        issues.setId("import-issues");
        issues.setPrefHeight(160);
        issues.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CellIssue i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : i18n.format("imports.wizard.issue", i.row(),
                        i.column().isEmpty() ? "—" : i.column(), vm.reason(i)));
            }
        });
        Label summary = new Label();
        summary.setId("import-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Label details = new Label();
        details.setId("import-details");
        details.setWrapText(true);
        details.textProperty().bind(vm.detailsProperty());
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(6, summary, details, table, issues, reportButton());
    }

    private Node runPage() {
        ProgressBar bar = new ProgressBar();
        bar.setId("import-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label step = new Label();
        step.textProperty().bind(vm.progressTextProperty());
        ListView<CellIssue> issues = new ListView<>(vm.issues());
        issues.visibleProperty().bind(Bindings.isNotEmpty(vm.issues()));
        issues.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CellIssue i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : i18n.format("imports.wizard.issue", i.row(), i.column(), vm.reason(i)));
            }
        });
        return new VBox(8, step, bar, issues, reportButton());
    }

    private Button reportButton() {
        Button report = new Button(i18n.get("imports.wizard.saveReport"));
        report.setId("import-save-report");
        report.visibleProperty().bind(vm.errorProperty().isNotEmpty().and(Bindings.isNotEmpty(vm.issues())));
        report.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(vm.fileNameProperty().get() + ".errors.xlsx");
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Excel", "*.xlsx"),
                    new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) {
                vm.writeErrorReport(f.toPath());
            }
        });
        return report;
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        return g;
    }

    private static <T> ComboBox<T> combo(List<T> items, Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        return box;
    }
}
