package org.deskcrm.model.common;

/** The record was changed by someone else since it was read: its version no longer matches. */
public class ConcurrentEditException extends AppException {
    private final String entity;
    private final long id;

    public ConcurrentEditException(String entity, long id) {
        super("error.concurrentEdit", entity, id);
        this.entity = entity;
        this.id = id;
    }

    public String entity() {
        return entity;
    }

    public long id() {
        return id;
    }
}
