#!/bin/sh
# Puts Backprop Playground in the desktop's application menu, with its icon, for this user, and makes .bpp files
# open it when double-clicked. Run it from the unpacked folder; run it again after moving the folder.
# (The .deb does the same for every user of the system.)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$data/applications" "$data/mime/packages"
# The folder's menu entry (in every language of the window), launching the program and showing the icon beside it.
# In sed's replacement `&`, `|` and `\` are special: a folder's name is taken as it is.
folder=$(printf '%s\n' "$here" | sed 's/[&|\\]/\\&/g')
sed -e "s|^Exec=.*|Exec=\"$folder/backprop-playground\" %f|" -e "s|^Icon=.*|Icon=$folder/backprop-playground.png|" \
    "$here/backprop-playground.desktop" > "$data/applications/backprop-playground.desktop"
cp "$here/backprop-playground.xml" "$data/mime/packages/backprop-playground.xml"
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications"
fi
echo "Added Backprop Playground to the application menu ($data/applications/backprop-playground.desktop);" \
    ".bpp files open it."
