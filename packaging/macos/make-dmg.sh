#!/bin/sh
# The macOS disk image: packaging/build.py's app (its Info.plist names the .bpp document type and the icon) as
# "Backprop Playground.app" beside a link to /Applications, in a compressed .dmg made with hdiutil.
#
#     sh packaging/macos/make-dmg.sh [DIST]        DIST: build.py's --dist (default packaging/dist)
#
# Signing and notarization, so that Gatekeeper opens the download without a warning, when these are set:
#   CODESIGN_IDENTITY  a "Developer ID Application: ..." identity in the keychain: the app is signed with the
#                      hardened runtime and entitlements.plist, then the .dmg. Without it the app is signed ad hoc:
#                      it runs where it was built, and elsewhere after Control-click > Open.
#   NOTARY_PROFILE     a notarytool keychain profile (xcrun notarytool store-credentials): the .dmg is submitted,
#                      waited for, and its ticket stapled.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dist=$(cd "${1:-$here/../dist}" && pwd)
built="$dist/backprop-playground.app"
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$built/Contents/Info.plist")
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
app="$staging/Backprop Playground.app"
ditto "$built" "$app"
ln -s /Applications "$staging/Applications"
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --timestamp --options runtime --entitlements "$here/entitlements.plist" \
        --sign "$CODESIGN_IDENTITY" "$app"
else
    codesign --force --deep --sign - "$app"
fi
dmg="$dist/backprop-playground-$version-macos-$(uname -m).dmg"
hdiutil create -volname "Backprop Playground" -srcfolder "$staging" -fs HFS+ -format ULFO -ov "$dmg"
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$dmg"
fi
if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
fi
echo "packed $dmg"
