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

rm -rf "$dest"
mkdir -p "$dest"
"$jpackage" "@$here/jpackage.args" --type app-image --dest "$dest" --runtime-image "$image" \
    --module "$main" --app-version "$version" --icon "$icon" "$@"
echo "App-image: $dest/Mailwright"

[ "$(uname -s)" = Linux ] || exit 0

if command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then
  "$jpackage" "@$here/jpackage.args" "@$here/linux.args" --type deb --app-image "$dest/Mailwright" \
      --dest "$dest" --app-version "$version" --icon "$icon"
  deb=$(ls "$dest"/*.deb)
  # jpackage installs everything under /opt/mailwright. Added here: /usr/bin/mailwright, a link
  # to the image's own launcher (the command line's options, or the window's), and the licences
  # where Debian keeps them. Unpacked and packed again so that dpkg owns both files.
  root=$dest/deb-root
  rm -rf "$root"
  dpkg-deb -R "$deb" "$root"
  mkdir -p "$root/usr/bin" "$root/usr/share/doc/mailwright"
  ln -s /opt/mailwright/lib/runtime/bin/mailwright "$root/usr/bin/mailwright"
  cp "$here/copyright" "$root/usr/share/doc/mailwright/copyright"
  cp "$here/copyright" "$root/opt/mailwright/share/doc/copyright"
  size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
  sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$root/DEBIAN/control"
  dpkg-deb --root-owner-group --build "$root" "$deb" > /dev/null
  rm -rf "$root"
  echo "Debian package: $deb"
else
  echo "No .deb: it needs dpkg-deb and fakeroot (apt-get install -y dpkg-dev fakeroot)."
fi

if command -v rpmbuild > /dev/null; then
  "$jpackage" "@$here/jpackage.args" "@$here/rpm.args" --type rpm --app-image "$dest/Mailwright" \
      --dest "$dest" --app-version "$version" --icon "$icon"
  echo "RPM package: $(ls "$dest"/*.rpm) (mailwright is not linked into /usr/bin: run /opt/mailwright/lib/runtime/bin/mailwright)"
else
  echo "No .rpm: rpmbuild is not installed."
fi
