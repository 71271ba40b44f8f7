import type { Document } from '../../src/core/document.js';
import type { EventData } from '../../src/core/layers.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { StageRegistry } from '../../src/pipeline/registry.js';
import { Resources } from '../../src/core/resources.js';
import type { StageFactory } from '../../src/core/stage.js';
import { datesStage } from '../../src/stages/dates/dates.stage.js';
import { eventsStage } from '../../src/stages/events/events.stage.js';
import { tokensStage } from '../../src/stages/tokens/tokens.stage.js';

const resources = new Resources();

/**
 * An attribution layer for tests: every passage in double quotes followed by "X said" is attributed
 * to X, named by the country word it contains. It lets the events stage be tested on speech acts
 * without depending on how the attributions stage (another module) finds quotes.
 */
const quotesForTests: StageFactory = () => ({
  name: 'test-quotes', version: '0', requires: ['sentence'], assigns: ['attribution'],
  run(doc, out) {
    for (const m of doc.text.matchAll(/“([^”]+)”,? ((?:the )?[\w ]+?) said/g)) {
      const start = m.index + 1, end = start + m[1]!.length;
      const sourceStart = m.index + m[0].indexOf(m[2]!);
      const country = /Iran/.test(m[2]!) ? 'IRN' : /Russia/.test(m[2]!) ? 'RUS' : null;
      out.add('attribution', {
        start, end, rule: 'test.quote', confidence: 1,
        data: {
          kind: 'direct', content: { start, end }, cue: null, source: { start: sourceStart, end: sourceStart + m[2]!.length },
          speaker: { name: m[2]!, country, sector: 'GOV' }, via: [], parent: null,
        },
      });
    }
  },
});

const registry = new StageRegistry()
  .register('tokens', tokensStage).register('dates', datesStage)
  .register('test-quotes', quotesForTests).register('events', eventsStage);
const plain = Pipeline.build(registry, ['tokens', 'dates', 'events'], resources);
const withQuotes = Pipeline.build(registry, ['tokens', 'dates', 'test-quotes', 'events'], resources);

export function analyse(text: string, options: { published?: string; quotes?: boolean } = {}): Document {
  const pipeline = options.quotes ? withQuotes : plain;
  return pipeline.run(text, { id: 't', published: options.published ?? '2024-03-15', outlet: null, url: null, title: null });
}

export function eventsOf(text: string, options: { published?: string; quotes?: boolean } = {}): EventData[] {
  return analyse(text, options).layer('event').map((e) => e.data);
}

/** "TYPE ACT>REC" in a compact form for assertions: "SANCTION USA>IRN", "CONSULT USA,PRK>". */
export function brief(e: EventData): string {
  const codes = (list: EventData['actor']) => list.map((a) => a.country ?? '?').join(',');
  return `${e.type} ${codes(e.actor)}>${codes(e.recipient)}`;
}
