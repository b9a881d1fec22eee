#!/bin/sh
# Puts Backprop Playground in the desktop's application menu, with its icon, for this user.
# Run it from the unpacked folder; run it again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
applications="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$applications"
cat > "$applications/backprop-playground.desktop" <<ENTRY
[Desktop Entry]
Type=Application
Name=Backprop Playground
Comment=Build a neural network, train it live, and step through backpropagation layer by layer
Exec="$here/backprop-playground" %f
Icon=$here/backprop-playground.png
Terminal=false
Categories=Education;Science;
ENTRY
echo "Added Backprop Playground to the application menu ($applications/backprop-playground.desktop)."
