package org.deskcrm.ui.client;

import org.deskcrm.ui.client.ClientCardViewModel.MessageKind;

/** The card's archive command: moves a saved client into the archive once the user confirms, or back out of it. */
final class CardArchiving {
    private final ClientCardViewModel card;
    private final ClientUiContext ctx;

    CardArchiving(ClientCardViewModel card, ClientUiContext ctx) {
        this.card = card;
        this.ctx = ctx;
    }

    /** Archives the client (or restores it from the archive) in the background; the card learns the new version. */
    void toggle() {
        CardState state = card.state();
        if (state.id == null || card.busyProperty().get()) {
            return;
        }
        boolean to = !card.archivedProperty().get();
        if (to && !ctx.dialogs().confirm(ctx.i18n().get("client.archive.title"),
                ctx.i18n().format("client.archive.confirm", card.nameProperty().get()))) {
            return;
        }
        long id = state.id;
        long version = state.version;
        Long user = ctx.userId();
        card.setBusy(true);
        ctx.executor().submit(p -> ctx.clients().setArchived(id, version, to, user), v -> {
            state.version = v;
            card.setArchived(to);
            card.setBusy(false);
            card.setMessage(MessageKind.INFO, ctx.i18n().get(to ? "client.msg.archived" : "client.msg.restored"));
            card.timeline().load();
        }, e -> card.failed(e, null));
    }
}
