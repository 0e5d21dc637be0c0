#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `gtk4-builder-tool validate` on every .ui file: each object type, property and child as GTK
# reads them. Usage: test-builder-tool.sh GTK4_BUILDER_TOOL TYPES_MODULE FILE.ui…
#
# TYPES_MODULE (builder-tool-types.c) is preloaded so that the tool knows libadwaita's and
# GtkSourceView's types. The tool cannot know our template classes' callbacks (GTK 4.8 looks
# them up by symbol and finds none), so <signal> elements are left out of the copy it reads:
# the ui-files test builds every template for real, which connects each handler.
set -u
tool=$1 types=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failures=0
echo "1..$#"
for ui in "$@"; do
  n=$((n + 1))
  copy="$tmp/$(basename "$ui")"
  sed -E 's#<signal\b[^>]*/>##g' "$ui" >"$copy"
  if env LD_PRELOAD="$types" "$tool" validate "$copy" >"$tmp/output" 2>&1; then
    echo "ok $n - $ui"
  else
    echo "not ok $n - $ui"
    grep -v 'session bus' "$tmp/output" | sed 's/^/# /'
    failures=$((failures + 1))
  fi
done
exit $((failures > 0))
