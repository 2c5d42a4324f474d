package org.deskcrm.service.demo;

import org.deskcrm.persistence.Database;
import org.deskcrm.service.client.PhoneNormalizer;
import org.deskcrm.service.common.Progress;
import org.deskcrm.service.settings.ReferenceDataService;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Generates realistic demo data (placeholder: the generator itself is being written). */
public class DemoDataService {
    private final Database db;
    private final PhoneNormalizer phones;
    private final ReferenceDataService referenceData;
    private final Clock clock;

    public DemoDataService(Database db, PhoneNormalizer phones, ReferenceDataService referenceData, Clock clock) {
        this.db = db;
        this.phones = phones;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** Fills the database; runs on a worker thread, reports progress, stops when cancelled. */
    public DemoResult generate(DemoSize size, Locale locale, long seed, Progress progress) {
        referenceData.ensureDefaults(locale);
        return new DemoResult(Map.of(), Duration.ZERO);
    }
}
