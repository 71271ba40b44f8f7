#!/bin/sh
# Events on development data: the GSR sentences and the seed article (see the events brief).
# Files go to a temp dir of this run's own (two runs at once must not read each other's output).
set -e
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
# the engine to run (by default the built one, dist/)
DOSSIER=${DOSSIER:-node bin/dossier.js}
T=$(mktemp -d "${TMPDIR:-/tmp}/eval-events.XXXXXX")
trap 'rm -rf "$T"' EXIT
node -e "for (const l of require('fs').readFileSync('$SHARED/data/plover/gsr-dev.jsonl','utf8').split('\n').filter(Boolean)) { const r=JSON.parse(l); console.log(JSON.stringify({id:r.id,text:r.text,published:r.published})) }" > "$T/gsr-in.jsonl"
$DOSSIER analyze --input "$T/gsr-in.jsonl" --output "$T/gsr.jsonl" 2>/dev/null
echo "== GSR dev"; node $SHARED/eval/score.mjs events --gold $SHARED/data/plover/gsr-dev.jsonl --pred "$T/gsr.jsonl" | sed -n 3,4p
$DOSSIER analyze $SHARED/corpus/seed.txt --published 2018-08-01 > "$T/seed.json"
node -e "const r=require('$T/seed.json');r.article.id='seed';console.log(JSON.stringify(r))" > "$T/seed.jsonl"
echo "== seed"; node $SHARED/eval/score.mjs events --gold $SHARED/gold/seed.json --pred "$T/seed.jsonl" | grep -E "^(type|typeAndActors|modality)"
if [ -n "$KEEP_EVAL" ]; then cp "$T/gsr.jsonl" "$T/seed.jsonl" "$KEEP_EVAL/"; fi
