package org.deskcrm.ui.settings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.deskcrm.service.client.PhoneNormalizer;
import org.deskcrm.service.settings.BusinessRegionService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Settings page "Phones and time": the business region national numbers are read in, and the business
 * time zone with what it is used for (day boundaries of reports), next to the computer's own zone.
 */
public final class RegionSettingsViewModel {
    private final BusinessRegionService regions;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final ObjectProperty<String> region = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper zoneHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public RegionSettingsViewModel(BusinessRegionService regions, TaskExecutor executor, I18n i18n) {
        this.regions = regions;
        this.executor = executor;
        this.i18n = i18n;
    }

    /** Every region code numbers can be read in. */
    public List<String> choices() {
        return PhoneNormalizer.regions();
    }

    /** "United States (US, +1)" in the user's language. */
    public String label(String code) {
        if (code == null) {
            return "";
        }
        String country = new Locale("", code).getDisplayCountry(i18n.locale());
        return country + " (" + code + ", +" + PhoneNormalizer.callingCode(code) + ")";
    }

    public ObjectProperty<String> regionProperty() {
        return region;
    }

    public ReadOnlyStringProperty zoneHintProperty() {
        return zoneHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void load() {
        region.set(regions.region());
        executor.submit(p -> regions.businessZone(), zone -> zoneHint.set(i18n.format("settings.region.zoneHint",
                zone.getId(), ZoneId.systemDefault().getId())), e -> message.set(i18n.message(e)));
    }

    public void save() {
        String code = region.get();
        executor.submit(p -> {
            regions.change(code);
            return regions.region();
        }, saved -> {
            region.set(saved);
            message.set(i18n.format("settings.region.saved", label(saved)));
        }, e -> message.set(i18n.message(e)));
    }
}
