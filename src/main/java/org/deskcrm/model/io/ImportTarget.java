package org.deskcrm.model.io;

import java.util.List;
import java.util.Locale;

import static org.deskcrm.model.io.ImportField.Type.BOOLEAN;
import static org.deskcrm.model.io.ImportField.Type.DATE;
import static org.deskcrm.model.io.ImportField.Type.DATETIME;
import static org.deskcrm.model.io.ImportField.Type.DECIMAL;
import static org.deskcrm.model.io.ImportField.Type.EMAIL;
import static org.deskcrm.model.io.ImportField.Type.INN;
import static org.deskcrm.model.io.ImportField.Type.INTEGER;
import static org.deskcrm.model.io.ImportField.Type.KPP;
import static org.deskcrm.model.io.ImportField.Type.PHONE;
import static org.deskcrm.model.io.ImportField.Type.TEXT;
import static org.deskcrm.model.io.ImportField.Type.URL;
import static org.deskcrm.model.io.ImportField.optional;
import static org.deskcrm.model.io.ImportField.ref;
import static org.deskcrm.model.io.ImportField.required;

/** What a file is imported into, and the fields a column of the file can be mapped to. */
public enum ImportTarget {
    CLIENTS(List.of(
            ref("kind", RefKind.CLIENT_KIND, false),
            required("name", TEXT, 300),
            optional("legalName", TEXT, 500),
            optional("inn", INN, 12),
            optional("kpp", KPP, 9),
            optional("address", TEXT, 1000),
            optional("region", TEXT, 200),
            optional("industry", TEXT, 200),
            optional("website", URL, 500),
            ref("source", RefKind.SOURCE, false),
            ref("owner", RefKind.OWNER, false),
            optional("phone", PHONE, 320),
            optional("email", EMAIL, 320),
            optional("notes", TEXT, 4000),
            optional("externalId", TEXT, 200))),
    CONTACTS(List.of(
            ref("client", RefKind.CLIENT, true),
            required("fullName", TEXT, 300),
            optional("jobTitle", TEXT, 300),
            optional("phone", PHONE, 320),
            optional("email", EMAIL, 320),
            optional("primary", BOOLEAN, 5),
            optional("notes", TEXT, 4000))),
    DEALS(List.of(
            required("title", TEXT, 300),
            ref("client", RefKind.CLIENT, false),
            ref("owner", RefKind.OWNER, true),
            ref("pipeline", RefKind.PIPELINE, false),
            ref("stage", RefKind.STAGE, true),
            optional("amount", DECIMAL, 20),
            optional("expectedClose", DATE, 30),
            ref("source", RefKind.SOURCE, false),
            ref("product", RefKind.PRODUCT, false),
            optional("createdOn", DATE, 30),
            optional("closedOn", DATETIME, 40),
            ref("lostReason", RefKind.LOST_REASON, false),
            ref("lostAtStage", RefKind.STAGE, false),
            optional("externalId", TEXT, 200),
            optional("contact", TEXT, 300))),
    CALLS(List.of(
            required("startedAt", DATETIME, 40),
            ref("direction", RefKind.CALL_DIRECTION, true),
            ref("status", RefKind.CALL_STATUS, true),
            required("phone", PHONE, 100),
            optional("durationSec", INTEGER, 10),
            ref("owner", RefKind.OWNER, false),
            optional("note", TEXT, 2000),
            optional("recordingUrl", TEXT, 1000))),
    SALES(List.of(
            ref("client", RefKind.CLIENT, true),
            required("saleDate", DATE, 30),
            required("amount", DECIMAL, 20),
            optional("docNo", TEXT, 100),
            optional("dueDate", DATE, 30),
            optional("paidAmount", DECIMAL, 20),
            ref("owner", RefKind.OWNER, false))),
    USERS(List.of(
            required("fullName", TEXT, 200),
            optional("login", TEXT, 100),
            ref("role", RefKind.ROLE, false),
            ref("team", RefKind.TEAM, false),
            optional("supervisor", TEXT, 200),
            optional("email", EMAIL, 320),
            optional("office", TEXT, 200),
            optional("active", BOOLEAN, 5))),
    PRODUCTS(List.of(
            required("name", TEXT, 300),
            optional("code", TEXT, 100),
            optional("group", TEXT, 200),
            optional("price", DECIMAL, 20),
            optional("active", BOOLEAN, 5))),
    GOALS(List.of(
            ref("person", RefKind.OWNER, false),
            ref("team", RefKind.TEAM, false),
            ref("metric", RefKind.GOAL_METRIC, true),
            ref("periodKind", RefKind.PERIOD_KIND, false),
            optional("periodStart", DATE, 30),
            optional("period", TEXT, 20),
            required("target", DECIMAL, 20))),
    DEAL_HISTORY(List.of(
            required("deal", TEXT, 200),
            ref("stage", RefKind.STAGE, true),
            required("enteredAt", DATETIME, 40),
            ref("by", RefKind.OWNER, false)));

    private final List<ImportField> fields;
    private final java.util.Map<String, ImportField> byKey;

    ImportTarget(List<ImportField> fields) {
        this.fields = fields;
        this.byKey = fields.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(ImportField::key, f -> f));
    }

    public List<ImportField> fields() {
        return fields;
    }

    public ImportField field(String key) {
        ImportField f = byKey.get(key);
        if (f == null) {
            throw new IllegalArgumentException(name() + " has no field " + key);
        }
        return f;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The target for a command-line or stored code ("clients", "deals"...), or null. */
    public static ImportTarget ofCode(String code) {
        for (ImportTarget t : values()) {
            if (t.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return t;
            }
        }
        return null;
    }
}
