package org.deskcrm.service.call;

/**
 * What a column of a generic call CSV can hold. START is required, and either NUMBER (the external
 * party, with DIRECTION or a default direction) or SRC and DST (direction inferred from extensions).
 */
public enum CallField {
    ID, START, SRC, DST, NUMBER, DIRECTION, STATUS, DURATION, EXTENSION, RECORDING, NOTE
}
