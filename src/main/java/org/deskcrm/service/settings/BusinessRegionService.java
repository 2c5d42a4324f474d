package org.deskcrm.service.settings;

import org.deskcrm.model.common.AppException;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.service.client.PhoneNormalizer;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The business region: the country whose national numbers ("(312) 311-2424", "8 912 345-67-89") every
 * phone written without a country code is read as (setting {@code calls.default_region}). Chosen at the
 * first start from the computer's country, set by the demo data to its own, changed in Settings (ADR 0009).
 */
public final class BusinessRegionService {
    /** The setting holding the region's two-letter code. */
    public static final String REGION = "calls.default_region";

    private final SettingsRepository settings;
    private final PhoneNormalizer phones;

    public BusinessRegionService(SettingsRepository settings, PhoneNormalizer phones) {
        this.settings = settings;
        this.phones = phones;
    }

    /** The region numbers are read in now (no database read). */
    public String region() {
        return phones.defaultRegion();
    }

    /** Stores a new region and reads numbers in it from now on; an unknown code is refused. */
    public void change(String region) {
        if (!PhoneNormalizer.isRegion(region)) {
            throw new AppException("settings.region.error.unknown", region == null ? "" : region);
        }
        String code = region.strip().toUpperCase(Locale.ROOT);
        settings.put(REGION, code);
        phones.setDefaultRegion(code);
    }

    /**
     * At the first start of a new database: takes the computer's country (e.g. {@code user.country} "US")
     * when it is a region numbers can be read in; returns the region chosen, empty when it was kept.
     */
    public Optional<String> chooseAtFirstStart(String country) {
        if (!PhoneNormalizer.isRegion(country) || country.strip().equalsIgnoreCase(region())) {
            return Optional.empty();
        }
        change(country.strip());
        return Optional.of(region());
    }

    /** The business time zone, for the hint next to the region (reports cut their days in it). */
    public ZoneId businessZone() {
        return settings.businessZone();
    }
}
