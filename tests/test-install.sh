#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install` into a temporary DESTDIR gives a working app: every file a desktop, a
# software centre and a user need is there, and the INSTALLED binary checks the bundled demo
# widget from there.  It needs a display (run the tests under xvfb-run).
#
# usage: test-install.sh BUILD_DIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID PROFILE VERSION
#                        GETTEXT_PACKAGE SOURCE_ROOT      (the paths absolute, as meson knows them)
set -u
build_dir=$1 prefix=$2 bindir=$3 datadir=$4 localedir=$5 app_id=$6 profile=$7 version=$8
gettext_package=$9 source_root=${10}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest
failures=0 count=0

ok() { count=$((count + 1)); echo "ok $count - $1"; }
not_ok() {  # not_ok NAME [DETAILS]
  count=$((count + 1)); failures=$((failures + 1))
  echo "not ok $count - $1"
  [ $# -gt 1 ] && printf '%s\n' "$2" | sed 's/^/# /'
  return 0
}
has_file() {  # has_file NAME PATH: a regular, non-empty file in the DESTDIR
  if [ -s "$dest$2" ]; then ok "$1"; else not_ok "$1" "missing or empty: $2"; fi
}

# The languages of po/LINGUAS (one or more a line, # comments).
languages=$(sed 's/#.*//' "$source_root/po/LINGUAS" | tr -s ' \t' '\n\n' | sed '/^$/d')
echo "1..$((15 + $(wc -w <<<"$languages")))"

# --no-rebuild: meson test has built everything, and a ninja run here would race the others.
if output=$(meson install -C "$build_dir" --destdir "$dest" --no-rebuild 2>&1); then
  ok 'meson install --destdir'
else
  not_ok 'meson install --destdir' "$output"
  echo "Bail out! nothing was installed"
  exit 1
fi

app=$dest$bindir/cabinet-inspector
if [ -x "$app" ]; then ok 'binary'; else not_ok 'binary' "not executable: $bindir/cabinet-inspector"; fi
has_file 'desktop file' "$datadir/applications/$app_id.desktop"
has_file 'metainfo' "$datadir/metainfo/$app_id.metainfo.xml"
has_file 'gsettings schema' "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
# One app icon under the profile's id: the development profile installs the striped one.
has_file 'app icon' "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
has_file 'symbolic icon' "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
source_icon=$source_root/data/icons/hicolor/scalable/apps/io.github.cabinet.Inspector.svg
[ "$profile" = development ] && source_icon=$source_root/data/icons/hicolor/scalable/apps/io.github.cabinet.Inspector.Devel.svg
if cmp -s "$source_icon" "$dest$datadir/icons/hicolor/scalable/apps/$app_id.svg"; then
  ok "app icon is the $profile profile's ($(basename "$source_icon"))"
else
  not_ok "app icon is the $profile profile's" "expected a copy of $source_icon"
fi
demo=$dest$datadir/cabinet-inspector/demo-widget
has_file 'demo widget manifest' "$datadir/cabinet-inspector/demo-widget/manifest.json"
has_file 'demo widget script' "$datadir/cabinet-inspector/demo-widget/personal_page.js"
for language in $languages; do
  has_file "translation $language" "$localedir/$language/LC_MESSAGES/$gettext_package.mo"
done

# The installed desktop file names the installed binary and icon.
desktop=$dest$datadir/applications/$app_id.desktop
if grep -qx 'Exec=cabinet-inspector.*' "$desktop" 2>/dev/null && grep -qx "Icon=$app_id" "$desktop"; then
  ok 'desktop file runs cabinet-inspector with the icon of the app id'
else
  not_ok 'desktop file runs cabinet-inspector with the icon of the app id' "$(grep -E '^(Exec|Icon)=' "$desktop" 2>&1)"
fi

# The schema compiles where it is installed, and the app reads its settings from there.
schemas=$dest$datadir/glib-2.0/schemas
if output=$(glib-compile-schemas --strict "$schemas" 2>&1) && [ -s "$schemas/gschemas.compiled" ]; then
  ok 'schema compiles in the DESTDIR'
else
  not_ok 'schema compiles in the DESTDIR' "$output"
fi

# The installed binary, with nothing of the build tree: its schema from the DESTDIR.
run_app() {
  env GSETTINGS_SCHEMA_DIR="$schemas" GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1 \
    XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
    "$app" "$@" 2>&1
}
output=$(run_app --version); status=$?
if [ "$status" -eq 0 ] && grep -qxF "cabinet-inspector $version" <<<"$output"; then
  ok 'installed binary: --version'
else
  not_ok "installed binary: --version (status $status)" "$output"
fi
output=$(run_app --check "$demo"); status=$?
if [ "$status" -eq 0 ] && grep -q '^PASS' <<<"$output"; then
  ok 'installed binary: --check on the bundled demo widget passes'
else
  not_ok "installed binary: --check on the bundled demo widget (status $status)" "$output"
fi
# The installed metainfo and desktop file are still valid once installed.
if ! command -v appstreamcli >/dev/null; then
  ok '# SKIP appstreamcli is not installed'
elif output=$(appstreamcli validate --no-net "$dest$datadir/metainfo/$app_id.metainfo.xml" 2>&1); then
  ok 'installed metainfo validates'
else
  not_ok 'installed metainfo validates' "$output"
fi

[ "$failures" -eq 0 ]
