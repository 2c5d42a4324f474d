package org.deskcrm.ui.client;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.deskcrm.model.client.Client;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;

/**
 * The client's lifecycle status as the card shows it: its name and why it applies, computed from the
 * purchase count and the last purchase date by the configured rules.
 */
final class CardLifecycle {
    private final ClientUiContext ctx;
    private final ReadOnlyStringWrapper name;
    private final ReadOnlyStringWrapper explanation;

    /** @param bean the bean of the two properties (the card) */
    CardLifecycle(ClientUiContext ctx, Object bean) {
        this.ctx = ctx;
        this.name = new ReadOnlyStringWrapper(bean, "lifecycleName", "");
        this.explanation = new ReadOnlyStringWrapper(bean, "lifecycleWhy", "");
    }

    /** Shows the status of a loaded client; null (a new card) has never bought. */
    void show(Client c) {
        show(c == null ? 0 : c.purchaseCount(), c == null ? null : c.lastPurchaseOn());
    }

    /** Reads the client's purchase facts again in the background and shows the recomputed status. */
    void refresh(long clientId, Consumer<Throwable> failed) {
        ctx.executor().submit(p -> ctx.clients().load(clientId).client(),
                c -> show(c.purchaseCount(), c.lastPurchaseOn()), failed);
    }

    private void show(int count, LocalDate last) {
        var rules = ctx.lookups().lifecycleRules();
        var status = rules.status(count, last, ctx.clock().instant().atZone(ctx.zone()).toLocalDate());
        name.set(ctx.i18n().get("client.lifecycle." + status.code()));
        String why = ctx.i18n().format("client.lifecycle." + status.code() + ".why", rules.freshDays(),
                rules.churnDays());
        String facts = count == 0 ? ctx.i18n().get("client.lifecycle.noPurchases")
                : ctx.i18n().format("client.lifecycle.facts", count, DateTimeFormatter
                .ofLocalizedDate(FormatStyle.MEDIUM).withLocale(ctx.i18n().locale()).format(last));
        explanation.set(why + " " + facts);
    }

    ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }
}
