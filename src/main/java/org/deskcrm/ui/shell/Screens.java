package org.deskcrm.ui.shell;

import javafx.scene.Node;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of feature screens the shell can open. Features register here from the composition
 * root ({@code DeskCrmApp#screens}); a section or card without a registered factory shows an empty
 * state instead.
 */
public final class Screens {
    /** Creates a screen's root node (called on the FX thread, once per opened tab). */
    @FunctionalInterface
    public interface Factory {
        Node create(ShellServices services);
    }

    /** Creates the screen of a tab that must know its own key (it rekeys or retitles itself). */
    @FunctionalInterface
    public interface KeyedFactory {
        Node create(ShellServices services, String tabKey);
    }

    /** Creates the card of one record. */
    @FunctionalInterface
    public interface RecordFactory {
        Node create(ShellServices services, long id);
    }

    private final Map<NavItem, Factory> sections = new EnumMap<>(NavItem.class);
    private final Map<NavItem, java.util.function.Predicate<ShellServices>> shownWhen = new EnumMap<>(NavItem.class);
    private RecordFactory clientCard;
    private KeyedFactory newClientCard;

    /** The screen of a sidebar section (e.g. the client list for {@link NavItem#CLIENTS}). */
    public Screens section(NavItem item, Factory factory) {
        sections.put(item, factory);
        return this;
    }

    /**
     * Shows the section in the sidebar, the Go menu and its shortcut only when {@code rule} holds for the
     * window (e.g. Settings only for the administrator): a role never sees a section it cannot use.
     */
    public Screens shownWhen(NavItem item, java.util.function.Predicate<ShellServices> rule) {
        shownWhen.put(item, rule);
        return this;
    }

    /** Whether the window of {@code services} shows the section (every section without a rule is shown). */
    public boolean shows(NavItem item, ShellServices services) {
        java.util.function.Predicate<ShellServices> rule = shownWhen.get(item);
        return rule == null || rule.test(services);
    }

    /** The card of an existing client ({@code Workspace.openClient}). */
    public Screens clientCard(RecordFactory factory) {
        this.clientCard = factory;
        return this;
    }

    /** The card of a new client ({@code Workspace.newClient}, Ctrl+N). */
    public Screens newClientCard(KeyedFactory factory) {
        this.newClientCard = factory;
        return this;
    }

    public Optional<Factory> section(NavItem item) {
        return Optional.ofNullable(sections.get(item));
    }

    public Optional<RecordFactory> clientCard() {
        return Optional.ofNullable(clientCard);
    }

    public Optional<KeyedFactory> newClientCard() {
        return Optional.ofNullable(newClientCard);
    }
}
