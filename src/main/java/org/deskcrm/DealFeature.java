package org.deskcrm;

import org.deskcrm.persistence.AuditRepository;
import org.deskcrm.persistence.ClientRepository;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.DealDetailsRepository;
import org.deskcrm.persistence.DealQueryRepository;
import org.deskcrm.persistence.DealRepository;
import org.deskcrm.persistence.LifecycleRepository;
import org.deskcrm.persistence.NeedRepository;
import org.deskcrm.persistence.PipelineRepository;
import org.deskcrm.persistence.SaleLedgerRepository;
import org.deskcrm.persistence.SaleRepository;
import org.deskcrm.persistence.ScoringRepository;
import org.deskcrm.persistence.SettingsRepository;
import org.deskcrm.persistence.StageRepository;
import org.deskcrm.persistence.UserRepository;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.service.deal.DealSettings;
import org.deskcrm.service.deal.NeedService;
import org.deskcrm.service.deal.PipelineService;
import org.deskcrm.service.deal.SaleService;
import org.deskcrm.service.deal.ScoringService;

import java.time.Clock;

/** The deal feature's services (deals, pipelines, scoring, sales, needs), wired by {@link AppContext}. */
public final class DealFeature {
    private final DealSettings settings;
    private final ScoringService scoring;
    private final DealService deals;
    private final PipelineService pipelines;
    private final SaleService sales;
    private final NeedService needs;

    public DealFeature(Database db, DealRepository dealRepo, PipelineRepository pipelineRepo, SaleRepository saleRepo,
                       ClientRepository clientRepo, AuditRepository audit, SettingsRepository settingsRepo, Clock clock) {
        this.settings = new DealSettings(settingsRepo, clock);
        this.scoring = new ScoringService(new ScoringRepository(db), pipelineRepo, settings);
        this.sales = new SaleService(db, saleRepo, new SaleLedgerRepository(db), clientRepo, new LifecycleRepository(db),
                audit, settings, scoring);
        this.deals = new DealService(db, dealRepo, new DealDetailsRepository(db), new DealQueryRepository(db),
                pipelineRepo, audit, scoring, new UserRepository(db), settings, sales);
        this.pipelines = new PipelineService(db, pipelineRepo, new StageRepository(db));
        this.needs = new NeedService(db, new NeedRepository(db));
    }

    public DealSettings settings() {
        return settings;
    }

    public ScoringService scoring() {
        return scoring;
    }

    public DealService deals() {
        return deals;
    }

    public PipelineService pipelines() {
        return pipelines;
    }

    public SaleService sales() {
        return sales;
    }

    public NeedService needs() {
        return needs;
    }
}
