package org.deskcrm.model.merge;

/** A field of a client's own record whose value a merge takes from one of the two clients (notes are joined). */
public enum MergeField {
    KIND, NAME, LEGAL_NAME, INN, KPP, ADDRESS, REGION, INDUSTRY, WEBSITE, SOURCE, OWNER
}
