package org.deskcrm;

import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.CallLogRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.imports.ImportLookupRepository;
import org.deskcrm.persistence.imports.ImportProfileRepository;
import org.deskcrm.persistence.imports.ImportWriteRepository;
import org.deskcrm.persistence.GoalRepository;
import org.deskcrm.persistence.imports.ReferenceWriteRepository;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.service.client.PhoneNormalizer;
import org.deskcrm.service.imports.ImportProfiles;
import org.deskcrm.service.imports.ImportService;

import java.time.Clock;

/** The import of files (clients, contacts, deals, calls, sales, people, products, goals) and its saved profiles, wired by {@link AppContext}. */
public final class ImportFeature {
    private final ImportService service;
    private final ImportProfiles profiles;

    public ImportFeature(Database db, AuditRepository audit, SettingsRepository settings, PhoneNormalizer phones,
                         DealFeature deals, Clock clock) {
        this.service = new ImportService(db, new ImportLookupRepository(db), new ImportWriteRepository(db),
                new ReferenceWriteRepository(db), new GoalRepository(db), new CallLogRepository(db), audit, phones, settings::businessZone,
                ids -> deals.scoring().rescore(ids), id -> deals.sales().recompute(id), clock);
        this.profiles = new ImportProfiles(new ImportProfileRepository(db), clock);
    }

    public ImportService service() {
        return service;
    }

    public ImportProfiles profiles() {
        return profiles;
    }
}
