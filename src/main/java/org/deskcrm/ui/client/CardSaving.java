package org.deskcrm.ui.client;

import org.deskcrm.model.common.FieldError;
import org.deskcrm.service.client.DuplicateCandidate;
import org.deskcrm.ui.client.ClientCardViewModel.MessageKind;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * The card's save: validation with the errors shown at the fields, the question about possible duplicates,
 * the write in the background, and the saved card shown as stored with its tab and listeners told.
 */
final class CardSaving {
    private final ClientCardViewModel card;
    private final ClientUiContext ctx;
    private final CardErrors errors;
    private final DuplicateCheck duplicates;
    private LongConsumer onSaved = id -> { };

    CardSaving(ClientCardViewModel card, ClientUiContext ctx, CardErrors errors) {
        this.card = card;
        this.ctx = ctx;
        this.errors = errors;
        this.duplicates = new DuplicateCheck(ctx);
    }

    /** Validates at the fields, checks for duplicates (asking the user), then saves in the background. */
    void save() {
        if (card.busyProperty().get()) {
            return;
        }
        CardMapper.Built built = card.mapper().build();
        List<FieldError> problems = ctx.clients().validate(built.card());
        errors.show(problems, built.channelRows());
        if (!problems.isEmpty()) {
            card.setMessage(MessageKind.ERROR, ctx.i18n().format("client.msg.fixErrors", problems.size()));
            return;
        }
        card.setBusy(true);
        CardState state = card.state();
        boolean check = state.id == null || duplicates.needed(state.loaded, built.card());
        ctx.executor().submit(p -> check ? ctx.clients().findDuplicates(built.card()) : List.<DuplicateCandidate>of(),
                dups -> afterDuplicateCheck(built, dups), e -> card.failed(e, built));
    }

    private void afterDuplicateCheck(CardMapper.Built built, List<DuplicateCandidate> dups) {
        DuplicateCheck.Answer answer = duplicates.ask(dups);
        if (answer != DuplicateCheck.Answer.SAVE) {
            card.setBusy(false);
            if (answer == DuplicateCheck.Answer.OPEN_EXISTING) {
                ctx.workspace().openClient(dups.get(0).client().id());
            }
            return;
        }
        write(built);
    }

    /** Saves a card built from the form without asking (after a conflict), the card busy until it is done. */
    void saveBuilt(CardMapper.Built built) {
        card.setBusy(true);
        write(built);
    }

    private void write(CardMapper.Built built) {
        Long user = ctx.userId();
        ctx.executor().submit(p -> {
            var saved = ctx.clients().save(built.card(), user);
            return new ClientCardViewModel.Loaded(ctx.clients().load(saved.id()), null, null);
        }, loaded -> {
            card.apply(loaded);
            card.adoptSavedKey(loaded.card().client().id());
            onSaved.accept(loaded.card().client().id());
            card.setMessage(MessageKind.INFO, ctx.i18n().get("client.msg.saved"));
            ctx.workspace().status(ctx.i18n().format("client.status.saved", loaded.card().client().name()));
        }, e -> card.failed(e, built));
    }

    /** Told the id of the client after every successful save; null for no one. */
    void setOnSaved(LongConsumer onSaved) {
        this.onSaved = onSaved == null ? id -> { } : onSaved;
    }
}
