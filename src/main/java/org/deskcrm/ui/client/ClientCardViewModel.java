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
import javafx.collections.ObservableList;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.ClientCard;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.common.ConcurrentEditException;
import org.deskcrm.model.common.Texts;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.model.user.User;
import org.deskcrm.ui.common.ConflictResolver;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One client card: the editable fields, contact persons and channels, the computed lifecycle status,
 * the timeline, and the commands (save with validation at the field and a duplicate check, archive,
 * reload, add a note, open a channel). Saving runs in the background; a conflicting save by someone
 * else keeps everything typed and offers to keep this version or take theirs.
 * <p>
 * The views and tests use this class; the work is done by its parts, which share a {@link CardState}:
 * {@link ContactsAndChannels}, {@link CardChoices}, {@link CardErrors}, {@link CardSaving} with its
 * {@link DuplicateCheck}, {@link SaveConflict}, {@link CardArchiving}, {@link CardLifecycle},
 * {@link ClientTimelineModel} and {@link CardMapper}.
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

    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper archived = new ReadOnlyBooleanWrapper(this, "archived");
    private final ReadOnlyBooleanWrapper persisted = new ReadOnlyBooleanWrapper(this, "persisted");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<MessageKind> messageKind =
            new ReadOnlyObjectWrapper<>(this, "messageKind", MessageKind.NONE);

    private final InvalidationListener markDirty = this::changed;

    private final CardChoices choices;
    private final ContactsAndChannels rows;
    private final CardErrors errors;
    private final CardSaving saving;
    private final SaveConflict conflict;
    private final CardArchiving archiving;
    private final CardLifecycle lifecycle;
    private final ClientTimelineModel timeline;
    private final CardMapper mapper;

    public ClientCardViewModel(ClientUiContext ctx, String tabKey) {
        this.ctx = ctx;
        this.tabKey = tabKey;
        this.choices = new CardChoices(ctx);
        this.rows = new ContactsAndChannels(markDirty);
        this.errors = new CardErrors(ctx, rows, this, FIELDS);
        this.saving = new CardSaving(this, ctx, errors);
        this.conflict = new SaveConflict(this, ctx, saving);
        this.archiving = new CardArchiving(this, ctx);
        this.lifecycle = new CardLifecycle(ctx, this);
        this.timeline = new ClientTimelineModel(ctx, () -> state.id, choices::valueName, this::failed);
        this.mapper = new CardMapper(this);
        for (Observable o : List.of(kind, name, legalName, inn, kpp, address, region, industry, website, tags,
                notes, owner, source)) {
            o.addListener(markDirty);
        }
        name.addListener(o -> updateTitle());
        dirty.addListener(o -> updateTitle());
        title.addListener((o, a, b) -> ctx.workspace().retitleTab(this.tabKey, b)); // the key after a first save
        updateTitle();
    }

    private StringProperty text(String field) {
        return new SimpleStringProperty(this, field, "");
    }

    private void changed(Observable ignored) {
        if (!state.applying) {
            dirty.set(true);
        }
    }

    /** A typed phone as it is shown everywhere: the international format of the business region. */
    String shownPhone(String typed) {
        return ctx.clients().shownPhone(typed);
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

    /** A card read for the form (null for a new one), with the pickers' choices (null to keep them). */
    record Loaded(ClientCard card, List<User> owners, Map<Long, String> sources) {
    }

    /** Shows what was read as saved: the form, the choices, no errors, not changed; then reads the timeline. */
    void apply(Loaded l) {
        state.applying = true;
        try {
            if (l.owners() != null) {
                choices.fill(l.owners(), l.sources());
            }
            if (l.card() == null) {
                owner.set(choices.owner(ctx.userId()));
                source.set(choices.sources().get(0));
            } else {
                mapper.apply(l.card());
                state.loaded = l.card();
                state.id = l.card().client().id();
                state.version = l.card().client().version();
                archived.set(l.card().client().archived());
                persisted.set(true);
            }
            errors.clear();
            if (l.card() != null) {
                dirty.set(false); // a new card keeps what was typed while its choices were loading
            }
            lifecycle.show(state.loaded == null ? null : state.loaded.client());
        } finally {
            state.applying = false;
        }
        busy.set(false);
        updateTitle();
        timeline.load();
    }

    /**
     * Sales changed elsewhere on the card: reloads the client's purchase facts in the background and
     * shows the recomputed status, leaving whatever is being typed in the form alone.
     */
    public void refreshLifecycle() {
        Long id = state.id;
        if (id != null) {
            lifecycle.refresh(id, this::failed);
        }
    }

    // ------------------------------------------------------------------ saving

    /** Validates at the fields, checks for duplicates (asking the user), then saves in the background. */
    public void save() {
        saving.save();
    }

    /** Told the id of the client after every successful save (the view tells open client lists). */
    public void setOnSaved(LongConsumer onSaved) {
        saving.setOnSaved(onSaved);
    }

    /** A new card, once saved, becomes the tab of that client: opening the client selects it. */
    void adoptSavedKey(long id) {
        String key = ClientScreens.cardKey(id);
        if (!key.equals(tabKey)) {
            ctx.workspace().rekeyTab(tabKey, key);
            tabKey = key;
        }
    }

    private void failed(Throwable e) {
        failed(e, null);
    }

    /**
     * Shows what went wrong: a refused save's errors at the fields ({@code built} is what it tried to save, null
     * for anything else), the conflict when someone else saved meanwhile, otherwise the message in the banner.
     */
    void failed(Throwable e, CardMapper.Built built) {
        busy.set(false);
        if (e instanceof ValidationException v && built != null) {
            errors.show(v.errors(), built.channelRows());
            setMessage(MessageKind.ERROR, ctx.i18n().format("client.msg.fixErrors", v.errors().size()));
        } else if (e instanceof ConcurrentEditException) {
            conflict.saveRefused();
        } else {
            setMessage(MessageKind.ERROR, ctx.i18n().message(e));
        }
    }

    /**
     * Shows both versions field by field when a resolver is set (the window's conflict dialog) and
     * applies the choice; closing the dialog leaves the banner and everything typed as it was.
     */
    public void useConflictResolver(ConflictResolver resolver) {
        conflict.useResolver(resolver);
    }

    /** After a conflict: save what is typed over the other version. */
    public void keepMine() {
        conflict.keepMine();
    }

    /** After a conflict: drop what is typed and show the other version. */
    public void takeTheirs() {
        conflict.takeTheirs();
    }

    /** Archives the client (or restores it from the archive). */
    public void toggleArchived() {
        archiving.toggle();
    }

    // ------------------------------------------------------------------ busy, messages and title

    void setBusy(boolean b) {
        busy.set(b);
    }

    void setArchived(boolean b) {
        archived.set(b);
    }

    void setMessage(MessageKind k, String text) {
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
        return rows.addContact();
    }

    public void removeContact(ContactRow row) {
        rows.removeContact(row);
    }

    public ChannelRow addChannel(ChannelKind k) {
        return rows.addChannel(k);
    }

    public ChannelRow addChannel(ContactRow contact, ChannelKind k) {
        return rows.addChannel(contact, k);
    }

    public void removeChannel(ChannelRow row) {
        rows.removeChannel(row);
    }

    /** Opens the call, chat or email for a channel; says so when its value cannot make a link. */
    public void open(ChannelRow row, ChannelLinks.Action action) {
        ctx.links().uri(action, row.valueProperty().get()).ifPresentOrElse(ctx.opener()::open,
                () -> setMessage(MessageKind.ERROR, ctx.i18n().format("client.msg.noLink",
                        row.valueProperty().get())));
    }

    // ------------------------------------------------------------------ state shared with the parts

    CardState state() {
        return state;
    }

    CardMapper mapper() {
        return mapper;
    }

    CardChoices choices() {
        return choices;
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
        return choices.owners();
    }

    public ObservableList<Choice> sources() {
        return choices.sources();
    }

    public ObservableList<ContactRow> contacts() {
        return rows.contacts();
    }

    /** Channels of the client itself (a contact's channels are in its row). */
    public ObservableList<ChannelRow> channels() {
        return rows.channels();
    }

    /** The localized error of a client-level field (see {@link #FIELDS}), empty when none. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
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
        return lifecycle.nameProperty();
    }

    public ReadOnlyStringProperty lifecycleExplanationProperty() {
        return lifecycle.explanationProperty();
    }

    /** The card's timeline (loaded with the card, and again after a save or an archive). */
    public ClientTimelineModel timeline() {
        return timeline;
    }
}
