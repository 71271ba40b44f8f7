import { attributionsStage } from '../stages/attributions/attributions.stage.js';
import { datesStage } from '../stages/dates/dates.stage.js';
import { entitiesStage } from '../stages/entities/entities.stage.js';
import { eventsStage } from '../stages/events/events.stage.js';
import { tokensStage } from '../stages/tokens/tokens.stage.js';
import { StageRegistry } from './registry.js';

/** Every stage the engine ships, by name. */
export function defaultRegistry(): StageRegistry {
  return new StageRegistry()
    .register('tokens', tokensStage)
    .register('dates', datesStage)
    .register('entities', entitiesStage)
    .register('attributions', attributionsStage)
    .register('events', eventsStage);
}

/** The stages `analyze` runs, in order. */
export const DEFAULT_STAGES: readonly string[] = ['tokens', 'dates', 'entities', 'attributions', 'events'];
