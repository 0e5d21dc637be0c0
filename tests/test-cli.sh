#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line as a developer meets it: --help, --version, and clear refusals.
set -u
app=$1
failures=0
check() {  # check NAME EXPECTED_STATUS EXPECTED_TEXT -- ARGS…
  local name=$1 expected_status=$2 expected_text=$3
  shift 4
  local output status
  output=$("$app" "$@" 2>&1); status=$?
  if [ "$status" -ne "$expected_status" ] || ! grep -qF -- "$expected_text" <<<"$output"; then
    echo "not ok - $name (status $status)"; echo "$output" | sed 's/^/# /'; failures=$((failures + 1))
  else
    echo "ok - $name"
  fi
}
echo "1..7"
check help 0 'WIDGET is one of:' -- --help
check version 0 "cabinet-inspector $2" -- --version
check missing-path 2 'does not exist' -- /no/such/widget
check not-a-widget 2 'not an http(s) URL, a .js file or a widget folder' -- "$3/widgets/README.md"
check two-widgets 2 'one widget at a time' -- a.js b.js
# A scenario file that cannot be used is named with the line and column of the problem.
check state-malformed 2 'truncated.json:19:23: Parse error' -- --state "$3/state-files/truncated.json"
check state-missing 2 'No such file' -- --state /no/such/state.json
exit $((failures > 0))
