#!/bin/sh
# Makes an installable app-image of the finished runtime image with jpackage, and a .deb where
# dpkg-deb and fakeroot are installed. `mvn -DskipTests -Pinstaller package` runs it on Linux and
# macOS, after jlink/finish-image.sh.
# Usage: jlink/jpackage/jpackage.sh JPACKAGE IMAGE_DIR DEST_DIR VERSION MAIN_MODULE/MAIN_CLASS
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
icons=$here/../../assets/icon
jpackage=$1
image=$2
dest=$3
version=${4%%-*}  # jpackage takes numbers only: 0.2.0-SNAPSHOT is packaged as 0.2.0
main=$5

case $(uname -s) in
  Darwin) icon=$icons/mailwright.icns ;;
  *) icon=$icons/mailwright-256.png ;;
esac

# The launcher's JVM options are the window's, as the image has them (finish-image.sh may have
# added some for the JDK it was built with): one --java-options per option line.
set --
while read -r option; do
  case $option in
    '' | '#'*) ;;
    *) set -- "$@" --java-options "$option" ;;
  esac
done < "$image/conf/mailwright/jvm.options"
# As the image's launcher has it: SQLite's driver loads its library from the runtime's lib/sqlite/
# (jpackage's launcher sits in bin/, its runtime in lib/runtime/, $APPDIR is lib/app/).
if [ -d "$image/lib/sqlite" ]; then
  set -- "$@" --java-options '-Dorg.sqlite.lib.path=$APPDIR/../runtime/lib/sqlite'
fi

rm -rf "$dest"
mkdir -p "$dest"
"$jpackage" "@$here/jpackage.args" --type app-image --dest "$dest" --runtime-image "$image" \
    --module "$main" --app-version "$version" --icon "$icon" "$@"
echo "App-image: $dest/Mailwright"

[ "$(uname -s)" = Linux ] || exit 0

if command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then
  # No --icon here (the app-image has it): given an icon, jpackage writes its own desktop entry
  # and registers it with xdg-desktop-menu, which fails where no desktop is installed (no
  # /etc/xdg/menus), and then the package can neither be configured nor removed.
  "$jpackage" "@$here/jpackage.args" "@$here/linux.args" --type deb --app-image "$dest/Mailwright" \
      --dest "$dest" --app-version "$version"
  deb=$(ls "$dest"/*.deb)
  # jpackage installs everything under /opt/mailwright. Added here, as files dpkg owns (the
  # package is unpacked and packed again): /usr/bin/mailwright, a link to the image's own
  # launcher (the command line's options, or with no arguments the window's); the desktop entry
  # and its icon in every size; the licences where Debian keeps them.
  root=$dest/deb-root
  rm -rf "$root"
  dpkg-deb -R "$deb" "$root"
  mkdir -p "$root/usr/bin" "$root/usr/share/doc/mailwright" "$root/usr/share/applications" \
      "$root/usr/share/icons/hicolor/scalable/apps"
  ln -s /opt/mailwright/lib/runtime/bin/mailwright "$root/usr/bin/mailwright"
  install -m 644 "$here/mailwright.desktop" "$root/usr/share/applications/mailwright.desktop"
  for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$root/usr/share/icons/hicolor/${size}x$size/apps"
    install -m 644 "$icons/mailwright-$size.png" "$root/usr/share/icons/hicolor/${size}x$size/apps/mailwright.png"
  done
  install -m 644 "$icons/mailwright.svg" "$root/usr/share/icons/hicolor/scalable/apps/mailwright.svg"
  install -m 644 "$here/copyright" "$root/usr/share/doc/mailwright/copyright"
  install -m 644 "$here/copyright" "$root/opt/mailwright/share/doc/copyright"
  size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"
  dpkg-deb --root-owner-group --build "$root" "$deb" > /dev/null
  rm -rf "$root"
  echo "Debian package: $deb"
else
  echo "No .deb: it needs dpkg-deb and fakeroot (apt-get install -y dpkg-dev fakeroot)."
fi

if command -v rpmbuild > /dev/null; then
  # The spec is jpackage's own with the files the .deb adds; it names them by absolute path.
  resources=$dest/rpm-resources
  mkdir -p "$resources"
  sed -e "s|MAILWRIGHT_PACKAGING|$here|g" -e "s|MAILWRIGHT_ICONS|$icons|g" "$here/mailwright.spec" > "$resources/mailwright.spec"
  "$jpackage" "@$here/jpackage.args" "@$here/rpm.args" --type rpm --app-image "$dest/Mailwright" \
      --dest "$dest" --app-version "$version" --resource-dir "$resources"
  rm -rf "$resources"
  echo "RPM package: $(ls "$dest"/*.rpm)"
else
  echo "No .rpm: rpmbuild is not installed."
fi
