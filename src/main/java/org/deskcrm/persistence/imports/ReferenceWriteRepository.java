package org.deskcrm.persistence.imports;

import org.deskcrm.model.io.ImportedProduct;
import org.deskcrm.model.io.ImportedUser;
import org.deskcrm.model.user.Role;
import org.deskcrm.persistence.Database;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.deskcrm.persistence.jooq.Tables.APP_USER;
import static org.deskcrm.persistence.jooq.Tables.LEAD_SOURCE;
import static org.deskcrm.persistence.jooq.Tables.PRODUCT;
import static org.deskcrm.persistence.jooq.Tables.TEAM;

/**
 * The records an import of people and products reads and writes, and the names an import
 * creates on request (a person, a team, a product, a lead source). Every method joins the caller's
 * transaction. An imported person never gets a password: {@code password_hash} stays NULL until the
 * person sets one at the first sign-in or an administrator sets it.
 */
public class ReferenceWriteRepository {
    /** A stored person as an import compares it. */
    public record Person(long id, String login, String fullName, Role role, Long teamId) {
    }

    /** A stored team. */
    public record TeamRow(long id, String name, Long supervisorId) {
    }

    /** A stored product. */
    public record ProductRow(long id, String code, String name) {
    }

    private final DSLContext dsl;

    public ReferenceWriteRepository(Database db) {
        this.dsl = db.dsl();
    }

    // ------------------------------------------------------------------ people and teams

    public List<Person> people() {
        return dsl.select(APP_USER.ID, APP_USER.LOGIN, APP_USER.FULL_NAME, APP_USER.ROLE_CODE, APP_USER.TEAM_ID)
                .from(APP_USER).orderBy(APP_USER.ID)
                .fetch(r -> new Person(r.value1(), r.value2(), r.value3(), Role.ofCode(r.value4()), r.value5()));
    }

    /** Every login in lower case (a derived login must differ from all of them). */
    public Set<String> logins() {
        Set<String> s = new HashSet<>();
        dsl.select(DSL.lower(APP_USER.LOGIN)).from(APP_USER).forEach(r -> s.add(r.value1()));
        return s;
    }

    public List<TeamRow> teams() {
        return dsl.select(TEAM.ID, TEAM.NAME, TEAM.SUPERVISOR_ID).from(TEAM).orderBy(TEAM.ID)
                .fetch(r -> new TeamRow(r.value1(), r.value2(), r.value3()));
    }

    /** Inserts a person without a password; the role defaults to manager, the flag to active. */
    public long insertUser(ImportedUser u) {
        Role role = u.role() == null ? Role.MANAGER : u.role();
        return dsl.insertInto(APP_USER)
                .set(APP_USER.LOGIN, u.login())
                .set(APP_USER.FULL_NAME, u.fullName())
                .set(APP_USER.EMAIL, u.email())
                .set(APP_USER.OFFICE, u.office())
                .set(APP_USER.ROLE_CODE, role.code())
                .set(APP_USER.TEAM_ID, u.teamId())
                .set(APP_USER.CAN_EXPORT, role != Role.MANAGER)
                .set(APP_USER.ACTIVE, u.active() == null || u.active())
                .set(APP_USER.PASSWORD_HASH, (String) null)
                .returning(APP_USER.ID).fetchOne(APP_USER.ID);
    }

    /** Sets the file's values on a person (a null value keeps the stored one; the login never changes). */
    public void updateUser(long id, ImportedUser u) {
        dsl.update(APP_USER)
                .set(APP_USER.FULL_NAME, u.fullName())
                .set(APP_USER.EMAIL, DSL.coalesce(DSL.val(u.email()), APP_USER.EMAIL))
                .set(APP_USER.OFFICE, DSL.coalesce(DSL.val(u.office()), APP_USER.OFFICE))
                .set(APP_USER.ROLE_CODE, DSL.coalesce(DSL.val(u.role() == null ? null : u.role().code()),
                        APP_USER.ROLE_CODE))
                .set(APP_USER.TEAM_ID, DSL.coalesce(DSL.val(u.teamId()), APP_USER.TEAM_ID))
                .set(APP_USER.ACTIVE, DSL.coalesce(DSL.val(u.active()), APP_USER.ACTIVE))
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id)).execute();
    }

    public long insertTeam(String name, Long supervisorId) {
        return dsl.insertInto(TEAM, TEAM.NAME, TEAM.SUPERVISOR_ID).values(name, supervisorId)
                .returning(TEAM.ID).fetchOne(TEAM.ID);
    }

    public void setTeamSupervisor(long teamId, long supervisorId) {
        dsl.update(TEAM).set(TEAM.SUPERVISOR_ID, supervisorId).set(TEAM.VERSION, TEAM.VERSION.plus(1))
                .where(TEAM.ID.eq(teamId)).execute();
    }

    // ------------------------------------------------------------------ products and lead sources

    public List<ProductRow> products() {
        return dsl.select(PRODUCT.ID, PRODUCT.SKU, PRODUCT.NAME).from(PRODUCT).orderBy(PRODUCT.ID)
                .fetch(r -> new ProductRow(r.value1(), r.value2(), r.value3()));
    }

    public long insertProduct(ImportedProduct p) {
        return dsl.insertInto(PRODUCT)
                .set(PRODUCT.SKU, p.code())
                .set(PRODUCT.NAME, p.name())
                .set(PRODUCT.PRODUCT_GROUP, p.group())
                .set(PRODUCT.PRICE, p.price() == null ? BigDecimal.ZERO : p.price())
                .set(PRODUCT.ACTIVE, p.active() == null || p.active())
                .returning(PRODUCT.ID).fetchOne(PRODUCT.ID);
    }

    /** Sets the file's values on a product (a null value keeps the stored one). */
    public void updateProduct(long id, ImportedProduct p) {
        dsl.update(PRODUCT)
                .set(PRODUCT.NAME, p.name())
                .set(PRODUCT.SKU, DSL.coalesce(DSL.val(p.code()), PRODUCT.SKU))
                .set(PRODUCT.PRODUCT_GROUP, DSL.coalesce(DSL.val(p.group()), PRODUCT.PRODUCT_GROUP))
                .set(PRODUCT.PRICE, DSL.coalesce(DSL.val(p.price()), PRODUCT.PRICE))
                .set(PRODUCT.ACTIVE, DSL.coalesce(DSL.val(p.active()), PRODUCT.ACTIVE))
                .set(PRODUCT.VERSION, PRODUCT.VERSION.plus(1))
                .where(PRODUCT.ID.eq(id)).execute();
    }

    public long insertSource(String name) {
        return dsl.insertInto(LEAD_SOURCE, LEAD_SOURCE.NAME).values(name)
                .returning(LEAD_SOURCE.ID).fetchOne(LEAD_SOURCE.ID);
    }
}
