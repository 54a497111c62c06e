#!/usr/bin/env bash
# Regenerates the icon's PNG, ICO and ICNS files from the SVG sources beside this script.
# Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick; png2icns (icnsutils) for the macOS icon.
# mailwright.svg is the icon; the 16 and 24 px sizes come from their own SVGs, drawn on those pixel grids.
set -euo pipefail
cd "$(dirname "$0")"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "render.sh: $1 is missing; install $2." >&2; exit 1; }
}
need rsvg-convert librsvg2-bin
if command -v magick >/dev/null 2>&1; then imagemagick=(magick); else need convert imagemagick; imagemagick=(convert); fi

for size in 16 24 32 48 64 128 256 512; do
  source=mailwright.svg
  [[ -f mailwright-$size.svg ]] && source=mailwright-$size.svg
  rsvg-convert --width "$size" --height "$size" "$source" --output "mailwright-$size.png"
done

# Windows shows every size up to 256 from the one .ico.
"${imagemagick[@]}" mailwright-{16,24,32,48,64,128,256}.png mailwright.ico

if command -v png2icns >/dev/null 2>&1; then
  png2icns mailwright.icns mailwright-{16,32,48,128,256,512}.png >/dev/null
else
  echo "render.sh: png2icns is missing (Debian: icnsutils), so mailwright.icns was left as it was." >&2
fi
