package org.deskcrm.ui.client;

import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.Contact;
import org.deskcrm.model.common.Texts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Copies a {@link ClientCard} into the card's editable properties and builds one back from them. */
final class CardMapper {
    /** A card built from the form, with the channel rows in the order of {@code card.channels()}. */
    record Built(ClientCard card, List<ChannelRow> channelRows) {
    }

    private final ClientCardViewModel vm;

    CardMapper(ClientCardViewModel vm) {
        this.vm = vm;
    }

    void apply(ClientCard card) {
        applyClient(card.client());
        applyContacts(card);
    }

    /** The client's own fields only; the contact rows stay as they are. */
    void applyClient(Client c) {
        vm.kindProperty().set(c.kind());
        vm.nameProperty().set(nz(c.name()));
        vm.legalNameProperty().set(nz(c.legalName()));
        vm.innProperty().set(nz(c.inn()));
        vm.kppProperty().set(nz(c.kpp()));
        vm.addressProperty().set(nz(c.address()));
        vm.regionProperty().set(nz(c.region()));
        vm.industryProperty().set(nz(c.industry()));
        vm.websiteProperty().set(nz(c.website()));
        vm.notesProperty().set(nz(c.notes()));
        vm.tagsProperty().set(String.join(", ", c.tags()));
        vm.ownerProperty().set(vm.choices().owner(c.ownerId()));
        vm.sourceProperty().set(vm.choices().source(c.sourceId()));
    }

    private void applyContacts(ClientCard card) {
        List<ContactRow> contacts = new ArrayList<>();
        Map<Long, ContactRow> byId = new LinkedHashMap<>();
        for (Contact p : card.contacts()) {
            ContactRow row = new ContactRow(p.id(), p.version());
            row.fullNameProperty().set(nz(p.fullName()));
            row.jobTitleProperty().set(nz(p.jobTitle()));
            row.notesProperty().set(nz(p.notes()));
            row.primaryProperty().set(p.primary());
            contacts.add(row);
            byId.put(p.id(), row);
        }
        List<ChannelRow> own = new ArrayList<>();
        for (Channel ch : card.channels()) {
            ChannelRow row = new ChannelRow(ch.kind(), ch.raw());
            row.primaryProperty().set(ch.primary());
            row.noteProperty().set(nz(ch.note()));
            ContactRow contact = ch.contactId() == null ? null : byId.get(ch.contactId());
            if (contact == null) {
                own.add(row);
            } else {
                contact.channels().add(row);
            }
        }
        vm.contacts().setAll(contacts);
        vm.channels().setAll(own);
    }

    Built build() {
        CardState st = vm.state();
        Client base = st.loaded == null ? null : st.loaded.client();
        Long ownerId = vm.ownerProperty().get() == null ? null : vm.ownerProperty().get().id();
        Long sourceId = vm.sourceProperty().get() == null ? null : vm.sourceProperty().get().id();
        Client c = new Client(st.id, vm.kindProperty().get(), vm.nameProperty().get(), vm.legalNameProperty().get(),
                vm.innProperty().get(), vm.kppProperty().get(), vm.addressProperty().get(),
                vm.regionProperty().get(), vm.industryProperty().get(), vm.websiteProperty().get(), sourceId,
                ownerId, vm.notesProperty().get(), vm.archivedProperty().get(),
                base == null ? null : base.lifecycle(), base == null ? 0 : base.purchaseCount(),
                base == null ? null : base.lastPurchaseOn(), base == null ? null : base.createdAt(),
                splitTags(vm.tagsProperty().get()), st.version);
        List<Contact> contacts = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        List<ChannelRow> rows = new ArrayList<>();
        for (ChannelRow r : vm.channels()) {
            channels.add(channel(null, r));
            rows.add(r);
        }
        for (int i = 0; i < vm.contacts().size(); i++) {
            ContactRow p = vm.contacts().get(i);
            contacts.add(new Contact(p.id(), st.id, p.fullNameProperty().get(), p.jobTitleProperty().get(),
                    p.notesProperty().get(), p.primaryProperty().get(), p.version()));
            for (ChannelRow r : p.channels()) {
                channels.add(channel(i, r));
                rows.add(r);
            }
        }
        return new Built(new ClientCard(c, contacts, channels), rows);
    }

    private static Channel channel(Integer contactIndex, ChannelRow r) {
        return new Channel(null, null, contactIndex, r.kindProperty().get(), r.valueProperty().get(), null,
                r.primaryProperty().get(), r.noteProperty().get());
    }

    /** The names of the fields (as in the audit trail) where two versions of a card differ. */
    static List<String> differences(ClientCard a, ClientCard b) {
        List<String> out = new ArrayList<>();
        if (a == null || b == null) {
            return out;
        }
        Client x = a.client();
        Client y = b.client();
        diff(out, "kind", x.kind(), y.kind());
        diff(out, "name", x.name(), y.name());
        diff(out, "legalName", x.legalName(), y.legalName());
        diff(out, "inn", x.inn(), y.inn());
        diff(out, "kpp", x.kpp(), y.kpp());
        diff(out, "address", x.address(), y.address());
        diff(out, "region", x.region(), y.region());
        diff(out, "industry", x.industry(), y.industry());
        diff(out, "website", x.website(), y.website());
        diff(out, "sourceId", x.sourceId(), y.sourceId());
        diff(out, "ownerId", x.ownerId(), y.ownerId());
        diff(out, "notes", x.notes(), y.notes());
        diff(out, "tags", x.tags(), y.tags());
        diff(out, "archived", x.archived(), y.archived());
        diff(out, "contacts", a.contacts().stream().map(p -> p.fullName() + "|" + p.jobTitle() + "|" + p.primary())
                .toList(), b.contacts().stream().map(p -> p.fullName() + "|" + p.jobTitle() + "|" + p.primary()).toList());
        diff(out, "channels", a.channels().stream().map(Channel::raw).sorted().toList(),
                b.channels().stream().map(Channel::raw).sorted().toList());
        return out;
    }

    private static void diff(List<String> out, String field, Object x, Object y) {
        Object nx = x instanceof String s ? Texts.trimToNull(s) : x;
        Object ny = y instanceof String s ? Texts.trimToNull(s) : y;
        if (!Objects.equals(nx, ny)) {
            out.add(field);
        }
    }

    /** Tags as typed (separated by commas or semicolons): stripped, without blanks and repeats. */
    static List<String> splitTags(String text) {
        if (Texts.isBlank(text)) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static ClientKind kindOr(ClientKind k) {
        return k == null ? ClientKind.COMPANY : k;
    }
}
