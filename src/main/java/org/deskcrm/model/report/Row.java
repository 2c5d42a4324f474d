package org.deskcrm.model.report;

import java.util.Collections;
import java.util.List;
import java.util.ArrayList;

/** One row of a report: a key that drill-downs name it by, and one value per column (nulls allowed). */
public record Row(String key, List<Object> values) {
    public Row {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }
}
