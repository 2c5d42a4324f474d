package org.deskcrm.ui.deal;

import org.deskcrm.model.deal.Deal;
import org.deskcrm.model.deal.DealCard;
import org.deskcrm.model.deal.DealLine;
import org.deskcrm.ui.common.ConflictField;
import org.deskcrm.ui.common.ConflictResolution;
import org.deskcrm.ui.common.ConflictResolution.Side;
import org.deskcrm.ui.common.I18n;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A deal card's two versions for the conflict dialog: the fields the card edits (title, amount,
 * expected close, owner) and the product lines as a whole, mine = the form, theirs = saved meanwhile;
 * and the deal to save once the user has chosen. Pipeline, stage, score and closing data always come
 * from theirs (the card does not edit them), as does the version.
 */
final class DealConflict {
    private final I18n i18n;
    private final Function<Long, String> ownerName;

    DealConflict(I18n i18n, Function<Long, String> ownerName) {
        this.i18n = i18n;
        this.ownerName = ownerName;
    }

    List<ConflictField> fields(Deal mine, List<DealLine> mineLines, DealCard theirs) {
        Deal t = theirs.deal();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(i18n.locale());
        List<ConflictField> out = new ArrayList<>();
        out.add(field("title", mine.title(), t.title(), true));
        out.add(field("amount", Amounts.money(mine.amount(), i18n.locale()), Amounts.money(t.amount(), i18n.locale()), false));
        out.add(field("expectedClose", mine.expectedClose() == null ? "" : dates.format(mine.expectedClose()),
                t.expectedClose() == null ? "" : dates.format(t.expectedClose()), false));
        out.add(field("owner", ownerName.apply(mine.ownerId()), ownerName.apply(t.ownerId()), false));
        out.add(field("lines", lines(mineLines), lines(theirs.lines()), false));
        return out.stream().filter(ConflictField::differs).toList();
    }

    private ConflictField field(String key, String mine, String theirs, boolean editable) {
        return new ConflictField(key, i18n.get("deal.field." + key), mine == null ? "" : mine.strip(),
                theirs == null ? "" : theirs.strip(), editable);
    }

    private String lines(List<DealLine> lines) {
        return String.join("\n", lines.stream().map(l -> (l.productName() == null ? "#" + l.productId() : l.productName())
                + " × " + Amounts.plain(l.quantity(), i18n.locale()) + " = " + Amounts.money(l.amount(), i18n.locale()))
                .toList());
    }

    /** The deal to save over {@code theirs}: the chosen side per edited field, the rest and the version theirs. */
    static Deal merge(Deal m, Deal t, ConflictResolution r) {
        String typed = r.texts().get("title");
        String title = typed != null ? typed : pick(r, "title", m.title(), t.title());
        return new Deal(t.id(), title, t.clientId(), t.contactId(), pick(r, "owner", m.ownerId(), t.ownerId()),
                t.pipelineId(), t.stageId(), pick(r, "amount", m.amount(), t.amount()),
                pick(r, "expectedClose", m.expectedClose(), t.expectedClose()), t.sourceId(), t.score(), t.band(),
                t.lostReasonId(), t.lostNote(), t.createdAt(), t.stageChangedAt(), t.closedAt(), t.version());
    }

    /** The lines to save: mine (as loaded, the card does not edit them) or theirs. */
    static List<DealLine> lines(List<DealLine> mine, List<DealLine> theirs, ConflictResolution r) {
        return r.side("lines") == Side.THEIRS ? theirs : mine;
    }

    private static <T> T pick(ConflictResolution r, String key, T mine, T theirs) {
        return r.side(key) == Side.THEIRS ? theirs : mine;
    }
}
