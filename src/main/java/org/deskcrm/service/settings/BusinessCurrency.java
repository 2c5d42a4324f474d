package org.deskcrm.service.settings;

import org.deskcrm.model.common.AppException;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.service.client.PhoneNormalizer;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * The currency every amount of the application is written in (setting {@code business.currency}, beside
 * the other business settings): chosen in Settings; until then the currency of the business region
 * (RUB for Russia, USD for the United States), else the rouble. Read once when the application starts and
 * kept, so a view never waits on the database to write an amount (ADR 0017).
 */
public final class BusinessCurrency {
    /** The setting holding the ISO 4217 code. */
    public static final String SETTING = "business.currency";

    private final SettingsRepository settings;
    private final PhoneNormalizer phones;
    private volatile Currency chosen;

    public BusinessCurrency(SettingsRepository settings, PhoneNormalizer phones) {
        this.settings = settings;
        this.phones = phones;
        this.chosen = settings.get(SETTING).flatMap(BusinessCurrency::parse).orElse(null);
    }

    /** The currency amounts are written in now (no database read). */
    public Currency currency() {
        Currency c = chosen;
        return c != null ? c : ofRegion(phones.defaultRegion());
    }

    /** Whether the currency was chosen in Settings (else it follows the business region). */
    public boolean isChosen() {
        return chosen != null;
    }

    /** Stores the currency and writes amounts in it from now on; an unknown code is refused. */
    public void change(String code) {
        Currency c = parse(code).orElseThrow(() -> new AppException("settings.currency.error.unknown", code == null ? "" : code));
        settings.put(SETTING, c.getCurrencyCode());
        chosen = c;
    }

    /** The currency stored in these settings (else the region's), read now: for the command line and exports. */
    public static Currency read(SettingsRepository settings) {
        return settings.get(SETTING).flatMap(BusinessCurrency::parse)
                .orElseGet(() -> ofRegion(settings.get(BusinessRegionService.REGION).orElse("RU")));
    }

    /** The currency of a country ("RU" → RUB, "US" → USD, "DE" → EUR), the rouble when it has none. */
    public static Currency ofRegion(String region) {
        try {
            Currency c = Currency.getInstance(new Locale("", region == null ? "" : region.strip().toUpperCase(Locale.ROOT)));
            return c == null ? Currency.getInstance("RUB") : c;
        } catch (IllegalArgumentException e) {
            return Currency.getInstance("RUB");
        }
    }

    /**
     * The Excel number format of money in this currency as the locale writes it: {@code "$"#,##0.00} in
     * English, {@code #,##0.00 "₽"} in Russian; {@code #,##0.00} without a currency.
     */
    public static String excelFormat(Currency currency, Locale locale) {
        if (currency == null) {
            return "#,##0.00";
        }
        java.text.NumberFormat f = java.text.NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(currency);
        String pattern = f instanceof java.text.DecimalFormat d ? d.toPattern() : "¤#,##0.00";
        String symbol = "\"" + currency.getSymbol(locale).replace("\"", "") + "\"";
        return pattern.strip().startsWith("\u00A4") ? symbol + "#,##0.00" : "#,##0.00 " + symbol;
    }

    /** Every currency one may choose, by code. */
    public static java.util.List<Currency> choices() {
        return Currency.getAvailableCurrencies().stream()
                .sorted(java.util.Comparator.comparing(Currency::getCurrencyCode)).toList();
    }

    static Optional<Currency> parse(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
