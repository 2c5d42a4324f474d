package org.deskcrm.ui.client;

import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.ui.common.ConflictField;
import org.deskcrm.ui.common.ConflictResolution;
import org.deskcrm.ui.common.ConflictResolution.Side;
import org.deskcrm.ui.common.I18n;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A client card's two versions for the conflict dialog: every field as text (mine = the form, theirs =
 * the version saved meanwhile), and the client to save once the user has chosen per field. Contacts
 * with their channels are taken as a whole from one side.
 */
final class ClientConflict {
    private final I18n i18n;
    private final Function<Long, String> ownerName;
    private final Function<Long, String> sourceName;

    ClientConflict(I18n i18n, Function<Long, String> ownerName, Function<Long, String> sourceName) {
        this.i18n = i18n;
        this.ownerName = ownerName;
        this.sourceName = sourceName;
    }

    List<ConflictField> fields(ClientCard mine, ClientCard theirs) {
        Client m = mine.client();
        Client t = theirs.client();
        List<ConflictField> out = new ArrayList<>();
        out.add(field("kind", m.kind().name(), t.kind().name(), false));
        out.add(field("name", m.name(), t.name(), true));
        out.add(field("legalName", m.legalName(), t.legalName(), true));
        out.add(field("inn", m.inn(), t.inn(), true));
        out.add(field("kpp", m.kpp(), t.kpp(), true));
        out.add(field("address", m.address(), t.address(), true));
        out.add(field("region", m.region(), t.region(), true));
        out.add(field("industry", m.industry(), t.industry(), true));
        out.add(field("website", m.website(), t.website(), true));
        out.add(field("ownerId", ownerName.apply(m.ownerId()), ownerName.apply(t.ownerId()), false));
        out.add(field("sourceId", sourceName.apply(m.sourceId()), sourceName.apply(t.sourceId()), false));
        out.add(field("notes", m.notes(), t.notes(), true));
        out.add(field("tags", String.join(", ", m.tags()), String.join(", ", t.tags()), true));
        String mineContacts = contacts(mine) + "\n" + channels(mine);
        String theirContacts = contacts(theirs) + "\n" + channels(theirs);
        out.add(new ConflictField("contacts", i18n.get("client.field.contacts") + " / " + i18n.get("client.field.channels"),
                mineContacts.strip(), theirContacts.strip(), false));
        return out.stream().filter(ConflictField::differs).toList();
    }

    private ConflictField field(String key, String mine, String theirs, boolean editable) {
        return new ConflictField(key, i18n.get("client.field." + key), blankToEmpty(mine), blankToEmpty(theirs), editable);
    }

    private static String blankToEmpty(String s) {
        return s == null || s.isBlank() ? "" : s.strip();
    }

    private static String contacts(ClientCard card) {
        return String.join("\n", card.contacts().stream()
                .map(p -> p.fullName() + (p.jobTitle() == null || p.jobTitle().isBlank() ? "" : " — " + p.jobTitle())).toList());
    }

    private static String channels(ClientCard card) {
        return String.join("\n", card.channels().stream().map(Channel::raw).sorted().toList());
    }

    /**
     * The client's own fields to save over {@code theirs}: per field the chosen side, hand-merged text
     * where typed, their version number. Contacts and channels are chosen as a whole ({@link #theirContacts}).
     */
    static Client merge(Client m, Client t, ConflictResolution r) {
        return new Client(t.id(), pick(r, "kind", m.kind(), t.kind()), text(r, "name", m.name(), t.name()),
                text(r, "legalName", m.legalName(), t.legalName()), text(r, "inn", m.inn(), t.inn()),
                text(r, "kpp", m.kpp(), t.kpp()), text(r, "address", m.address(), t.address()),
                text(r, "region", m.region(), t.region()), text(r, "industry", m.industry(), t.industry()),
                text(r, "website", m.website(), t.website()), pick(r, "sourceId", m.sourceId(), t.sourceId()),
                pick(r, "ownerId", m.ownerId(), t.ownerId()), text(r, "notes", m.notes(), t.notes()),
                m.archived(), t.lifecycle(), t.purchaseCount(), t.lastPurchaseOn(), t.createdAt(),
                r.texts().containsKey("tags") ? CardMapper.splitTags(r.texts().get("tags"))
                        : pick(r, "tags", m.tags(), t.tags()), t.version());
    }

    static boolean theirContacts(ConflictResolution r) {
        return r.side("contacts") == Side.THEIRS;
    }

    private static <T> T pick(ConflictResolution r, String key, T mine, T theirs) {
        return r.side(key) == Side.THEIRS ? theirs : mine;
    }

    private static String text(ConflictResolution r, String key, String mine, String theirs) {
        String typed = r.texts().get(key);
        return typed != null ? typed : pick(r, key, mine, theirs);
    }
}
