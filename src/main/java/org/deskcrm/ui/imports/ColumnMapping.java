package org.deskcrm.ui.imports;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.io.ImportField;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTable;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.service.imports.ImportService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.imports.ImportWizardViewModel.Step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The column-mapping step: the table read from the file with the target step's options, and which of its
 * columns feeds each field of the target (the chosen profile's mapping, else guessed from the field labels).
 */
final class ColumnMapping {
    private final ImportWizardViewModel wizard;
    private final ImportService service;
    private final WizardProfiles profiles;
    private final I18n i18n;
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final Map<String, StringProperty> columns = new LinkedHashMap<>();
    /** The file as last read; null until the mapping step is reached for the current file. */
    private ImportTable table;

    ColumnMapping(ImportWizardViewModel wizard, ImportService service, WizardProfiles profiles, I18n i18n) {
        this.wizard = wizard;
        this.service = service;
        this.profiles = profiles;
        this.i18n = i18n;
    }

    /** Reads the table in the background, fills the mapping (the profile's, else guessed) and shows the step. */
    void read() {
        ImportSettings reading = wizard.settings();
        ImportTarget t = wizard.targetProperty().get();
        String name = wizard.fileNameProperty().get();
        byte[] data = wizard.bytes();
        wizard.submit(p -> service.read(data, name, reading), tbl -> {
            table = tbl;
            headers.setAll(tbl.headers());
            Map<String, String> chosen = profiles.columns();
            Map<String, String> m = !chosen.isEmpty() ? chosen
                    : ImportService.guessColumns(t, tbl.headers(), f -> List.of(fieldLabel(f)));
            for (ImportField f : t.fields()) {
                String c = m.get(f.key());
                column(f.key()).set(c != null && tbl.headers().contains(c) ? c : "");
            }
            wizard.show(Step.MAPPING);
        });
    }

    /** Another file: the table read from the last one is dropped. */
    void forgetTable() {
        table = null;
    }

    /** The table as last read, or null. */
    ImportTable table() {
        return table;
    }

    List<String> headersOfTable() {
        return table == null ? List.of() : table.headers();
    }

    ObservableList<String> headers() {
        return headers;
    }

    /** The column mapped to a field (empty: not imported). */
    StringProperty column(String field) {
        return columns.computeIfAbsent(field, f -> new SimpleStringProperty(""));
    }

    /** The target's fields that have a column, each with its column's header. */
    Map<String, String> mapped(ImportTarget target) {
        Map<String, String> map = new LinkedHashMap<>();
        for (ImportField f : target.fields()) {
            String c = column(f.key()).get();
            if (c != null && !c.isBlank()) {
                map.put(f.key(), c);
            }
        }
        return map;
    }

    /** A field's label in the user's language (its key when it has none). */
    String fieldLabel(String field) {
        String key = "imports.field." + field;
        return i18n.has(key) ? i18n.get(key) : field;
    }
}
