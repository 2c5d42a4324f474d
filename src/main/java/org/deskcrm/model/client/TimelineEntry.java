package org.deskcrm.model.client;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One event of a client's timeline, newest first in the card. What the fields hold depends on the kind:
 * <ul>
 *   <li>CALL: code "direction:status", title the number, detail the result note, amount the seconds;</li>
 *   <li>TASK: code "kind:status", title the task title, detail its result or description;</li>
 *   <li>NOTE: code the activity kind (note, meeting, proposal, email), title the subject, detail the body;</li>
 *   <li>DEAL: title the deal title, from/to the stage names (from null on creation), amount the deal amount;</li>
 *   <li>EDIT: code the audit action, title the field name, from/to the old and new values, detail the details.</li>
 * </ul>
 */
public record TimelineEntry(TimelineKind kind, Instant at, String userName, String code, String title,
                            String detail, String from, String to, BigDecimal amount) {
}
