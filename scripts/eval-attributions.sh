#!/bin/sh
# Scores the attributions stage on PolNeAR dev and on the seed article (needs ../shared).
# Usage: sh scripts/eval-attributions.sh [dev|train]
set -e
cd "$(dirname "$0")/.."
# ../shared from the main tree; from a worktree under wt/, ../../shared
SHARED=${SHARED:-../shared}
[ -d "$SHARED" ] || SHARED=../../shared
SPLIT=${1:-dev}
TMP=${TMPDIR:-/tmp}/dossier-attributions
mkdir -p "$TMP/seed-gold"
npm run build --silent >/dev/null
node bin/dossier.js analyze --input "$SHARED/data/polnear/$SPLIT/text" --output "$TMP/$SPLIT.jsonl"
echo "== PolNeAR $SPLIT"
node "$SHARED/eval/score.mjs" attributions --gold "$SHARED/data/polnear/$SPLIT" --pred "$TMP/$SPLIT.jsonl"
node bin/dossier.js analyze "$SHARED/corpus/seed.txt" --published 2018-08-01 > "$TMP/seed.json"
cp "$SHARED/gold/seed.json" "$TMP/seed-gold/"
node -e "const r=require('$TMP/seed.json');r.article.id='seed';console.log(JSON.stringify(r))" > "$TMP/seed.jsonl"
echo "== seed"
node "$SHARED/eval/score.mjs" attributions --gold "$TMP/seed-gold" --texts "$SHARED/corpus" --pred "$TMP/seed.jsonl"
