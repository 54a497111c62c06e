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

# The launcher's JVM options are those of jlink/jvm.options: one --java-options per option line.
set --
while read -r option; do
  case $option in
    '' | '#'*) ;;
    *) set -- "$@" --java-options "$option" ;;
  esac
done < "$here/../jvm.options"

rm -rf "$dest"
mkdir -p "$dest"
"$jpackage" "@$here/jpackage.args" --type app-image --dest "$dest" --runtime-image "$image" \
    --module "$main" --app-version "$version" --icon "$icon" "$@"
echo "App-image: $dest/Mailwright"

if [ "$(uname -s)" = Linux ] && command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then
  "$jpackage" "@$here/jpackage.args" "@$here/linux.args" --type deb --app-image "$dest/Mailwright" \
      --dest "$dest" --app-version "$version" --icon "$icon"
  echo "Debian package: $(ls "$dest"/*.deb)"
fi
