package org.deskcrm.ui.client;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.deskcrm.model.client.Channel;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.Client;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.ui.common.ConflictResolution;
import org.deskcrm.ui.common.ConflictResolver;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.user.User;
import org.deskcrm.service.client.DuplicateCandidate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One client card: the editable fields, contact persons and channels, the computed lifecycle status,
 * the timeline, and the commands (save with validation at the field and a duplicate check, archive,
 * reload, add a note, open a channel). Saving runs in the background; a conflicting save by someone
 * else keeps everything typed and offers to keep this version or take theirs.
 */
public final class ClientCardViewModel {
    /** What the banner above the card shows. */
    public enum MessageKind { NONE, INFO, ERROR, CONFLICT }

    /** The client-level fields that can carry an error (the view shows it at the field). */
    public static final List<String> FIELDS = List.of("kind", "name", "legalName", "inn", "kpp", "address",
            "region", "industry", "website");

    private final ClientUiContext ctx;
    private String tabKey;
    private final CardState state = new CardState();

    private final ObjectProperty<ClientKind> kind = new SimpleObjectProperty<>(this, "kind", ClientKind.COMPANY);
    private final StringProperty name = text("name");
    private final StringProperty legalName = text("legalName");
    private final StringProperty inn = text("inn");
    private final StringProperty kpp = text("kpp");
    private final StringProperty address = text("address");
    private final StringProperty region = text("region");
    private final StringProperty industry = text("industry");
    private final StringProperty website = text("website");
    private final StringProperty tags = text("tags");
    private final StringProperty notes = text("notes");
    private final ObjectProperty<Choice> owner = new SimpleObjectProperty<>(this, "owner");
    private final ObjectProperty<Choice> source = new SimpleObjectProperty<>(this, "source");
    private final ObservableList<Choice> owners = FXCollections.observableArrayList();
    private final ObservableList<Choice> sources = FXCollections.observableArrayList();
    private final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();
    private final ObservableList<ChannelRow> channels = FXCollections.observableArrayList();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();

    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper archived = new ReadOnlyBooleanWrapper(this, "archived");
    private final ReadOnlyBooleanWrapper persisted = new ReadOnlyBooleanWrapper(this, "persisted");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind =
            new ReadOnlyObjectWrapper<>(this, "messageKind", MessageKind.NONE);
    private final ReadOnlyStringWrapper lifecycleName = new ReadOnlyStringWrapper(this, "lifecycleName", "");
    private final ReadOnlyStringWrapper lifecycleExplanation = new ReadOnlyStringWrapper(this, "lifecycleWhy", "");

    private final ClientTimelineModel timeline;
    private final CardMapper mapper;
    private ConflictResolver conflictResolver;

    private final InvalidationListener markDirty = this::changed;

    private java.util.function.LongConsumer onSaved = id -> { };

    /** A typed phone as it is shown everywhere: the international format of the business region. */
    String shownPhone(String typed) {
        return ctx.clients().shownPhone(typed);
    }

    public ClientCardViewModel(ClientUiContext ctx, String tabKey) {
        this.ctx = ctx;
        this.tabKey = tabKey;
        this.timeline = new ClientTimelineModel(ctx, () -> state.id, this::valueName, this::failed);
        this.mapper = new CardMapper(this);
        for (String f : FIELDS) {
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        for (Observable o : List.of(kind, name, legalName, inn, kpp, address, region, industry, website, tags,
                notes, owner, source)) {
            o.addListener(markDirty);
        }
        contacts.addListener((ListChangeListener<ContactRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
            changed(contacts);
        });
        channels.addListener(channelListener());
        name.addListener(o -> updateTitle());
        dirty.addListener(o -> updateTitle());
        title.addListener((o, a, b) -> ctx.workspace().retitleTab(tabKey, b));
        updateTitle();
    }

    private StringProperty text(String field) {
        return new SimpleStringProperty(this, field, "");
    }

    private ListChangeListener<ChannelRow> channelListener() {
        return c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
            changed(c.getList());
        };
    }

    private void watch(ContactRow row) {
        for (Observable o : List.of(row.fullNameProperty(), row.jobTitleProperty(), row.notesProperty(),
                row.primaryProperty())) {
            o.addListener(markDirty);
        }
        row.primaryProperty().addListener((o, was, now) -> {
            if (now) {
                contacts.stream().filter(r -> r != row).forEach(r -> r.primaryProperty().set(false));
            }
        });
        row.channels().forEach(this::watch);
        row.channels().addListener(channelListener());
    }

    private void watch(ChannelRow row) {
        for (Observable o : List.of(row.kindProperty(), row.valueProperty(), row.primaryProperty(),
                row.noteProperty())) {
            o.addListener(markDirty);
        }
    }

    private void changed(Observable ignored) {
        if (!state.applying) {
            dirty.set(true);
        }
    }

    // ------------------------------------------------------------------ loading

    /** Opens an existing client: loads the card, the choices and the timeline in the background. */
    public void load(long clientId) {
        busy.set(true);
        ctx.executor().submit(p -> new Loaded(ctx.clients().load(clientId), ctx.clients().assignableOwners(),
                ctx.lookups().sources()), this::apply, this::failed);
    }

    /** Starts an empty card for a new client (owned by the signed-in user). */
    public void initNew() {
        busy.set(true);
        ctx.executor().submit(p -> new Loaded(null, ctx.clients().assignableOwners(), ctx.lookups().sources()),
                this::apply, this::failed);
    }

    /** Throws away what was typed and shows the card as saved now. */
    public void reload() {
        if (state.id != null) {
            clearMessage();
            load(state.id);
        }
    }

    record Loaded(ClientCard card, List<User> owners, Map<Long, String> sources) {
    }

    private void apply(Loaded l) {
        state.applying = true;
        try {
            if (l.owners() != null) {
                owners.setAll(Choice.none(ctx.i18n().get("client.owner.none")));
                l.owners().forEach(u -> owners.add(new Choice(u.id(), u.fullName())));
                sources.setAll(Choice.none(ctx.i18n().get("client.source.none")));
                l.sources().forEach((id, n) -> sources.add(new Choice(id, n)));
            }
            if (l.card() == null) {
                owner.set(choice(owners, ctx.userId()));
                source.set(sources.get(0));
            } else {
                mapper.apply(l.card());
                state.loaded = l.card();
                state.id = l.card().client().id();
                state.version = l.card().client().version();
                archived.set(l.card().client().archived());
                persisted.set(true);
            }
            clearErrors();
            if (l.card() != null) {
                dirty.set(false); // a new card keeps what was typed while its choices were loading
            }
            updateLifecycle();
        } finally {
            state.applying = false;
        }
        busy.set(false);
        updateTitle();
        timeline.load();
    }

    Choice choice(List<Choice> list, Long id) {
        if (id == null) {
            return list.get(0);
        }
        return list.stream().filter(c -> c.is(id)).findFirst().orElseGet(() -> {
            Choice missing = new Choice(id, "#" + id);
            list.add(missing);
            return missing;
        });
    }

    /**
     * Sales changed elsewhere on the card: reloads the client's purchase facts in the background and
     * shows the recomputed status, leaving whatever is being typed in the form alone.
     */
    public void refreshLifecycle() {
        Long id = state.id;
        if (id == null) {
            return;
        }
        ctx.executor().submit(p -> ctx.clients().load(id).client(),
                c -> showLifecycle(c.purchaseCount(), c.lastPurchaseOn()), this::failed);
    }

    private void updateLifecycle() {
        Client c = state.loaded == null ? null : state.loaded.client();
        showLifecycle(c == null ? 0 : c.purchaseCount(), c == null ? null : c.lastPurchaseOn());
    }

    private void showLifecycle(int count, java.time.LocalDate last) {
        var rules = ctx.lookups().lifecycleRules();
        var status = rules.status(count, last, ctx.clock().instant().atZone(ctx.zone()).toLocalDate());
        lifecycleName.set(ctx.i18n().get("client.lifecycle." + status.code()));
        String why = ctx.i18n().format("client.lifecycle." + status.code() + ".why", rules.freshDays(),
                rules.churnDays());
        String facts = count == 0 ? ctx.i18n().get("client.lifecycle.noPurchases")
                : ctx.i18n().format("client.lifecycle.facts", count, java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(ctx.i18n().locale()).format(last));
        lifecycleExplanation.set(why + " " + facts);
    }

    // ------------------------------------------------------------------ saving

    /** Validates at the fields, checks for duplicates (asking the user), then saves in the background. */
    public void save() {
        if (busy.get()) {
            return;
        }
        CardMapper.Built built = mapper.build();
        List<FieldError> problems = ctx.clients().validate(built.card());
        showErrors(problems, built);
        if (!problems.isEmpty()) {
            setMessage(MessageKind.ERROR, ctx.i18n().format("client.msg.fixErrors", problems.size()));
            return;
        }
        busy.set(true);
        boolean check = state.id == null || identityChanged(built.card());
        ctx.executor().submit(p -> check ? ctx.clients().findDuplicates(built.card()) : List.<DuplicateCandidate>of(),
                dups -> afterDuplicateCheck(built, dups), e -> failed(e, built));
    }

    private void afterDuplicateCheck(CardMapper.Built built, List<DuplicateCandidate> dups) {
        if (!dups.isEmpty()) {
            Optional<Integer> answer = ctx.dialogs().choose(ctx.i18n().get("client.dup.title"),
                    duplicateMessage(dups), List.of(ctx.i18n().get("client.dup.open"),
                            ctx.i18n().get("client.dup.saveAnyway"), ctx.i18n().get("action.cancel")));
            if (answer.isEmpty() || answer.get() != 1) {
                busy.set(false);
                if (answer.isPresent() && answer.get() == 0) {
                    ctx.workspace().openClient(dups.get(0).client().id());
                }
                return;
            }
        }
        write(built);
    }

    private String duplicateMessage(List<DuplicateCandidate> dups) {
        StringBuilder sb = new StringBuilder(ctx.i18n().format("client.dup.message", dups.size()));
        dups.stream().limit(5).forEach(d -> sb.append('\n').append("• ").append(d.client().name()).append(" — ")
                .append(ctx.i18n().format(d.reasonKey(), d.matchedValue())));
        if (dups.size() > 5) {
            sb.append("\n…");
        }
        return sb.toString();
    }

    private void write(CardMapper.Built built) {
        Long user = ctx.userId();
        ctx.executor().submit(p -> {
            var saved = ctx.clients().save(built.card(), user);
            return new Loaded(ctx.clients().load(saved.id()), null, null);
        }, loaded -> {
            apply(loaded);
            adoptSavedKey(loaded.card().client().id());
            onSaved.accept(loaded.card().client().id());
            setMessage(MessageKind.INFO, ctx.i18n().get("client.msg.saved"));
            ctx.workspace().status(ctx.i18n().format("client.status.saved", loaded.card().client().name()));
        }, e -> failed(e, built));
    }

    /** Told the id of the client after every successful save (the view tells open client lists). */
    public void setOnSaved(java.util.function.LongConsumer onSaved) {
        this.onSaved = onSaved == null ? id -> { } : onSaved;
    }

    /** A new card, once saved, becomes the tab of that client: opening the client selects it. */
    private void adoptSavedKey(long id) {
        String key = ClientScreens.cardKey(id);
        if (!key.equals(tabKey)) {
            ctx.workspace().rekeyTab(tabKey, key);
            tabKey = key;
        }
    }

    private boolean identityChanged(ClientCard card) {
        ClientCard before = state.loaded;
        if (before == null) {
            return true;
        }
        return !Texts.searchKey(before.client().name()).equals(Texts.searchKey(card.client().name()))
                || !Objects.equals(Texts.trimToNull(before.client().inn()), Texts.trimToNull(card.client().inn()))
                || !channelKeys(before).equals(channelKeys(card));
    }

    private java.util.Set<String> channelKeys(ClientCard card) {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        for (Channel ch : card.channels()) {
            if (!Texts.isBlank(ch.raw())) {
                keys.add(ctx.clients().validator().normalize(ch.kind(), ch.raw()));
            }
        }
        return keys;
    }

    private void failed(Throwable e) {
        failed(e, null);
    }

    private void failed(Throwable e, CardMapper.Built built) {
        busy.set(false);
        if (e instanceof ValidationException v && built != null) {
            showErrors(v.errors(), built);
            setMessage(MessageKind.ERROR, ctx.i18n().format("client.msg.fixErrors", v.errors().size()));
        } else if (e instanceof ConcurrentEditException) {
            conflict();
        } else {
            setMessage(MessageKind.ERROR, ctx.i18n().message(e));
        }
    }

    /** Someone else saved the card: keep what is typed, find what they changed, offer both ways out. */
    private void conflict() {
        setMessage(MessageKind.CONFLICT, ctx.i18n().get("client.msg.conflict"));
        if (state.id == null) {
            return;
        }
        long id = state.id;
        ctx.executor().submit(p -> ctx.clients().load(id), theirs -> {
            state.theirs = theirs;
            List<String> changedFields = CardMapper.differences(state.loaded, theirs).stream()
                    .map(f -> ctx.i18n().get("client.field." + f)).toList();
            setMessage(MessageKind.CONFLICT, ctx.i18n().format("client.msg.conflictFields",
                    changedFields.isEmpty() ? "—" : String.join(", ", changedFields)));
            resolveConflict();
        }, e -> { });
    }

    /**
     * Shows both versions field by field when a resolver is set (the window's conflict dialog) and
     * applies the choice; closing the dialog leaves the banner and everything typed as it was.
     */
    public void useConflictResolver(ConflictResolver resolver) {
        this.conflictResolver = resolver;
    }

    private void resolveConflict() {
        ClientCard theirs = state.theirs;
        if (conflictResolver == null || theirs == null) {
            return;
        }
        ClientCard mine = mapper.build().card();
        ClientConflict conflict = new ClientConflict(ctx.i18n(), id -> choice(owners, id).label(),
                id -> choice(sources, id).label());
        conflictResolver.resolve(ctx.i18n().get("conflict.title"),
                ctx.i18n().format("conflict.client.message", theirs.client().name()),
                conflict.fields(mine, theirs)).ifPresent(r -> {
                    switch (r.kind()) {
                        case KEEP_MINE -> keepMine();
                        case TAKE_THEIRS -> takeTheirs();
                        case MERGE -> saveMerge(mine, theirs, r);
                    }
                });
    }

    private void saveMerge(ClientCard mine, ClientCard theirs, ConflictResolution r) {
        Client merged = ClientConflict.merge(mine.client(), theirs.client(), r);
        if (ClientConflict.theirContacts(r)) {
            mapper.apply(new ClientCard(merged, theirs.contacts(), theirs.channels()));
        } else {
            mapper.applyClient(merged);
        }
        state.version = theirs.client().version();
        state.loaded = theirs;
        state.theirs = null;
        clearMessage();
        busy.set(true);
        write(mapper.build());
    }

    /** After a conflict: save what is typed over the other version. */
    public void keepMine() {
        if (state.theirs == null) {
            return;
        }
        state.version = state.theirs.client().version();
        state.loaded = state.theirs;
        state.theirs = null;
        clearMessage();
        busy.set(true);
        write(mapper.build());
    }

    /** After a conflict: drop what is typed and show the other version. */
    public void takeTheirs() {
        if (state.theirs == null) {
            return;
        }
        ClientCard theirs = state.theirs;
        state.theirs = null;
        clearMessage();
        apply(new Loaded(theirs, null, null));
    }

    /** Archives the client (or restores it from the archive). */
    public void toggleArchived() {
        if (state.id == null || busy.get()) {
            return;
        }
        boolean to = !archived.get();
        if (to && !ctx.dialogs().confirm(ctx.i18n().get("client.archive.title"),
                ctx.i18n().format("client.archive.confirm", name.get()))) {
            return;
        }
        long id = state.id;
        long version = state.version;
        Long user = ctx.userId();
        busy.set(true);
        ctx.executor().submit(p -> ctx.clients().setArchived(id, version, to, user), v -> {
            state.version = v;
            archived.set(to);
            busy.set(false);
            setMessage(MessageKind.INFO, ctx.i18n().get(to ? "client.msg.archived" : "client.msg.restored"));
            timeline.load();
        }, this::failed);
    }

    // ------------------------------------------------------------------ errors and messages

    private void showErrors(List<FieldError> problems, CardMapper.Built built) {
        clearErrors();
        for (FieldError fe : problems) {
            String text = ctx.i18n().format(fe.messageKey(), fe.args().toArray());
            String f = fe.field();
            if (errors.containsKey(f)) {
                errors.get(f).set(text);
            } else if (f.startsWith("contacts[")) {
                int i = index(f);
                if (i >= 0 && i < contacts.size()) {
                    contacts.get(i).setNameError(text);
                }
            } else if (f.startsWith("channels[")) {
                int i = index(f);
                if (i >= 0 && i < built.channelRows().size()) {
                    built.channelRows().get(i).setError(text);
                }
            }
        }
    }

    private static int index(String field) {
        try {
            return Integer.parseInt(field.substring(field.indexOf('[') + 1, field.indexOf(']')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void clearErrors() {
        errors.values().forEach(e -> e.set(""));
        contacts.forEach(c -> {
            c.setNameError("");
            c.channels().forEach(ch -> ch.setError(""));
        });
        channels.forEach(ch -> ch.setError(""));
    }

    private void setMessage(MessageKind k, String text) {
        messageKind.set(k);
        message.set(text);
    }

    public void clearMessage() {
        setMessage(MessageKind.NONE, "");
    }

    private void updateTitle() {
        String n = Texts.isBlank(name.get()) ? ctx.i18n().get("client.tab.new") : name.get().strip();
        title.set(dirty.get() ? n + " *" : n);
    }

    // ------------------------------------------------------------------ rows

    public ContactRow addContact() {
        ContactRow row = new ContactRow(null, 0);
        contacts.add(row);
        return row;
    }

    public void removeContact(ContactRow row) {
        // the contact's channels stay with the client: nothing typed is lost by removing a person
        channels.addAll(row.channels());
        row.channels().clear();
        contacts.remove(row);
    }

    public ChannelRow addChannel(ChannelKind k) {
        ChannelRow row = new ChannelRow(k, "");
        channels.add(row);
        return row;
    }

    public ChannelRow addChannel(ContactRow contact, ChannelKind k) {
        ChannelRow row = new ChannelRow(k, "");
        contact.channels().add(row);
        return row;
    }

    public void removeChannel(ChannelRow row) {
        if (!channels.remove(row)) {
            contacts.forEach(c -> c.channels().remove(row));
        }
    }

    /** Opens the call, chat or email for a channel; says so when its value cannot make a link. */
    public void open(ChannelRow row, ChannelLinks.Action action) {
        ctx.links().uri(action, row.valueProperty().get()).ifPresentOrElse(ctx.opener()::open,
                () -> setMessage(MessageKind.ERROR, ctx.i18n().format("client.msg.noLink",
                        row.valueProperty().get())));
    }

    // ------------------------------------------------------------------ timeline

    /** An audited value as a person reads it: manager and source ids become their names. */
    private String valueName(String field, String value) {
        List<Choice> list = "ownerId".equals(field) ? owners : "sourceId".equals(field) ? sources : null;
        if (list == null || value == null) {
            return value;
        }
        return list.stream().filter(c -> c.id() != null && c.id().toString().equals(value)).map(Choice::label)
                .findFirst().orElse(value);
    }

    // ------------------------------------------------------------------ state shared with the mapper

    /** Identity, version and the last loaded card. */
    static final class CardState {
        Long id;
        long version;
        ClientCard loaded;
        ClientCard theirs;
        boolean applying;
    }

    CardState state() {
        return state;
    }

    // ------------------------------------------------------------------ properties

    public String tabKey() {
        return tabKey;
    }

    public Long clientId() {
        return state.id;
    }

    public ObjectProperty<ClientKind> kindProperty() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty legalNameProperty() {
        return legalName;
    }

    public StringProperty innProperty() {
        return inn;
    }

    public StringProperty kppProperty() {
        return kpp;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty industryProperty() {
        return industry;
    }

    public StringProperty websiteProperty() {
        return website;
    }

    /** Tags as typed: comma separated. */
    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObjectProperty<Choice> ownerProperty() {
        return owner;
    }

    public ObjectProperty<Choice> sourceProperty() {
        return source;
    }

    public ObservableList<Choice> owners() {
        return owners;
    }

    public ObservableList<Choice> sources() {
        return sources;
    }

    public ObservableList<ContactRow> contacts() {
        return contacts;
    }

    /** Channels of the client itself (a contact's channels are in its row). */
    public ObservableList<ChannelRow> channels() {
        return channels;
    }

    /** The localized error of a client-level field (see {@link #FIELDS}), empty when none. */
    public ReadOnlyStringProperty errorProperty(String field) {
        ReadOnlyStringWrapper w = errors.get(field);
        if (w == null) {
            throw new IllegalArgumentException("unknown field " + field);
        }
        return w.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty archivedProperty() {
        return archived.getReadOnlyProperty();
    }

    /** True once the client exists in the database (archive and notes need that). */
    public ReadOnlyBooleanProperty persistedProperty() {
        return persisted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lifecycleNameProperty() {
        return lifecycleName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lifecycleExplanationProperty() {
        return lifecycleExplanation.getReadOnlyProperty();
    }

    /** The card's timeline (loaded with the card, and again after a save or an archive). */
    public ClientTimelineModel timeline() {
        return timeline;
    }

    static List<String> splitTags(String text) {
        if (Texts.isBlank(text)) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
