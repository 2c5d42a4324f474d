package org.deskcrm.ui.client;

import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.common.Texts;
import org.deskcrm.service.client.DuplicateCandidate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The card's check for clients that may already exist before it saves: whether a save needs it (a new
 * client, or a changed name, INN or channel) and what the user answers when it finds some.
 */
final class DuplicateCheck {
    /** What the user chose when asked about possible duplicates. */
    enum Answer { SAVE, OPEN_EXISTING, CANCEL }

    private static final int LISTED = 5;

    private final ClientUiContext ctx;

    DuplicateCheck(ClientUiContext ctx) {
        this.ctx = ctx;
    }

    /**
     * True when saving {@code card} must look for duplicates: a client not saved yet ({@code loaded} null), or
     * one whose name (as searched), INN or set of channels differs from {@code loaded}.
     */
    boolean needed(ClientCard loaded, ClientCard card) {
        if (loaded == null) {
            return true;
        }
        return !Texts.searchKey(loaded.client().name()).equals(Texts.searchKey(card.client().name()))
                || !Objects.equals(Texts.trimToNull(loaded.client().inn()), Texts.trimToNull(card.client().inn()))
                || !channelKeys(loaded).equals(channelKeys(card));
    }

    private Set<String> channelKeys(ClientCard card) {
        Set<String> keys = new TreeSet<>();
        for (Channel ch : card.channels()) {
            if (!Texts.isBlank(ch.raw())) {
                keys.add(ctx.clients().validator().normalize(ch.kind(), ch.raw()));
            }
        }
        return keys;
    }

    /**
     * Asks the user about the duplicates found (the first few with the reason each matched): open the
     * existing client, save anyway or cancel; closing the dialog cancels. Saves without asking when none.
     */
    Answer ask(List<DuplicateCandidate> dups) {
        if (dups.isEmpty()) {
            return Answer.SAVE;
        }
        Optional<Integer> answer = ctx.dialogs().choose(ctx.i18n().get("client.dup.title"), message(dups),
                List.of(ctx.i18n().get("client.dup.open"), ctx.i18n().get("client.dup.saveAnyway"),
                        ctx.i18n().get("action.cancel")));
        if (answer.isEmpty()) {
            return Answer.CANCEL;
        }
        return switch (answer.get()) {
            case 0 -> Answer.OPEN_EXISTING;
            case 1 -> Answer.SAVE;
            default -> Answer.CANCEL;
        };
    }

    private String message(List<DuplicateCandidate> dups) {
        StringBuilder sb = new StringBuilder(ctx.i18n().format("client.dup.message", dups.size()));
        dups.stream().limit(LISTED).forEach(d -> sb.append('\n').append("• ").append(d.client().name())
                .append(" — ").append(ctx.i18n().format(d.reasonKey(), d.matchedValue())));
        if (dups.size() > LISTED) {
            sb.append("\n…");
        }
        return sb.toString();
    }
}
