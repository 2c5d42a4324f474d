package org.deskcrm.service.call;

import org.deskcrm.model.call.CallDirection;

import java.util.EnumMap;
import java.util.Map;

/**
 * How a generic call CSV maps onto calls: the header name of each used column, and the direction
 * of calls when the file has no direction column and no SRC/DST pair.
 */
public record CallCsvMapping(Map<CallField, String> columns, CallDirection defaultDirection) {
    public CallCsvMapping {
        columns = columns.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(columns));
    }

    public String column(CallField f) {
        return columns.get(f);
    }

    public boolean has(CallField f) {
        String c = columns.get(f);
        return c != null && !c.isBlank();
    }

    public CallCsvMapping with(CallField f, String header) {
        Map<CallField, String> m = new EnumMap<>(CallField.class);
        m.putAll(columns);
        if (header == null || header.isBlank()) {
            m.remove(f);
        } else {
            m.put(f, header.strip());
        }
        return new CallCsvMapping(m, defaultDirection);
    }

    public static CallCsvMapping empty() {
        return new CallCsvMapping(Map.of(), null);
    }
}
