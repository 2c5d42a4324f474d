package org.deskcrm.ui.call;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.deskcrm.model.call.Call;
import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.common.FieldError;
import org.deskcrm.model.common.ValidationException;
import org.deskcrm.service.call.CallService;
import org.deskcrm.ui.common.I18n;
import org.deskcrm.ui.common.TaskExecutor;
import org.deskcrm.ui.task.TimeFormat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;

/** The form of a call typed by hand: what was said, to whom, when; saved off the FX thread. */
public final class CallEntryViewModel {
    private final CallService calls;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final TimeFormat time;
    private final ObjectProperty<CallDirection> direction = new SimpleObjectProperty<>(CallDirection.OUT);
    private final ObjectProperty<CallStatus> status = new SimpleObjectProperty<>(CallStatus.ANSWERED);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty clock = new SimpleStringProperty();
    private final StringProperty duration = new SimpleStringProperty("0:00");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** The client the call is logged for (from its card), or null: matched by the number. */
    private Long clientId;

    public CallEntryViewModel(CallService calls, TaskExecutor executor, I18n i18n, TimeFormat time, Instant now) {
        this.calls = calls;
        this.executor = executor;
        this.i18n = i18n;
        this.time = time;
        date.set(time.date(now));
        clock.set(LocalTime.ofInstant(now, time.zone()).withSecond(0).withNano(0).toString());
    }

    /** Prefills a callback to a number (from the missed-calls list). */
    public CallEntryViewModel callback(String number) {
        direction.set(CallDirection.OUT);
        phone.set(number);
        return this;
    }

    /** Prefills an outgoing call logged for a client (its card's "Log call"), to {@code number} if it has one. */
    public CallEntryViewModel forClient(long client, String number) {
        direction.set(CallDirection.OUT);
        phone.set(number == null ? "" : number);
        clientId = client;
        return this;
    }

    public ObjectProperty<CallDirection> directionProperty() {
        return direction;
    }

    public ObjectProperty<CallStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return clock;
    }

    public StringProperty durationProperty() {
        return duration;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The call as typed, or null with {@link #errorProperty()} set when the time or duration is unreadable. */
    Call draft(Long userId) {
        LocalTime at;
        try {
            at = LocalTime.parse(clock.get() == null ? "" : clock.get().strip());
        } catch (DateTimeParseException e) {
            error.set(i18n.get("call.entry.badTime"));
            return null;
        }
        String d = duration.get() == null ? "" : duration.get().strip();
        Integer seconds = parseSeconds(d);
        if (seconds == null || date.get() == null) {
            error.set(i18n.get(date.get() == null ? "call.entry.badTime" : "call.validation.duration"));
            return null;
        }
        return new Call(null, direction.get(), status.get(), time.instant(date.get(), at), seconds, phone.get(),
                null, clientId, null, userId, note.get(), null, null);
    }

    static Integer parseSeconds(String d) {
        if (d.isEmpty()) {
            return 0;
        }
        if (d.matches("\\d{1,6}")) {
            return Integer.parseInt(d);
        }
        if (d.matches("\\d{1,4}:\\d{1,2}")) {
            String[] p = d.split(":");
            return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
        }
        return null;
    }

    /** Saves the call; {@code onSaved} runs on success, errors show in {@link #errorProperty()}. */
    public void save(Long userId, Consumer<Call> onSaved) {
        Call c = draft(userId);
        if (c == null) {
            return;
        }
        error.set("");
        executor.submit(p -> calls.log(c, userId), onSaved, e -> error.set(describe(e)));
    }

    private String describe(Throwable e) {
        if (e instanceof ValidationException v) {
            List<String> lines = v.errors().stream().map(this::describe).toList();
            return String.join("\n", lines);
        }
        return i18n.message(e);
    }

    private String describe(FieldError f) {
        return i18n.get("call.field." + f.field()) + ": " + i18n.format(f.messageKey(), f.args().toArray());
    }
}
