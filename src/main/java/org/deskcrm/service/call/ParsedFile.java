package org.deskcrm.service.call;

import java.util.ArrayList;
import java.util.List;

/** What a parser read: the usable rows and an issue per unusable line. */
final class ParsedFile {
    final List<CdrRecord> records = new ArrayList<>();
    final List<ImportIssue> issues = new ArrayList<>();
}
