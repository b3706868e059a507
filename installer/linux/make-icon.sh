#!/usr/bin/env bash
# Draws installer/linux/ransomtrace.png (256x256): a white shield with a padlock on a dark-teal rounded tile.
# The PNG is committed, so packaging never needs ImageMagick; rerun this only to change the icon.
# Needs ImageMagick 6 (apt-get install imagemagick). /usr/bin/convert is named explicitly because some
# machines shadow `convert` with another tool earlier on the PATH.
set -euo pipefail
out="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/ransomtrace.png"
/usr/bin/convert -size 256x256 xc:none \
  -fill '#0f4c5c' -draw 'roundrectangle 8,8 247,247 40,40' \
  -fill '#f4f1ea' -draw 'path "M 128,30 L 206,58 L 206,124 C 206,172 172,206 128,226 C 84,206 50,172 50,124 L 50,58 Z"' \
  -fill '#0f4c5c' -draw 'ellipse 128,104 30,32 0,360' -draw 'rectangle 98,104 158,124' \
  -fill '#f4f1ea' -draw 'ellipse 128,104 18,20 0,360' -draw 'rectangle 110,104 146,124' \
  -fill '#0f4c5c' -draw 'roundrectangle 90,118 166,176 8,8' \
  -fill '#f4f1ea' -draw 'circle 128,140 128,148' -draw 'rectangle 125,144 131,162' \
  -strip "PNG32:$out"
echo "wrote $out"
