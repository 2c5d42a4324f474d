package org.deskcrm.model.common;

/** A record that was asked for by id does not exist (or is not visible). */
public class NotFoundException extends AppException {
    public NotFoundException(String entity, long id) {
        super("error.notFound", entity, id);
    }
}
