package org.deskcrm.model.io;

/** The character set a CSV file is read in; AUTO takes UTF-8 when the bytes are valid UTF-8, else Windows-1251. */
public enum CsvEncoding { AUTO, UTF_8, WINDOWS_1251 }
