package org.deskcrm.model.io;

/** The separator of a CSV file; AUTO counts commas and semicolons outside quotes in the header line. */
public enum CsvDelimiter {
    AUTO, COMMA, SEMICOLON;

    public char symbol() {
        return this == SEMICOLON ? ';' : ',';
    }
}
