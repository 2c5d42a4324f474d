#!/usr/bin/env bash
# Builds the DeskCRM installer for this platform with the JDK's jpackage:
#   installer/build.sh            app image + .deb on Linux (needs fakeroot, dpkg-deb)
#   installer/build.sh image      app image only (any OS)
# Output: target/installer/. The runtime is jlinked from the running JDK (no JDK needed by users);
# JavaFX comes as the platform jars from Maven in the app's lib/ folder.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*-SNAPSHOT</version>.*:\1:p' pom.xml | head -1)
version=${version:-0.1.0}

mvn -B -q -DskipTests package
rm -rf target/installer target/dist target/runtime
mkdir -p target/dist target/installer
cp target/deskcrm.jar target/dist/
cp -r target/lib target/dist/lib

# Modules the app and its libraries use (jdeps over a classpath app is unreliable with multi-release
# jars, so the list is explicit; `java --list-modules` on the runtime shows it).
modules=java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.prefs,\
java.scripting,java.compiler,java.instrument,java.net.http,java.security.jgss,java.transaction.xa,\
jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.jfr,jdk.management,jdk.xml.dom,\
jdk.jsobject,jdk.net
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
      --output target/runtime

common=(--name DeskCRM --app-version "$version" --vendor "DeskCRM"
        --description "Desktop CRM workspace: clients, deals, calls, tasks, reports"
        --input target/dist --main-jar deskcrm.jar --main-class org.deskcrm.Launcher
        --runtime-image target/runtime --java-options "-Xmx1g" --dest target/installer)

case "$(uname -s)" in
  Linux)
    jpackage --type app-image --icon assets/icon.png "${common[@]}"
    if [ "$what" != image ]; then
      jpackage --type deb --icon assets/icon.png "${common[@]}" \
        --linux-shortcut --linux-menu-group Office --linux-app-category office \
        --linux-package-name deskcrm --linux-package-deps libgtk-3-0
    fi ;;
  Darwin)
    # needs assets/icon.icns (iconutil from icon.png); signing/notarizing is a separate step
    jpackage --type "${what/all/dmg}" --icon assets/icon.icns "${common[@]}" ;;
  MINGW*|MSYS*|CYGWIN*)
    # needs WiX 3 on PATH for .msi and assets/icon.ico
    jpackage --type "${what/all/msi}" --icon assets/icon.ico --win-menu --win-shortcut \
      --win-dir-chooser "${common[@]}" ;;
esac
ls -la target/installer
