package org.deskcrm.model.client;

/** The kinds of entries on a client's timeline (the card filters by them). */
public enum TimelineKind {
    CALL, TASK, NOTE, DEAL, EDIT
}
