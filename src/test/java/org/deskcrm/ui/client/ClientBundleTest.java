package org.deskcrm.ui.client;

import org.deskcrm.model.call.CallDirection;
import org.deskcrm.model.call.CallStatus;
import org.deskcrm.model.client.ChannelKind;
import org.deskcrm.model.client.ClientKind;
import org.deskcrm.model.client.LifecycleStatus;
import org.deskcrm.model.client.TimelineKind;
import org.deskcrm.model.task.ActivityKind;
import org.deskcrm.model.task.TaskKind;
import org.deskcrm.model.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The client bundles: same keys in English and Russian, every key the code uses present, valid patterns. */
class ClientBundleTest {
    static final Path SOURCES = Path.of("src/main/java/org/deskcrm");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ClientBundleTest.class.getResourceAsStream("/org/deskcrm/i18n/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** String literals matching the pattern in the given source files (keys ending in '.' are prefixes). */
    static Set<String> literals(Pattern pattern, Path... files) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path f : files) {
            List<Path> all;
            try (Stream<Path> s = Files.isDirectory(f) ? Files.walk(f) : Stream.of(f)) {
                all = s.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path p : all) {
                Matcher m = pattern.matcher(Files.readString(p));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !m.group(1).endsWith(".css")) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }

    static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>(literals(Pattern.compile("\"(client\\.[A-Za-z0-9_.]+)\""),
                SOURCES.resolve("ui/client")));
        keys.addAll(literals(Pattern.compile("\"((?:validation|duplicate)\\.[A-Za-z0-9_.]+)\""),
                SOURCES.resolve("service/client")));
        keys.addAll(List.of("error.concurrentEdit", "error.validation", "error.notFound"));
        for (LifecycleStatus s : LifecycleStatus.values()) {
            keys.add("client.lifecycle." + s.code());
            keys.add("client.lifecycle." + s.code() + ".why");
        }
        for (ChannelKind k : ChannelKind.values()) {
            keys.add("client.channel." + k.code());
            keys.add("client.channel.prompt." + k.code());
        }
        for (ClientKind k : ClientKind.values()) {
            keys.add("client.kind." + k.code());
        }
        for (TimelineKind k : TimelineKind.values()) {
            keys.add("client.timeline.kind." + k.name().toLowerCase(Locale.ROOT));
            keys.add("client.timeline.badge." + k.name().toLowerCase(Locale.ROOT));
        }
        for (ChannelLinks.Action a : ChannelLinks.Action.values()) {
            keys.add("client.action." + a.name().toLowerCase(Locale.ROOT));
            keys.add("client.action." + a.name().toLowerCase(Locale.ROOT) + ".tip");
        }
        for (CallDirection d : CallDirection.values()) {
            keys.add("client.call.dir." + d.code());
        }
        for (CallStatus s : CallStatus.values()) {
            keys.add("client.call.status." + s.code());
        }
        for (TaskKind k : TaskKind.values()) {
            keys.add("client.task.kind." + k.code());
        }
        for (TaskStatus s : TaskStatus.values()) {
            keys.add("client.task.status." + s.code());
        }
        for (ActivityKind k : ActivityKind.values()) {
            keys.add("client.activity." + k.code());
        }
        for (String f : List.of("kind", "name", "legalName", "inn", "kpp", "address", "region", "industry",
                "website", "sourceId", "ownerId", "notes", "tags", "contacts", "channels", "archived")) {
            keys.add("client.field." + f); // every field the audit trail names
        }
        keys.addAll(List.of("client.audit.create", "client.audit.update", "client.audit.archive"));
        return keys;
    }

    @Test
    void englishAndRussianHaveTheSameKeys() throws IOException {
        assertThat(load("client_ru.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("client.properties").stringPropertyNames());
    }

    @Test
    void everyKeyTheCodeUsesExistsInBothLanguages() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).hasSizeGreaterThan(150);
        Properties common = load("common.properties");
        for (String bundle : List.of("client.properties", "client_ru.properties")) {
            Properties p = load(bundle);
            List<String> missing = new ArrayList<>();
            for (String key : used) {
                if (!p.containsKey(key) && !common.containsKey(key)) {
                    missing.add(key);
                }
            }
            assertThat(missing).as(bundle).isEmpty();
        }
    }

    @Test
    void everyTextIsAValidPatternAndRussianIsReallyRussian() throws IOException {
        Object[] args = {3, "x", "y", "z"};
        for (String bundle : List.of("client.properties", "client_ru.properties")) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String text = new MessageFormat(p.getProperty(key), Locale.ENGLISH).format(args);
                assertThat(text).as(bundle + " " + key).doesNotContain("{");
            }
        }
        assertThat(load("client_ru.properties").getProperty("client.list.title")).isEqualTo("Клиенты");
    }
}
