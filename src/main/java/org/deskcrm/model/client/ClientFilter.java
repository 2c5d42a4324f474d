package org.deskcrm.model.client;

import java.util.Set;

/**
 * Filters of the client list. {@code visibleOwnerIds} restricts rows to those owners (a manager
 * sees only own clients, a supervisor the team's); {@code null} means no restriction (admin).
 */
public record ClientFilter(Long ownerId, LifecycleStatus lifecycle, Long sourceId, String tag,
                           boolean includeArchived, Set<Long> visibleOwnerIds) {
    public static final ClientFilter ALL = new ClientFilter(null, null, null, null, false, null);

    public ClientFilter {
        visibleOwnerIds = visibleOwnerIds == null ? null : Set.copyOf(visibleOwnerIds);
    }

    public ClientFilter withOwner(Long owner) {
        return new ClientFilter(owner, lifecycle, sourceId, tag, includeArchived, visibleOwnerIds);
    }

    public ClientFilter withLifecycle(LifecycleStatus status) {
        return new ClientFilter(ownerId, status, sourceId, tag, includeArchived, visibleOwnerIds);
    }

    public ClientFilter withTag(String newTag) {
        return new ClientFilter(ownerId, lifecycle, sourceId, newTag, includeArchived, visibleOwnerIds);
    }

    public ClientFilter withSource(Long source) {
        return new ClientFilter(ownerId, lifecycle, source, tag, includeArchived, visibleOwnerIds);
    }

    public ClientFilter withArchived(boolean include) {
        return new ClientFilter(ownerId, lifecycle, sourceId, tag, include, visibleOwnerIds);
    }

    public ClientFilter visibleTo(Set<Long> owners) {
        return new ClientFilter(ownerId, lifecycle, sourceId, tag, includeArchived, owners);
    }
}
