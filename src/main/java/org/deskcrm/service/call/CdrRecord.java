package org.deskcrm.service.call;

import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;

import java.time.Instant;

/**
 * One call-detail row as read from a file, before it is interpreted: the two ends, channels and
 * context (Asterisk), the start (read in the PBX's time zone), talk seconds, the disposition, and what a
 * mapped CSV may state directly (direction, status, external number, extension).
 */
record CdrRecord(int line, String uniqueId, String src, String dst, String context, String channel,
                 String dstChannel, Instant start, int billSec, String disposition,
                 CallDirection direction, CallStatus status, String number, String extension,
                 String recording, String note, String rowKey) {
}
