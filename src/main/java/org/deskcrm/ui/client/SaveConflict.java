package org.deskcrm.ui.client;

import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.ui.client.ClientCardViewModel.MessageKind;
import org.deskcrm.ui.common.ConflictResolution;
import org.deskcrm.ui.common.ConflictResolver;

import java.util.List;

/**
 * What the card does when a save is refused because someone else saved the client meanwhile: it keeps
 * everything typed, names the fields they changed, offers the conflict dialog, and then saves this version
 * over theirs, shows theirs, or saves the fields merged as chosen.
 */
final class SaveConflict {
    private final ClientCardViewModel card;
    private final ClientUiContext ctx;
    private final CardSaving saving;
    private ConflictResolver resolver;
    /** The version saved meanwhile, once read; null when there is no conflict to settle. */
    private ClientCard theirs;

    SaveConflict(ClientCardViewModel card, ClientUiContext ctx, CardSaving saving) {
        this.card = card;
        this.ctx = ctx;
        this.saving = saving;
    }

    /** The window's conflict dialog; without one the banner's buttons settle the conflict. */
    void useResolver(ConflictResolver resolver) {
        this.resolver = resolver;
    }

    /** The save was refused: say so, read their version in the background, name what they changed, offer both. */
    void saveRefused() {
        card.setMessage(MessageKind.CONFLICT, ctx.i18n().get("client.msg.conflict"));
        CardState state = card.state();
        if (state.id == null) {
            return;
        }
        long id = state.id;
        ctx.executor().submit(p -> ctx.clients().load(id), read -> {
            theirs = read;
            List<String> changedFields = CardMapper.differences(state.loaded, read).stream()
                    .map(f -> ctx.i18n().get("client.field." + f)).toList();
            card.setMessage(MessageKind.CONFLICT, ctx.i18n().format("client.msg.conflictFields",
                    changedFields.isEmpty() ? "—" : String.join(", ", changedFields)));
            resolve();
        }, e -> { });
    }

    private void resolve() {
        ClientCard other = theirs;
        if (resolver == null || other == null) {
            return;
        }
        ClientCard mine = card.mapper().build().card();
        CardChoices choices = card.choices();
        ClientConflict conflict = new ClientConflict(ctx.i18n(), id -> choices.owner(id).label(),
                id -> choices.source(id).label());
        resolver.resolve(ctx.i18n().get("conflict.title"),
                ctx.i18n().format("conflict.client.message", other.client().name()),
                conflict.fields(mine, other)).ifPresent(r -> {
                    switch (r.kind()) {
                        case KEEP_MINE -> keepMine();
                        case TAKE_THEIRS -> takeTheirs();
                        case MERGE -> saveMerge(mine, other, r);
                    }
                });
    }

    private void saveMerge(ClientCard mine, ClientCard other, ConflictResolution r) {
        Client merged = ClientConflict.merge(mine.client(), other.client(), r);
        if (ClientConflict.theirContacts(r)) {
            card.mapper().apply(new ClientCard(merged, other.contacts(), other.channels()));
        } else {
            card.mapper().applyClient(merged);
        }
        saveOver(other);
    }

    /** Saves what is typed over their version. */
    void keepMine() {
        if (theirs != null) {
            saveOver(theirs);
        }
    }

    private void saveOver(ClientCard other) {
        CardState state = card.state();
        state.version = other.client().version();
        state.loaded = other;
        theirs = null;
        card.clearMessage();
        saving.saveBuilt(card.mapper().build());
    }

    /** Drops what is typed and shows their version. */
    void takeTheirs() {
        if (theirs == null) {
            return;
        }
        ClientCard other = theirs;
        theirs = null;
        card.clearMessage();
        card.apply(new ClientCardViewModel.Loaded(other, null, null));
    }
}
