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
echo "1..24"
check help 0 'WIDGET is one of:' -- --help
check version 0 "cabinet-inspector $2" -- --version
check missing-path 2 'does not exist' -- /no/such/widget
check not-a-widget 2 'not an http(s) URL, a .js file or a widget folder' -- "$3/widgets/README.md"
check two-widgets 2 'one widget at a time' -- a.js b.js
# A state file that cannot be used is named with the line and column of the problem.
check state-malformed 2 'truncated.json:19:23: Parse error' -- --state "$3/state-files/truncated.json"
check state-missing 2 'No such file' -- --state /no/such/state.json

# --check: exit 0 when no widget has an error, 1 when one has, 2 for a mistake in the command.
widgets=$3/widgets
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check check-passes 0 "PASS $widgets/scenario-probe.js" -- --check "$widgets/scenario-probe.js"
# A local widget's file by its path (as given), not by the loopback URL it was served from.
check check-fails 1 "syntax-error $widgets/syntax-error.js:7: SyntaxError" -- --check "$widgets/scenario-probe.js" "$widgets/syntax-error.js"
check check-no-widget 2 'give the widgets to check' -- --check
check check-unknown-option 2 'Unknown option --bogus' -- --check --bogus "$widgets/scenario-probe.js"
check check-format 2 '--format is text, json or junit, not “xml”' -- --check --format xml "$widgets/scenario-probe.js"
check check-timeout 2 '--timeout is a number of milliseconds from 1 to 600000' -- --check --timeout 0 "$widgets/scenario-probe.js"
check check-timeout-text 2 '--timeout is a number of milliseconds' -- --check --timeout 2s "$widgets/scenario-probe.js"
check check-option-alone 2 '--scenario goes with --check' -- --scenario s.json "$widgets/scenario-probe.js"
check check-missing-widget 2 'does not exist' -- --check /no/such/widget.js
check check-scenario-missing 2 'No such file' -- --check --scenario /no/such/scenario.json "$widgets/scenario-probe.js"
printf '{"steps": [{"reload": true}, {"wait": -1}]}' >"$tmp/bad-step.json"
check check-scenario-step 2 'bad-step.json: steps[1]:' -- --check --scenario "$tmp/bad-step.json" "$widgets/scenario-probe.js"
printf '{"steps": [{"set": "leadFields", "patch": {"nope": {"value": 1}}}]}' >"$tmp/no-field.json"
check check-scenario-state 2 'no-field.json: steps[0]: lead 18342201 has no field “nope”' -- \
  --check --scenario "$tmp/no-field.json" "$widgets/scenario-probe.js"
printf '{"state": {}, "steps": []}' >"$tmp/with-state.json"
check check-two-states 2 'give it or --state, not both' -- \
  --check --scenario "$tmp/with-state.json" --state "$3/state-files/valid-minimal.json" "$widgets/scenario-probe.js"
output=$(env -u DISPLAY -u WAYLAND_DISPLAY "$app" --check "$widgets/scenario-probe.js" 2>&1); status=$?
if [ "$status" -eq 2 ] && grep -qF 'run it under xvfb-run' <<<"$output"; then echo "ok - check-no-display"
else echo "not ok - check-no-display (status $status)"; echo "$output" | sed 's/^/# /'; failures=$((failures + 1)); fi
check check-output-folder 2 'does not exist' -- --check --output /no/such/folder/report.xml "$widgets/scenario-probe.js"

# The reports as CI tools read them: JSON and JUnit XML, parsed back.
printf '{"steps": [{"expectSlotText": "clicks: 0"}, {"click": "button.count"}, {"snapshot": "clicked"}]}' >"$tmp/click.json"
"$app" --check --scenario "$tmp/click.json" --format json --output "$tmp/report.json" \
  "$widgets/scenario-probe.js" "$widgets/missing-register.js" >/dev/null 2>&1
status=$?
if [ "$status" -eq 1 ] && python3 - "$tmp/report.json" <<'PY'
import json, sys
widgets = json.load(open(sys.argv[1]))["widgets"]
assert [w["ok"] for w in widgets] == [True, False], widgets
assert "clicks: 1" in widgets[0]["snapshots"]["clicked"]["text"]
assert widgets[1]["problems"][0]["code"] == "missing-registerWidgetsBarSlot"
assert widgets[1]["problems"][0]["severity"] == "error"
PY
then echo "ok - check-json"; else echo "not ok - check-json (status $status)"; failures=$((failures + 1)); fi

"$app" --check --format junit --output "$tmp/report.xml" "$widgets/scenario-probe.js" "$widgets/syntax-error.js" >/dev/null 2>&1
status=$?
if [ "$status" -eq 1 ] && python3 - "$tmp/report.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot()
suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
cases = suite.findall("testcase")
assert len(cases) == 2 and suite.get("tests") == "2" and suite.get("failures") == "1", ET.tostring(suite)
assert cases[0].find("failure") is None
assert cases[1].find("failure").get("type") == "syntax-error"
PY
then echo "ok - check-junit"; else echo "not ok - check-junit (status $status)"; failures=$((failures + 1)); fi
exit $((failures > 0))
