package org.deskcrm.persistence;

import org.deskcrm.model.client.ClientCursor;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientListItem;
import org.deskcrm.model.client.ClientListPage;
import org.deskcrm.model.client.ClientSort;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.deskcrm.persistence.Times.instant;
import static org.deskcrm.persistence.Times.odt;
import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.CLIENT;
import static org.deskcrm.persistence.jooq.Tables.LEAD_SOURCE;
import static org.deskcrm.persistence.jooq.Tables.TAG;

/**
 * The client list: keyset paging in three orders (name, creation time, last purchase; either
 * direction), so a page deep in 100 000 clients costs what the first one costs, and the count under
 * the same filters. Rows are the same {@code ClientRow}s the rest of the application uses.
 */
public class ClientListRepository {
    /**
     * A free-text restriction already resolved by the service: the beginning of the normalized name,
     * or the ids of clients found by phone, email or INN. {@link #NONE} restricts nothing.
     */
    public record Text(String namePrefix, Set<Long> ids) {
        public static final Text NONE = new Text(null, null);

        public Text {
            ids = ids == null ? null : Set.copyOf(ids);
        }

        public static Text namePrefix(String key) {
            return new Text(key, null);
        }

        public static Text ids(Set<Long> ids) {
            return new Text(null, ids);
        }
    }

    private final DSLContext dsl;

    public ClientListRepository(Database db) {
        this.dsl = db.dsl();
    }

    public long count(ClientFilter filter, Text text) {
        return dsl.fetchCount(CLIENT, where(filter, text));
    }

    /** One page after {@code after} (null for the first page). */
    public ClientListPage page(ClientFilter filter, Text text, ClientSort sort, boolean descending,
                               ClientCursor after, int limit) {
        Condition where = where(filter, text);
        if (after != null) {
            where = where.and(after(sort, descending, after));
        }
        List<Field<?>> fields = new ArrayList<>(ClientRepository.rowFields());
        fields.add(CLIENT.CREATED_AT);
        List<ClientListItem> items = dsl.select(fields)
                .from(CLIENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CLIENT.OWNER_ID))
                .leftJoin(LEAD_SOURCE).on(LEAD_SOURCE.ID.eq(CLIENT.SOURCE_ID))
                .where(where)
                .orderBy(order(sort, descending))
                .limit(limit + 1)
                .fetch(r -> new ClientListItem(ClientRepository.mapRow(r), instant(r.get(CLIENT.CREATED_AT))));
        boolean more = items.size() > limit;
        List<ClientListItem> shown = more ? items.subList(0, limit) : items;
        ClientCursor next = more ? shown.get(shown.size() - 1).cursor() : null;
        return new ClientListPage(shown, more, next);
    }

    /** Every tag in use, by name (the list's tag filter). */
    public List<String> tags() {
        return dsl.select(TAG.NAME).from(TAG).orderBy(TAG.NAME).fetch(TAG.NAME);
    }

    private static Condition where(ClientFilter filter, Text text) {
        Condition c = ClientRepository.conditions(filter);
        if (text != null && text.namePrefix() != null) {
            c = c.and(ClientRepository.prefixRange(CLIENT.NAME_NORM, text.namePrefix()));
        }
        if (text != null && text.ids() != null) {
            c = c.and(text.ids().isEmpty() ? DSL.falseCondition() : CLIENT.ID.in(text.ids()));
        }
        return c;
    }

    private static List<SortField<?>> order(ClientSort sort, boolean desc) {
        SortField<Long> id = desc ? CLIENT.ID.desc() : CLIENT.ID.asc();
        return switch (sort) {
            case NAME -> List.of(desc ? CLIENT.NAME_NORM.desc() : CLIENT.NAME_NORM.asc(), id);
            case CREATED -> List.of(desc ? CLIENT.CREATED_AT.desc() : CLIENT.CREATED_AT.asc(), id);
            case LAST_PURCHASE -> List.of(
                    (desc ? CLIENT.LAST_PURCHASE_ON.desc() : CLIENT.LAST_PURCHASE_ON.asc()).nullsLast(), id);
        };
    }

    /** The rows strictly after the cursor in the given order (nulls of the last purchase come last). */
    private static Condition after(ClientSort sort, boolean desc, ClientCursor c) {
        return switch (sort) {
            case NAME -> desc ? DSL.row(CLIENT.NAME_NORM, CLIENT.ID).lt(c.nameKey(), c.id())
                    : DSL.row(CLIENT.NAME_NORM, CLIENT.ID).gt(c.nameKey(), c.id());
            case CREATED -> {
                OffsetDateTime at = odt(c.createdAt());
                yield desc ? DSL.row(CLIENT.CREATED_AT, CLIENT.ID).lt(at, c.id())
                        : DSL.row(CLIENT.CREATED_AT, CLIENT.ID).gt(at, c.id());
            }
            case LAST_PURCHASE -> {
                Condition sameNull = CLIENT.LAST_PURCHASE_ON.isNull()
                        .and(desc ? CLIENT.ID.lt(c.id()) : CLIENT.ID.gt(c.id()));
                if (c.lastPurchaseOn() == null) {
                    yield sameNull;
                }
                Condition later = desc
                        ? DSL.row(CLIENT.LAST_PURCHASE_ON, CLIENT.ID).lt(c.lastPurchaseOn(), c.id())
                        : DSL.row(CLIENT.LAST_PURCHASE_ON, CLIENT.ID).gt(c.lastPurchaseOn(), c.id());
                yield later.or(CLIENT.LAST_PURCHASE_ON.isNull());
            }
        };
    }
}
