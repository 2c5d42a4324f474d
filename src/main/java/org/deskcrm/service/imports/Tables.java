package org.deskcrm.service.imports;

import org.deskcrm.model.common.AppException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks shared by the CSV and workbook readers. */
final class Tables {
    private Tables() {
    }

    /** The header row's names, trimmed; a blank name becomes "#n"; a repeated name rejects the file. */
    static List<String> headers(List<String> raw) {
        List<String> headers = new ArrayList<>(raw.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String h = raw.get(i) == null ? "" : raw.get(i).strip();
            if (h.length() > 200) {
                throw new AppException("imports.error.headerTooLong", i + 1);
            }
            if (h.isEmpty()) {
                h = "#" + (i + 1);
            }
            if (!seen.add(h)) {
                throw new AppException("imports.error.duplicateHeader", h);
            }
            headers.add(h);
        }
        while (!headers.isEmpty() && headers.get(headers.size() - 1).equals("#" + headers.size())) {
            headers.remove(headers.size() - 1); // trailing empty header cells
        }
        if (headers.isEmpty()) {
            throw new AppException("imports.error.noHeader");
        }
        return headers;
    }
}
