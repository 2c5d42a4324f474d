#!/usr/bin/env bash
# Builds the DeskCRM installer for this platform with the JDK's jlink + jpackage (JDK 17+):
#   installer/build.sh            Linux: app image + .deb       (needs fakeroot and dpkg-deb)
#   installer/build.sh image      app image only (any OS)
#   installer/build.sh deb        Linux: the .deb only
# Windows (.msi, needs WiX 3) and macOS (.dmg): see docs/installer.md.
# Output: target/installer/ (DeskCRM/ app image, deskcrm_<version>_amd64.deb).
#
# The runtime is jlinked from the running JDK plus the JavaFX modules of the platform jars Maven
# downloaded (javafx-*-<os>.jar are modular jars with the native libraries inside), so users need
# neither a JDK nor JavaFX. The app's own jar and its other libraries stay on the class path.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
version=$(sed -n 's:^  <version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)
version=${version:-0.1.0}

case "$(uname -s)" in
  Linux) os=linux; icon=assets/icon.png ;;
  Darwin) os=mac; icon=assets/icon.icns ;;   # iconutil -c icns from a .iconset made of icon.png
  MINGW*|MSYS*|CYGWIN*) os=win; icon=assets/icon.ico ;;
  *) echo "unsupported OS: $(uname -s)" >&2; exit 2 ;;
esac

mvn -B -q ${MVN_OFFLINE:-} -DskipTests package   # MVN_OFFLINE=-o to build offline
rm -rf target/installer target/dist target/runtime target/jfx-mods
mkdir -p target/dist/lib target/installer target/jfx-mods
cp target/deskcrm.jar target/dist/
# JavaFX goes into the runtime as modules; every other library stays in lib/ on the class path
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-"$os"*.jar) cp "$jar" target/jfx-mods/ ;;
    javafx-*.jar) ;;  # the empty, platform-independent javafx-* jars: not needed
    *) cp "$jar" target/dist/lib/ ;;
  esac
done
ls target/jfx-mods/javafx-graphics-*.jar >/dev/null 2>&1 || { echo "no javafx-*-$os jars in target/lib" >&2; exit 1; }

# Class data sharing (ADR 0034): a training run starts the real window on a small demo company, signs in and
# waits for the home dashboard, headless (Monocle, a test dependency), and lists every class it loaded. The list
# ships in the package; the Linux package's postinst turns it into an archive with the installed runtime, which
# every start then maps instead of loading and verifying those classes (start to the sign-in window ≈ 2× faster).
# Without the archive the program runs as before; SKIP_CDS=1 leaves the list out. Only the Linux package makes
# the archive, so only a Linux build trains (docs/installer.md).
if [ -z "${SKIP_CDS:-}" ] && [ "$os" = linux ]; then
  mvn -B -q ${MVN_OFFLINE:-} test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/training.cp
  rm -rf target/class-list-training
  timeout 600 java -XX:DumpLoadedClassList=target/dist/deskcrm.classlist -Xmx1g -Dprobe.typingMs=2000 \
       -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
       -Djava.util.prefs.userRoot=target/class-list-training/prefs \
       -cp "target/deskcrm.jar:target/test-classes:$(cat target/training.cp)" \
       org.deskcrm.ClassListTraining target/class-list-training > target/class-list-training.log 2>&1 \
    || { echo "the class-list training run failed: target/class-list-training.log" >&2; exit 1; }
  grep -q "home_ms=" target/class-list-training.log \
    || { echo "the class-list training run did not reach the home dashboard: target/class-list-training.log" >&2; exit 1; }
  echo "class list: $(wc -l < target/dist/deskcrm.classlist) classes"
fi

# JDK modules the app and its libraries use (jdeps over a class-path app with multi-release jars is
# unreliable, so the list is explicit; `target/runtime/bin/java --list-modules` shows the result)
modules=java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.prefs,\
java.scripting,java.compiler,java.instrument,java.net.http,java.security.jgss,java.transaction.xa,\
jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.jfr,jdk.management,jdk.xml.dom,\
jdk.jsobject,jdk.net,javafx.base,javafx.graphics,javafx.controls,javafx.swing
jlink --module-path target/jfx-mods --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
      --compress=2 --output target/runtime

# ControlsFX (notifications) reaches into JavaFX internals; with JavaFX as named modules that must be allowed
jopts=(--java-options -Xmx1g --java-options -Dfile.encoding=UTF-8)
# the archive the postinst writes beside the jars; a start without it (or with one of another build) runs as before
jopts+=(--java-options "-XX:SharedArchiveFile=\$APPDIR/deskcrm.jsa" --java-options -Xshare:auto)
for o in javafx.base/com.sun.javafx.event javafx.controls/com.sun.javafx.scene.control \
         javafx.controls/com.sun.javafx.scene.control.behavior javafx.graphics/com.sun.javafx.scene \
         javafx.graphics/com.sun.javafx.scene.traversal javafx.graphics/com.sun.javafx.css; do
  jopts+=(--java-options "--add-exports=$o=ALL-UNNAMED")
done
for o in javafx.graphics/javafx.scene javafx.controls/javafx.scene.control javafx.controls/javafx.scene.control.skin; do
  jopts+=(--java-options "--add-opens=$o=ALL-UNNAMED")
done

common=(--name DeskCRM --app-version "$version" --vendor "DeskCRM"
        --description "Desktop CRM workspace: clients, deals, calls, tasks, reports"
        --input target/dist --main-jar deskcrm.jar --main-class org.deskcrm.Launcher
        --runtime-image target/runtime "${jopts[@]}"
        --icon "$icon" --dest target/installer)

case "$os" in
  linux)
    if [ "$what" != deb ]; then
      jpackage --type app-image "${common[@]}"
    fi
    if [ "$what" != image ]; then
      # --linux-shortcut writes the .desktop entry (menu group Office) with the icon; installer/linux
      # holds our postinst/prerm, which also work where xdg-desktop-menu has no menu to write to
      jpackage --type deb "${common[@]}" \
        --resource-dir installer/linux \
        --linux-package-name deskcrm --linux-deb-maintainer "deskcrm@example.org" \
        --linux-menu-group "Office" --linux-app-category office --linux-shortcut \
        --linux-package-deps "libgtk-3-0, libgl1"
    fi ;;
  mac)
    jpackage --type "${what/all/dmg}" "${common[@]}" --mac-package-identifier org.deskcrm ;;
  win)
    jpackage --type "${what/all/msi}" "${common[@]}" --win-menu --win-menu-group DeskCRM --win-shortcut \
      --win-dir-chooser --win-upgrade-uuid 5b0c6f4e-2f5e-4d7e-9a3a-6d1c0f9e2b71 ;;
esac
ls -la target/installer
