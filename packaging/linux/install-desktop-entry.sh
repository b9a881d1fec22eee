#!/bin/sh
# Puts Backprop Playground in the desktop's application menu, with its icon, for this user, and makes .bpp files
# open it when double-clicked. Run it from the unpacked folder; run it again after moving the folder.
# (The .deb does the same for every user of the system.)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$data/applications" "$data/mime/packages"
cat > "$data/applications/backprop-playground.desktop" <<ENTRY
[Desktop Entry]
Type=Application
Name=Backprop Playground
Comment=Build a neural network, train it live, and step through backpropagation layer by layer
Exec="$here/backprop-playground" %f
Icon=$here/backprop-playground.png
Terminal=false
Categories=Education;Science;ArtificialIntelligence;
MimeType=application/x-backprop-playground;
ENTRY
cp "$here/backprop-playground.xml" "$data/mime/packages/backprop-playground.xml"
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications"
fi
echo "Added Backprop Playground to the application menu ($data/applications/backprop-playground.desktop);" \
    ".bpp files open it."
