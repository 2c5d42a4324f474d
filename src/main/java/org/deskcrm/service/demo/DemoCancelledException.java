package org.deskcrm.service.demo;

import org.deskcrm.model.common.AppException;

/** The user cancelled demo-data generation; everything it had written was removed again. */
public class DemoCancelledException extends AppException {
    public DemoCancelledException() {
        super("demo.cancelled");
    }
}
