package org.deskcrm.persistence;

import org.deskcrm.model.client.ClientCursor;
import org.deskcrm.model.client.ClientFilter;
import org.deskcrm.model.client.ClientListItem;
import org.deskcrm.model.client.ClientListPage;
import org.deskcrm.model.client.ClientSort;
import org.deskcrm.model.user.AccessScope;
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
        return count(filter, text, AccessScope.all());
    }

    /** The count of the clients {@code scope} sees under the filters. */
    public long count(ClientFilter filter, Text text, AccessScope scope) {
        boolean plain = scope.isAll() && !filter.includeArchived() && filter.ownerId() == null && filter.lifecycle() == null
                && filter.sourceId() == null && (filter.tag() == null || filter.tag().isBlank())
                && filter.visibleOwnerIds() == null && (text == null || text.equals(Text.NONE));
        if (plain) {
            // the list as it opens: all minus archived, both counts served from the table's row count
            // and an index instead of visiting every row
            return dsl.transactionResult(c -> DSL.using(c).fetchCount(CLIENT)
                    - DSL.using(c).fetchCount(CLIENT, CLIENT.ARCHIVED.isTrue()));
        }
        return dsl.fetchCount(CLIENT, where(filter, text).and(Visibility.clients(scope)));
    }

    /** One page after {@code after} (null for the first page). */
    public ClientListPage page(ClientFilter filter, Text text, ClientSort sort, boolean descending,
                               ClientCursor after, int limit) {
        return page(filter, text, sort, descending, after, limit, AccessScope.all());
    }

    /** One page of the clients {@code scope} sees. */
    public ClientListPage page(ClientFilter filter, Text text, ClientSort sort, boolean descending,
                               ClientCursor after, int limit, AccessScope scope) {
        List<ClientListItem> items;
        if (sort == ClientSort.LAST_PURCHASE) {
            items = byLastPurchase(where(filter, text).and(Visibility.clients(scope)), descending, after, limit + 1);
        } else {
            Condition where = where(filter, text).and(Visibility.clients(scope));
            if (after != null) {
                where = where.and(after(sort, descending, after));
            }
            items = fetch(where, order(sort, descending), limit + 1);
        }
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

    private List<ClientListItem> fetch(Condition where, List<SortField<?>> order, int limit) {
        List<Field<?>> fields = new ArrayList<>(ClientRepository.rowFields());
        fields.add(CLIENT.CREATED_AT);
        return dsl.select(fields)
                .from(CLIENT)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CLIENT.OWNER_ID))
                .leftJoin(LEAD_SOURCE).on(LEAD_SOURCE.ID.eq(CLIENT.SOURCE_ID))
                .where(where)
                .orderBy(order)
                .limit(limit)
                .fetch(r -> new ClientListItem(ClientRepository.mapRow(r), instant(r.get(CLIENT.CREATED_AT))));
    }

    /**
     * By last purchase, clients who never bought last in either direction. Read in two index-ordered
     * parts over (last_purchase_on, id): first the dated clients after the cursor, then, if the page is
     * not full, the never-bought ones by id. (A single ORDER BY ... NULLS LAST cannot use the index on
     * both databases and sorts the whole table.)
     */
    private List<ClientListItem> byLastPurchase(Condition where, boolean desc, ClientCursor after, int limit) {
        List<ClientListItem> items = new ArrayList<>();
        Condition idAfter = after == null ? DSL.noCondition() : desc ? CLIENT.ID.lt(after.id()) : CLIENT.ID.gt(after.id());
        SortField<Long> id = desc ? CLIENT.ID.desc() : CLIENT.ID.asc();
        if (after == null || after.lastPurchaseOn() != null) {
            Condition dated = where.and(CLIENT.LAST_PURCHASE_ON.isNotNull());
            if (after != null) {
                dated = dated.and(desc
                        ? DSL.row(CLIENT.LAST_PURCHASE_ON, CLIENT.ID).lt(after.lastPurchaseOn(), after.id())
                        : DSL.row(CLIENT.LAST_PURCHASE_ON, CLIENT.ID).gt(after.lastPurchaseOn(), after.id()));
            }
            items.addAll(fetch(dated, List.of(desc ? CLIENT.LAST_PURCHASE_ON.desc() : CLIENT.LAST_PURCHASE_ON.asc(),
                    id), limit));
            idAfter = DSL.noCondition(); // the undated part starts from its beginning
        }
        if (items.size() < limit) {
            // ordered by (last_purchase_on, id) although the date is null: then both databases read the
            // index range in order instead of sorting every never-bought client
            items.addAll(fetch(where.and(CLIENT.LAST_PURCHASE_ON.isNull()).and(idAfter),
                    List.of(desc ? CLIENT.LAST_PURCHASE_ON.desc() : CLIENT.LAST_PURCHASE_ON.asc(), id),
                    limit - items.size()));
        }
        return items;
    }

    private static List<SortField<?>> order(ClientSort sort, boolean desc) {
        SortField<Long> id = desc ? CLIENT.ID.desc() : CLIENT.ID.asc();
        return switch (sort) {
            case NAME -> List.of(desc ? CLIENT.NAME_NORM.desc() : CLIENT.NAME_NORM.asc(), id);
            case CREATED, LAST_PURCHASE -> List.of(desc ? CLIENT.CREATED_AT.desc() : CLIENT.CREATED_AT.asc(), id);
        };
    }

    /** The rows strictly after the cursor in the name or creation order. */
    private static Condition after(ClientSort sort, boolean desc, ClientCursor c) {
        if (sort == ClientSort.NAME) {
            return desc ? DSL.row(CLIENT.NAME_NORM, CLIENT.ID).lt(c.nameKey(), c.id())
                    : DSL.row(CLIENT.NAME_NORM, CLIENT.ID).gt(c.nameKey(), c.id());
        }
        OffsetDateTime at = odt(c.createdAt());
        return desc ? DSL.row(CLIENT.CREATED_AT, CLIENT.ID).lt(at, c.id())
                : DSL.row(CLIENT.CREATED_AT, CLIENT.ID).gt(at, c.id());
    }
}
