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

# The template as the sources say now, so a new string missing from a .po is caught too.
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
grep -vE '^(#|$)' po/POTFILES.in > "$pot.files"
xgettext --files-from="$pot.files" --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=ngettext:1,2 -o "$pot" 2>/dev/null
rm -f "$pot.files"

for po in po/*.po; do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  if [ $? -eq 0 ] && ! grep -qE 'fuzzy|untranslated' <<<"$stats"; then
    report ok "$po: $stats"
  else
    report fail "$po: $stats"
  fi
  if missing=$(LC_ALL=C msgcmp "$po" "$pot" 2>&1); then
    report ok "$po has every message of the sources"
  else
    report fail "$po lacks messages of the sources: $(grep -c 'this message' <<<"$missing") — $(head -c 400 <<<"$missing")"
  fi
done

# A .po that LINGUAS does not name is never built or installed.
unlisted=$(for po in po/*.po; do lang=$(basename "$po" .po); grep -qxF "$lang" po/LINGUAS || echo "$lang"; done)
[ -z "$unlisted" ] && report ok "po/LINGUAS names every translation" || report fail "po/LINGUAS lacks: $unlisted"
echo "1..$n"
exit $((failures > 0))
