package org.deskcrm.ui.imports;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.io.CsvDelimiter;
import org.deskcrm.model.io.CsvEncoding;
import org.deskcrm.model.io.DuplicateMode;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.RefKind;

import java.util.List;
import java.util.Map;

/**
 * The target step's options: what a duplicate does, whether missing names are created, the pipeline a
 * deal's stages are looked up in, and how the file is read (CSV encoding and separator, the sheet).
 */
final class ImportOptions {
    private final ObjectProperty<DuplicateMode> duplicates = new SimpleObjectProperty<>(DuplicateMode.SKIP);
    private final BooleanProperty createMissing = new SimpleBooleanProperty(false);
    private final ObservableList<String> pipelines = FXCollections.observableArrayList();
    private final StringProperty pipeline = new SimpleStringProperty("");
    private final ObjectProperty<CsvEncoding> encoding = new SimpleObjectProperty<>(CsvEncoding.AUTO);
    private final ObjectProperty<CsvDelimiter> delimiter = new SimpleObjectProperty<>(CsvDelimiter.AUTO);
    private final StringProperty sheet = new SimpleStringProperty("");
    private final ObservableList<String> sheets = FXCollections.observableArrayList();

    /** What a loaded file offers: the pipelines known to the database and the file's sheets (the first chosen). */
    void offer(List<String> knownPipelines, List<String> fileSheets) {
        pipelines.setAll(knownPipelines);
        sheets.setAll(fileSheets);
        sheet.set(fileSheets.isEmpty() ? "" : fileSheets.get(0));
    }

    /** Takes a profile's options (its sheet only when it names one). */
    void apply(ImportSettings s) {
        duplicates.set(s.duplicates());
        createMissing.set(s.createMissing());
        pipeline.set(s.pipeline());
        encoding.set(s.encoding());
        delimiter.set(s.delimiter());
        if (!s.sheet().isEmpty()) {
            sheet.set(s.sheet());
        }
    }

    /** The settings of these options over a column mapping and value mappings. */
    ImportSettings settings(Map<String, String> columns, Map<RefKind, Map<String, String>> values) {
        return new ImportSettings(columns, values, duplicates.get(), encoding.get(), delimiter.get(),
                sheets.isEmpty() ? "" : sheet.get())
                .withCreateMissing(createMissing.get())
                .withPipeline(pipeline.get() == null ? "" : pipeline.get());
    }

    ObjectProperty<DuplicateMode> duplicates() {
        return duplicates;
    }

    BooleanProperty createMissing() {
        return createMissing;
    }

    ObservableList<String> pipelines() {
        return pipelines;
    }

    StringProperty pipeline() {
        return pipeline;
    }

    ObjectProperty<CsvEncoding> encoding() {
        return encoding;
    }

    ObjectProperty<CsvDelimiter> delimiter() {
        return delimiter;
    }

    StringProperty sheet() {
        return sheet;
    }

    ObservableList<String> sheets() {
        return sheets;
    }
}
