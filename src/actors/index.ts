import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as TypeBoxValue from '@sinclair/typebox/value';
import { readCompiledJson, writeCompiledJson } from '../core/compiled.js';
import { DossierError } from '../core/errors.js';
import type { Resources } from '../core/resources.js';
import { ActorBase, SNAPSHOT_FORMAT, type ActorBaseSnapshot } from './base.js';
import { countryTablesSource } from './countries.js';
import { FallbackLayer } from './fallback.js';
import { PlaceGazetteer } from './gazetteer.js';
import { isLearnedLookup, JsonFileLearnedActors, type LearnedActors, type LearnedLookup } from './learned.js';
import { actorSchemas, type ActorFile } from './schema.js';
import countries from './data/countries.json' with { type: 'json' };
import igos from './data/igos.json' with { type: 'json' };
import organisations from './data/organisations.json' with { type: 'json' };
import outlets from './data/outlets.json' with { type: 'json' };
import people from './data/people.json' with { type: 'json' };
import places from './data/places.json' with { type: 'json' };
import sectors from './data/sectors.json' with { type: 'json' };

export { ActorBase, ambiguousSense, type ActorBaseSnapshot, type ActorExplanation, type ResolvedActor, type ResolveOptions, type NameEntry } from './base.js';
export { compileFallback, FallbackLayer } from './fallback.js';
export { MemoryLearnedActors, JsonFileLearnedActors, isLearnedActors, isLearnedLookup, lessonsOf, teach, type LearnedActors, type LearnedLookup, type LearnedPerson, type Lesson, type EvidenceSource } from './learned.js';
export type { ActorFile, PersonEntry, SectorWord, Modifier } from './schema.js';
export { actorSchemas } from './schema.js';

/** The actor files the engine ships, in load order. */
export const SHIPPED_ACTOR_FILES: readonly ActorFile[] = [countries, places, igos, organisations, outlets, people, sectors] as unknown as ActorFile[];

/** The schema errors of an actor file, as readable lines ("/people/3/terms/0/from: ..."); empty when valid. */
export function actorFileErrors(data: unknown): string[] {
  // TypeBox's checker loads with the first file checked (see actorSchemas)
  const { Value } = createRequire(import.meta.url)('@sinclair/typebox/value') as typeof TypeBoxValue;
  return [...Value.Errors(actorSchemas().ActorFileSchema, data)].map((e) => `${e.path || '/'}: ${e.message}`);
}

/** Reads and validates a user's actor file. */
export function readActorFile(file: string): ActorFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DossierError('INPUT_FORMAT', `cannot read actor file: ${(e as Error).message}`, { where: file });
  }
  const errors = actorFileErrors(data);
  if (errors.length) throw new DossierError('INPUT_FORMAT', `invalid actor file: ${errors.slice(0, 3).join('; ')}`, { where: file });
  return data as ActorFile;
}

/**
 * The learned layer named by the options: an object that can be looked up in (and, to be taught
 * with `teach`, learn), or the path of a JSON file (saved after every lesson taught to it).
 */
export function learnedActorsOf(resources: Resources): LearnedLookup | LearnedActors | null {
  return resources.once('learned-actors', () => {
    const opt = resources.options.learnedActors;
    if (isLearnedLookup(opt)) return opt;
    if (typeof opt === 'string') return new JsonFileLearnedActors(opt, true);
    return null;
  });
}

/**
 * The dictionaries converted by scripts/convert-dictionaries.mjs (data/actors/dictionaries.json, a
 * fallback layer of some 30,000 entries): read when a base is first built, not when this module is
 * imported, so commands that resolve no actor never pay for it.
 */
export const DICTIONARY_FILE = fileURLToPath(new URL('../../data/actors/dictionaries.json', import.meta.url));

/** Towns and regions to their country (scripts/convert-gazetteer.mjs), read on the first name nothing else knows. */
export const GAZETTEER_FILE = fileURLToPath(new URL('../../data/actors/gazetteer.json', import.meta.url));

/** The same, compiled (src/actors/fallback.ts): what the engine reads. */
export const COMPILED_DICTIONARY_FILE = fileURLToPath(new URL('../../data/actors/dictionaries.compiled.txt', import.meta.url));

/** The converted dictionaries as an actor file (read once per call: callers keep the base they build). */
export function readDictionaryLayer(): ActorFile {
  return JSON.parse(readFileSync(DICTIONARY_FILE, 'utf8')) as ActorFile;
}

/**
 * The actor base of these resources, built once: the shipped hand-written files, the user's files,
 * then the dictionaries as the fallback layer (`dictionaries: false` in the options leaves them out).
 * The shipped base (no user's files) is read from its snapshot when `npm run build` wrote one.
 */
export function actorBaseOf(resources: Resources): ActorBase {
  return resources.once('actor-base', () => {
    const user = (resources.options.actorFiles ?? []).map(readActorFile);
    // compiled: its header is read at once, a name only when an article names it
    const fallback = resources.options.dictionaries === false ? null : FallbackLayer.read(COMPILED_DICTIONARY_FILE);
    const snapshot = fallback && !user.length ? readCompiledJson<ActorBaseSnapshot>(SNAPSHOT_FILE, shippedBaseSource(fallback)) : null;
    return new ActorBase(snapshot ?? [...SHIPPED_ACTOR_FILES, ...user], learnedActorsOf(resources), new PlaceGazetteer(GAZETTEER_FILE), fallback);
  });
}

/**
 * Where `npm run build` writes the snapshot of the shipped base with the dictionaries
 * (writeShippedSnapshot): beside this module in dist/. Building the base from the files derives
 * every index anew, some 150 ms of every start-up; reading the snapshot back costs a tenth of it.
 */
const SNAPSHOT_FILE = fileURLToPath(new URL('actor-base.snapshot.json', import.meta.url));

/**
 * What the shipped base is built from beyond the files compiled with it into dist/: the country
 * tables' packages and the dictionaries' header (all the base takes from the layer when built).
 */
function shippedBaseSource(fallback: FallbackLayer): string {
  return `actor base of the shipped files, snapshot form ${SNAPSHOT_FORMAT}; ${countryTablesSource()}; dictionaries' header ${fallback.headerDigest()}`;
}

/** Writes the snapshot of the shipped base, for `npm run build` (dist/actors/write-snapshot.js). */
export function writeShippedSnapshot(file = SNAPSHOT_FILE): void {
  const fallback = FallbackLayer.read(COMPILED_DICTIONARY_FILE);
  const source = shippedBaseSource(fallback);
  writeCompiledJson(file, source, new ActorBase(SHIPPED_ACTOR_FILES, null, null, fallback).snapshot());
}
