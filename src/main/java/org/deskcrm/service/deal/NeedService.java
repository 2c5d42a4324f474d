package org.deskcrm.service.deal;

import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.NotFoundException;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.deal.ClientNeed;
import org.deskcrm.model.deal.NeedProbability;
import org.deskcrm.model.deal.NeedProbability.Level;
import org.deskcrm.persistence.Database;
import org.deskcrm.persistence.NeedRepository;
import org.deskcrm.persistence.NeedRepository.ClientPlace;
import org.deskcrm.persistence.NeedRepository.ProductCounts;
import org.deskcrm.persistence.NeedRepository.WinCount;

import java.util.ArrayList;
import java.util.List;

/**
 * Client needs and their purchase probability: the win rate of past closed deals with the same
 * product for the same manager and region, backing off to product+region, then product, then all
 * deals when a group has fewer than {@value #MIN_SUPPORT} closed deals. The global rate is Laplace
 * smoothed, g = (W + 1) / (N + 2); a group's rate is shrunk towards it, p = (w + M·g) / (n + M)
 * with M = {@value #PRIOR_WEIGHT}. The result names the level used with its wins and total.
 */
public class NeedService {
    static final int MIN_SUPPORT = 5;
    static final double PRIOR_WEIGHT = 2.0;

    private final Database db;
    private final NeedRepository needs;

    public NeedService(Database db, NeedRepository needs) {
        this.db = db;
        this.needs = needs;
    }

    /** The probability that the client buys the product, with its explanation. */
    public NeedProbability probability(long clientId, long productId) {
        ClientPlace place = needs.place(clientId).orElseThrow(() -> new NotFoundException("client", clientId));
        return estimate(needs.globalCounts(),
                needs.productCounts(productId, place.ownerId(), place.region()), place);
    }

    private record Group(Level level, WinCount count) {
    }

    static NeedProbability estimate(WinCount global, ProductCounts c, ClientPlace place) {
        double g = (global.wins() + 1.0) / (global.total() + 2.0);
        List<Group> groups = new ArrayList<>();
        if (place.ownerId() != null && place.region() != null) {
            groups.add(new Group(Level.MANAGER_PRODUCT_REGION, c.managerRegion()));
        }
        if (place.region() != null) {
            groups.add(new Group(Level.PRODUCT_REGION, c.region()));
        }
        groups.add(new Group(Level.PRODUCT, c.product()));
        for (Group group : groups) {
            WinCount w = group.count();
            if (w.total() >= MIN_SUPPORT) {
                double p = (w.wins() + PRIOR_WEIGHT * g) / (w.total() + PRIOR_WEIGHT);
                return new NeedProbability(p, group.level(), w.wins(), w.total(), g);
            }
        }
        return new NeedProbability(g, Level.GLOBAL, global.wins(), global.total(), g);
    }

    public List<ClientNeed> byClient(long clientId) {
        return needs.byClient(clientId);
    }

    /** Adds a need with its probability computed now; returns its id. */
    public long add(ClientNeed n) {
        validate(n);
        return db.inTransaction(() -> needs.insert(withProbability(n)));
    }

    public long update(ClientNeed n) {
        validate(n);
        return db.inTransaction(() -> needs.update(withProbability(n)));
    }

    public void delete(long needId) {
        needs.delete(needId);
    }

    /** Recomputes the probabilities of the client's open needs (history has moved on); returns them. */
    public List<ClientNeed> refresh(long clientId) {
        db.inTransaction(() -> {
            for (ClientNeed n : needs.byClient(clientId)) {
                if ("open".equals(n.status())) {
                    needs.update(withProbability(n));
                }
            }
        });
        return needs.byClient(clientId);
    }

    private ClientNeed withProbability(ClientNeed n) {
        NeedProbability p = probability(n.clientId(), n.productId());
        return new ClientNeed(n.id(), n.clientId(), n.productId(), n.productName(), n.quantity(), n.periodStart(),
                n.periodEnd(), p, n.status(), n.note(), n.version());
    }

    static void validate(ClientNeed n) {
        List<FieldError> errors = new ArrayList<>();
        if (n.quantity() == null || n.quantity().signum() <= 0) {
            errors.add(FieldError.of("quantity", "error.need.quantity"));
        }
        if (n.periodStart() != null && n.periodEnd() != null && n.periodEnd().isBefore(n.periodStart())) {
            errors.add(FieldError.of("periodEnd", "error.need.period"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
