package org.deskcrm.ui.imports;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deskcrm.model.io.ImportCheck;
import org.deskcrm.model.io.ImportProfile;
import org.deskcrm.model.io.ImportSettings;
import org.deskcrm.model.io.RefKind;
import org.deskcrm.service.imports.ImportService;
import org.deskcrm.ui.imports.ImportWizardViewModel.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value-mapping step: each name of the file that matches nothing, offered with the closest known names
 * and the chosen profile's mapping, and what the user decides for it (a known name, or create it).
 */
final class ValueMapping {
    private final ImportWizardViewModel wizard;
    private final ImportService service;
    private final WizardProfiles profiles;
    private final PreviewCheck check;
    private final ObservableList<ValueChoice> values = FXCollections.observableArrayList();

    ValueMapping(ImportWizardViewModel wizard, ImportService service, WizardProfiles profiles, PreviewCheck check) {
        this.wizard = wizard;
        this.service = service;
        this.profiles = profiles;
        this.check = check;
    }

    /** Checks the file without earlier decisions to find the names that match nothing, then shows the step. */
    void find() {
        values.clear();
        check.check(this::choices, list -> {
            values.setAll(list);
            wizard.show(Step.VALUES);
        });
    }

    /** A choice per name that matched nothing (runs in the background with the check). */
    private List<ValueChoice> choices(ImportCheck c) {
        List<ValueChoice> list = new ArrayList<>();
        for (Map.Entry<RefKind, Set<String>> e : c.preview().unmatched().entrySet()) {
            List<String> known = service.knownNames(e.getKey());
            Map<String, List<String>> closest = c.suggestions().getOrDefault(e.getKey(), Map.of());
            for (String v : e.getValue()) {
                ImportProfile profile = profiles.chosen();
                String current = profile == null ? null : profile.settings().mapped(e.getKey(), v);
                list.add(new ValueChoice(e.getKey(), v, known, closest.getOrDefault(v, List.of()), current,
                        ImportService.creatable(e.getKey())));
            }
        }
        return list;
    }

    /** The settings with the user's decisions over the profile's value mappings (no decision removes one). */
    ImportSettings decided(ImportSettings s) {
        for (ValueChoice v : values) {
            s = s.withValue(v.kind(), v.fileValue(), v.decision());
        }
        return s;
    }

    ObservableList<ValueChoice> values() {
        return values;
    }
}
