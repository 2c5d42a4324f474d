package org.deskcrm;

import org.deskcrm.model.user.AccessScope;
import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.merge.ClientMergeRepository;
import org.deskcrm.service.merge.ClientMergeService;

import java.time.Clock;
import java.util.function.Supplier;

/** The merge of two clients' cards (ADR 0016), wired by {@link AppContext}. */
public final class MergeFeature {
    private final ClientMergeService service;

    public MergeFeature(Database db, ClientRepository clients, DealFeature deals, AuditRepository audit, Clock clock,
                        Supplier<AccessScope> scope) {
        this.service = new ClientMergeService(db, new ClientMergeRepository(db), clients, deals.sales(),
                deals.scoring(), audit, clock).restrictedTo(scope);
    }

    public ClientMergeService service() {
        return service;
    }
}
