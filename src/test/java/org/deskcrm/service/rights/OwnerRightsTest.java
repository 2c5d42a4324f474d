package org.deskcrm.service.rights;

import org.deskcrm.AppContext;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.common.AppException;
import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.Pipeline;
import org.deskcrm.model.user.AccessScope;
import org.deskcrm.model.user.Role;
import org.deskcrm.model.user.User;
import org.deskcrm.persistence.TestDatabases;
import org.deskcrm.service.deal.DealService;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may be made an owner, on a real H2 database through the services: a manager only themself, a
 * supervisor anyone in the team, an administrator anyone; the owner pickers offer just those.
 */
class OwnerRightsTest {
    final AppContext ctx = new AppContext(TestDatabases.h2());
    final long team = ctx.users().insertTeam("North", null);
    final long sveta = ctx.users().insert(User.draft("sveta", "Sveta Supervisor", Role.SUPERVISOR, team), null);
    final long anna = ctx.users().insert(User.draft("anna", "Anna Manager", Role.MANAGER, team), null);
    final long boris = ctx.users().insert(User.draft("boris", "Boris Elsewhere", Role.MANAGER, null), null);
    AccessScope scope = AccessScope.all();
    final DealService deals = ctx.dealFeature().deals().restrictedTo(() -> scope);
    final Pipeline sales;

    OwnerRightsTest() {
        ctx.referenceData().ensureDefaults(Locale.ENGLISH);
        ctx.clients().restrictedTo(() -> scope);
        sales = ctx.pipelines().findByCode("sales").orElseThrow();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    ClientCard client(String name, Long owner) {
        return new ClientCard(Client.draft(ClientKind.COMPANY, name).withOwner(owner), List.of(), List.of());
    }

    Deal deal(long client, long owner) {
        return Deal.draft("Deal", client, owner, sales.id(), sales.firstOpenStage().id(), BigDecimal.TEN);
    }

    static void refused(Runnable r) {
        refused("Boris Elsewhere", r);
    }

    static void refused(String owner, Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(AppException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("error.owner.notAllowed");
            assertThat(new I18n(Locale.ENGLISH).message(e)).contains(owner).doesNotContain("!");
            assertThat(new I18n(Locale.forLanguageTag("ru")).message(e)).contains(owner).doesNotContain("!");
        });
    }

    @Test
    void aManagerOwnsOnlyWhatTheyCreateForThemselves() {
        scope = AccessScope.owner(anna, team);
        refused(() -> ctx.clients().save(client("For Boris", boris), anna));
        long mine = ctx.clients().save(client("Mine", anna), anna).id();
        ClientCard loaded = ctx.clients().load(mine);
        refused(() -> ctx.clients().save(new ClientCard(loaded.client().withOwner(boris), List.of(), List.of()), anna));
        refused("Sveta Supervisor", () -> ctx.clients().save(new ClientCard(loaded.client().withOwner(sveta), List.of(), List.of()), anna));
        assertThat(ctx.clients().load(mine).client().ownerId()).isEqualTo(anna);
        assertThat(ctx.clients().load(mine).client().version()).isZero();

        refused(() -> deals.create(deal(mine, boris), List.of(), anna));
        long dealId = deals.create(deal(mine, anna), List.of(), anna).id();
        Deal d = deals.find(dealId);
        refused(() -> deals.update(new Deal(d.id(), d.title(), d.clientId(), d.contactId(), boris, d.pipelineId(),
                d.stageId(), d.amount(), d.expectedClose(), d.sourceId(), d.score(), d.band(), d.lostReasonId(),
                d.lostNote(), d.createdAt(), d.stageChangedAt(), d.closedAt(), d.version()), List.of(), anna));
        assertThat(deals.find(dealId).ownerId()).isEqualTo(anna);

        assertThat(ctx.clients().assignableOwners()).extracting(User::id).containsExactly(anna);
        assertThat(deals.assignableOwners()).containsOnlyKeys(anna);
    }

    @Test
    void aSupervisorAssignsWithinTheTeamAndAnAdministratorToAnyone() {
        scope = AccessScope.team(team);
        long forAnna = ctx.clients().save(client("For Anna", anna), sveta).id();
        assertThat(ctx.clients().load(forAnna).client().ownerId()).isEqualTo(anna);
        refused(() -> ctx.clients().save(client("For Boris", boris), sveta));
        refused(() -> deals.create(deal(forAnna, boris), List.of(), sveta));
        assertThat(deals.create(deal(forAnna, sveta), List.of(), sveta).id()).isPositive();
        assertThat(ctx.clients().assignableOwners()).extracting(User::id).containsExactlyInAnyOrder(sveta, anna);
        assertThat(deals.assignableOwners()).containsOnlyKeys(sveta, anna);

        scope = AccessScope.all();
        long forBoris = ctx.clients().save(client("For Boris", boris), null).id();
        assertThat(deals.create(deal(forBoris, boris), List.of(), null).id()).isPositive();
        assertThat(ctx.clients().assignableOwners()).extracting(User::id).contains(sveta, anna, boris);
    }
}
