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
    private final ObjectProperty<String> currency = new SimpleObjectProperty<>();
    private org.deskcrm.service.settings.BusinessCurrency currencies;

    /** Also offers the currency amounts are written in (shown from the next opened report or dashboard). */
    public RegionSettingsViewModel withCurrency(org.deskcrm.service.settings.BusinessCurrency service) {
        this.currencies = service;
        return this;
    }

    public boolean offersCurrency() {
        return currencies != null;
    }

    /** Every currency code one may choose. */
    public List<String> currencyChoices() {
        return org.deskcrm.service.settings.BusinessCurrency.choices().stream().map(java.util.Currency::getCurrencyCode).toList();
    }

    /** "RUB — Russian Ruble (₽)" in the user's language. */
    public String currencyLabel(String code) {
        if (code == null) {
            return "";
        }
        java.util.Currency c = java.util.Currency.getInstance(code);
        return code + " — " + c.getDisplayName(i18n.locale()) + " (" + c.getSymbol(i18n.locale()) + ")";
    }

    /** The currency amounts are written in (ISO code). */
    public ObjectProperty<String> currencyProperty() {
        return currency;
    }

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
        if (currencies != null) {
            currency.set(currencies.currency().getCurrencyCode());
        }
        executor.submit(p -> regions.businessZone(), zone -> zoneHint.set(i18n.format("settings.region.zoneHint",
                zone.getId(), ZoneId.systemDefault().getId())), e -> message.set(i18n.message(e)));
    }

    public void save() {
        String code = region.get();
        String money = currency.get();
        executor.submit(p -> {
            regions.change(code);
            if (currencies != null && money != null
                    && (currencies.isChosen() || !money.equals(currencies.currency().getCurrencyCode()))) {
                currencies.change(money); // chosen here; otherwise it keeps following the region
            }
            return regions.region();
        }, saved -> {
            region.set(saved);
            if (currencies != null) {
                currency.set(currencies.currency().getCurrencyCode());
            }
            message.set(i18n.format("settings.region.saved", label(saved)));
        }, e -> message.set(i18n.message(e)));
    }
}
