package org.deskcrm.ui.imports;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.io.ImportProfile;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.ImportTarget;
import org.deskcrm.service.imports.ImportProfiles;
import org.deskcrm.ui.common.I18n;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The profile the wizard starts from: the target's saved and shipped profiles, the one chosen or opened
 * from a file (its options applied at once, its mappings on the next steps), and the current settings
 * saved as a profile or written to a profile file.
 */
final class WizardProfiles {
    private final ImportWizardViewModel wizard;
    private final ImportProfiles profiles;
    private final ImportOptions options;
    private final I18n i18n;
    private final Supplier<Long> userId;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    /** The profile chosen, opened or last saved; null for none. */
    private ImportProfile chosen;

    WizardProfiles(ImportWizardViewModel wizard, ImportProfiles profiles, ImportOptions options, I18n i18n,
                   Supplier<Long> userId) {
        this.wizard = wizard;
        this.profiles = profiles;
        this.options = options;
        this.i18n = i18n;
        this.userId = userId;
    }

    /** Another target: no profile chosen, and the new target's profiles listed. */
    void targetChanged() {
        chosen = null;
        name.set("");
        load();
    }

    /** Lists the current target's profiles in the background. */
    void load() {
        ImportTarget t = wizard.targetProperty().get();
        wizard.submit(p -> profiles.list(t), list -> names.setAll(list.stream().map(ImportProfile::name).toList()));
    }

    /** Applies a saved profile's settings (reading options now, mapping and values on the next steps). */
    void choose(String profileName) {
        ImportTarget t = wizard.targetProperty().get();
        wizard.submit(p -> profiles.find(t, profileName), found -> found.ifPresent(this::use));
    }

    /** Opens a profile file (docs/import.md, "Profiles") for the current target, as if it were chosen. */
    void openFile(Path file) {
        ImportTarget t = wizard.targetProperty().get();
        wizard.submit(p -> profiles.readFile(file, t), this::use);
    }

    private void use(ImportProfile profile) {
        chosen = profile;
        name.set(profile.name());
        options.apply(profile.settings());
    }

    /** Writes the current settings to a profile file the command line reads with --profile. */
    void saveFile(Path file) {
        ImportSettings s = wizard.settings();
        ImportTarget t = wizard.targetProperty().get();
        wizard.submit(p -> {
            profiles.writeFile(file, t, s);
            return file;
        }, f -> wizard.setResult(i18n.format("imports.wizard.profileFileSaved", f.toString())));
    }

    /** Saves the current settings under the profile name (over the chosen profile when the name is its name). */
    void save() {
        ImportProfile p = new ImportProfile(chosen != null && chosen.name().equals(name.get().strip())
                ? chosen.id() : null, name.get(), wizard.targetProperty().get(), wizard.settings(),
                chosen == null ? 0 : chosen.version());
        Long user = userId.get();
        wizard.submit(x -> profiles.save(p, user), saved -> {
            chosen = saved;
            if (!names.contains(saved.name())) {
                names.add(saved.name());
            }
            wizard.setResult(i18n.format("imports.wizard.profileSaved", saved.name()));
        });
    }

    /** The profile chosen, opened or last saved; null for none. */
    ImportProfile chosen() {
        return chosen;
    }

    /** The chosen profile's column mapping (field → column header), empty without a profile. */
    Map<String, String> columns() {
        return chosen == null ? Map.of() : chosen.settings().columns();
    }

    ObservableList<String> names() {
        return names;
    }

    StringProperty name() {
        return name;
    }
}
