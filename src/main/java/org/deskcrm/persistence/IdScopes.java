package org.deskcrm.persistence;

import org.jooq.Condition;
import org.jooq.Field;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * A set of record ids as the conditions that select them, for set-based passes over many records: ids that
 * follow each other without a gap (an import's new rows) are one range on the key; any other set is lists of
 * at most {@value #CHUNK} ids.
 */
public final class IdScopes {
    static final int CHUNK = 1_000;

    private IdScopes() {
    }

    /** The conditions on {@code id} that together select exactly {@code ids} (none for no ids). */
    public static List<Condition> of(Field<Long> id, Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        if (all.isEmpty()) {
            return List.of();
        }
        long min = all.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = all.stream().mapToLong(Long::longValue).max().orElseThrow();
        if (max - min + 1 == all.size() && new HashSet<>(all).size() == all.size()) {
            return List.of(id.between(min, max));
        }
        List<Condition> lists = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            lists.add(id.in(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        return lists;
    }
}
