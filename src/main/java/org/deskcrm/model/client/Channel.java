package org.deskcrm.model.client;

/**
 * A phone, email, WhatsApp or Telegram of a client or of one of its contacts ({@code contactId} set).
 * {@code raw} is what the user typed; {@code normalized} is E.164 for phones, lower case for emails.
 * While a card is being edited, a channel of a new contact refers to it by {@code contactIndex}
 * (its position in the card's contact list); once saved, {@code contactId} is set.
 */
public record Channel(Long id, Long contactId, Integer contactIndex, ChannelKind kind, String raw,
                      String normalized, boolean primary, String note) {

    public static Channel ofClient(ChannelKind kind, String raw) {
        return new Channel(null, null, null, kind, raw, null, false, null);
    }

    public static Channel ofContact(int contactIndex, ChannelKind kind, String raw) {
        return new Channel(null, null, contactIndex, kind, raw, null, false, null);
    }

    public Channel withNormalized(String norm) {
        return new Channel(id, contactId, contactIndex, kind, raw, norm, primary, note);
    }
}
