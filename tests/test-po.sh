#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Translations stay complete: POTFILES.in names every file with a translatable string (and
# only files that exist), and every .po compiles with nothing fuzzy or untranslated.
set -u
top=$1
cd "$top" || exit 1
failures=0 n=0
report() { n=$((n + 1)); if [ "$1" = ok ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failures=$((failures + 1)); fi; }

missing=$(find src data -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' \) -print | sort |
  while read -r f; do
    grep -qE '_\(|N_\(|translatable="yes"|<summary|<description|^(Name|Comment|Keywords)=' "$f" &&
      ! grep -qxF "$f" po/POTFILES.in && echo "$f"
  done)
[ -z "$missing" ] && report ok "POTFILES.in lists every file with a translatable string" ||
  { report fail "POTFILES.in misses: $missing"; }

gone=$(grep -vE '^(#|$)' po/POTFILES.in | while read -r f; do [ -f "$f" ] || echo "$f"; done)
[ -z "$gone" ] && report ok "every file in POTFILES.in exists" || report fail "POTFILES.in names missing files: $gone"

for po in po/*.po; do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  if [ $? -eq 0 ] && ! grep -qE 'fuzzy|untranslated' <<<"$stats"; then
    report ok "$po: $stats"
  else
    report fail "$po: $stats"
  fi
done
echo "1..$n"
exit $((failures > 0))
