package org.deskcrm.model.client;

/** The orders the client list can be keyset-paged in (each has its own index-friendly cursor). */
public enum ClientSort {
    NAME, CREATED, LAST_PURCHASE
}
