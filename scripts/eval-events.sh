#!/bin/sh
# Events on development data: the GSR sentences and the seed article (see the events brief).
set -e
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
node -e "for (const l of require('fs').readFileSync('$SHARED/data/plover/gsr-dev.jsonl','utf8').split('\n').filter(Boolean)) { const r=JSON.parse(l); console.log(JSON.stringify({id:r.id,text:r.text,published:r.published})) }" > /tmp/gsr-in.jsonl
node bin/dossier.js analyze --input /tmp/gsr-in.jsonl --output /tmp/gsr.jsonl 2>/dev/null
echo "== GSR dev"; node $SHARED/eval/score.mjs events --gold $SHARED/data/plover/gsr-dev.jsonl --pred /tmp/gsr.jsonl | sed -n 3,4p
node bin/dossier.js analyze $SHARED/corpus/seed.txt --published 2018-08-01 > /tmp/seed.json
node -e "const r=require('/tmp/seed.json');r.article.id='seed';console.log(JSON.stringify(r))" > /tmp/seed.jsonl
echo "== seed"; node $SHARED/eval/score.mjs events --gold $SHARED/gold/seed.json --pred /tmp/seed.jsonl | grep -E "^(type|typeAndActors|modality)"
