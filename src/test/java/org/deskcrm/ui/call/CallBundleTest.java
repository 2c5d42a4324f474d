package org.deskcrm.ui.call;

import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.call.MissedCallState;
import org.deskcrm.model.call.PhoneListKind;
import org.deskcrm.model.control.ControlIndicator;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.deskcrm.model.task.TaskView;
import org.deskcrm.service.call.CallField;
import org.deskcrm.service.call.CallImportFormat;
import org.deskcrm.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The call and task bundles: same keys in English and Russian, and every key the code uses exists. */
class CallBundleTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CallBundleTest.class.getResourceAsStream("/org/deskcrm/i18n/ui/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndRussianHaveTheSameKeys() throws IOException {
        for (String b : List.of("call", "task")) {
            assertThat(new TreeSet<>(load(b + "_ru.properties").stringPropertyNames()))
                    .as(b).isEqualTo(new TreeSet<>(load(b + ".properties").stringPropertyNames()));
        }
    }

    @Test
    void everyKeyTheCodeUsesExistsInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>(literalKeys());
        for (CallDirection d : CallDirection.values()) {
            keys.add("call.direction." + d.code());
        }
        for (CallStatus s : CallStatus.values()) {
            keys.add("call.status." + s.code());
        }
        for (PhoneListKind k : PhoneListKind.values()) {
            keys.add("call.list." + k.code());
        }
        for (CallField f : CallField.values()) {
            keys.add("call.import.field." + f.name().toLowerCase(Locale.ROOT));
        }
        for (CallImportFormat f : CallImportFormat.values()) {
            keys.add("call.import.format." + f.name().toLowerCase(Locale.ROOT));
        }
        for (MissedCallState s : MissedCallState.values()) {
            keys.add("call.missed.state." + s.name().toLowerCase(Locale.ROOT));
        }
        for (TaskKind k : TaskKind.values()) {
            keys.add("task.kind." + k.code());
        }
        for (TaskStatus s : TaskStatus.values()) {
            keys.add("task.status." + s.code());
        }
        for (TaskView v : TaskView.values()) {
            keys.add("task.view." + v.name().toLowerCase(Locale.ROOT));
        }
        for (ControlIndicator i : ControlIndicator.values()) {
            keys.add("control.indicator." + i.code());
        }
        for (String kind : List.of("phone", "email", "inn", "name")) {
            keys.add("control.reason.duplicate." + kind);
        }
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            I18n i18n = new I18n(locale);
            assertThat(keys).as(locale.toString()).allMatch(i18n::has, "exists");
        }
        assertThat(new I18n(Locale.forLanguageTag("ru")).get("call.tab.log")).isEqualTo("Звонки");
    }

    /** Keys written as string literals in the call, task and control code (not prefixes ending in '.'). */
    private static List<String> literalKeys() throws IOException {
        Pattern key = Pattern.compile("\"((?:call|task|control|notify)\\.[A-Za-z_.]+[A-Za-z_])\"");
        List<String> found = new ArrayList<>();
        for (String dir : List.of("service/call", "service/task", "service/control", "ui/call", "ui/task",
                "ui/control")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/deskcrm", dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = key.matcher(Files.readString(f));
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                }
            }
        }
        found.removeIf(k -> k.equals("control.forgotten_days") || k.equals("calls.callback_hours"));
        assertThat(found).hasSizeGreaterThan(100);
        return found;
    }
}
