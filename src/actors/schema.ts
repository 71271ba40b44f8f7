import { createRequire } from 'node:module';
import type { Static } from '@sinclair/typebox';
import type * as TypeBox from '@sinclair/typebox';
import { SECTORS } from '../core/vocabulary.js';

// the sectors are one of the engine's closed sets, defined in core
export { SECTORS };
export type { Sector } from '../core/vocabulary.js';

/**
 * The format of an actor file: the shipped files in ./data and any file a user adds through
 * ResourceOptions.actorFiles. Every entry has an id; the id is what a resolution's rule and actorId
 * name, so a result always says which piece of knowledge it came from. One schema (TypeBox) gives
 * both the TypeScript types and the JSON Schema written to data/actor-file.schema.json.
 *
 * The schemas are built on first use (actorSchemas), not when the module loads: TypeBox takes
 * 100-150 ms to import, and only a user's actor file is ever validated, so an analysis of the
 * shipped base never loads it.
 */
function schemasWith(Type: typeof TypeBox.Type) {
  const Id = Type.String({ pattern: '^[a-z][a-z0-9_-]*(\\.[A-Za-z0-9_-]+)+$', description: 'kind.name, unique in the base' });
  const Day = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' });
  const Code = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3, KOS, or IGO/UNO/EUR/NGO/MNC' });
  const Sector = Type.Union(SECTORS.map((s) => Type.Literal(s)));
  const Names = Type.Array(Type.String({ minLength: 1 }));

  /** Knowledge about a country that the installed country tables lack. */
  const CountryExtraSchema = Type.Object({
    id: Id,
    code: Code,
    /** more names: "Great Britain", "the Islamic Republic", "DPRK" */
    names: Type.Optional(Names),
    /** adjectives and singular demonyms: "Iranian", "British" */
    adjectives: Type.Optional(Names),
    /** plural demonyms: "Iranians", "the British" */
    plurals: Type.Optional(Names),
    /** words that stand for the government: capitals, seats of government ("the Kremlin") */
    metonyms: Type.Optional(Names),
    /** words that are ambiguous with something else and need context ("Georgia", "Jordan") */
    ambiguous: Type.Optional(Type.Boolean()),
    /** what an ambiguous name means when the context says it is not the country (Georgia the US state) */
    otherSense: Type.Optional(Type.Object({
      type: Type.Union([Type.Literal('GPE'), Type.Literal('PERSON')]),
      country: Type.Union([Code, Type.Null()]),
      sector: Type.Union([Sector, Type.Null()]),
    }, { additionalProperties: false })),
  }, { additionalProperties: false });

  const IgoSchema = Type.Object({
    id: Id,
    name: Type.String(),
    /** IGO, UNO, EUR */
    code: Code,
    aliases: Type.Optional(Names),
    /** written in capitals in text, matched case-sensitively */
    acronyms: Type.Optional(Names),
    /** the sector its officials get; null when the body itself is the actor */
    sector: Type.Optional(Type.Union([Sector, Type.Null()])),
  }, { additionalProperties: false });

  const OrganisationSchema = Type.Object({
    id: Id,
    name: Type.String(),
    type: Type.Union([Type.Literal('ORG'), Type.Literal('AGREEMENT')]),
    country: Type.Union([Code, Type.Null()]),
    sector: Type.Union([Sector, Type.Null()]),
    aliases: Type.Optional(Names),
    acronyms: Type.Optional(Names),
  }, { additionalProperties: false });

  /** Places inside countries (US states, provinces, major cities): GPE entities of their country. */
  const PlaceSchema = Type.Object({
    id: Id,
    name: Type.String(),
    country: Code,
    aliases: Type.Optional(Names),
    /** the postal or common abbreviation, matched as written ("N.C.") */
    acronyms: Type.Optional(Names),
    /** PRE for a partially recognised or breakaway state ("Transnistria"); other places have none */
    sector: Type.Optional(Sector),
  }, { additionalProperties: false });

  const OutletSchema = Type.Object({
    id: Id,
    name: Type.String(),
    country: Code,
    aliases: Type.Optional(Names),
    acronyms: Type.Optional(Names),
    /**
     * the name is also an ordinary English word ("Liberation", "Guardian", "Times"): right before
     * another capitalised word the base does not know, it begins a longer name ("Liberation Tigers")
     */
    ordinaryWord: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false });

  const TermSchema = Type.Object({
    role: Type.String(),
    country: Code,
    sector: Sector,
    from: Day,
    /** absent while the term goes on */
    to: Type.Optional(Day),
    /** the CAMEO actor code the term was converted from ("COLGOVMED"), for dictionary entries */
    code: Type.Optional(Type.String({ pattern: '^[A-Z]{3,15}$' })),
  }, { additionalProperties: false });

  const PersonSchema = Type.Object({
    id: Id,
    name: Type.String(),
    /** other spellings: "Javad Zarif", "Mohammad Javad Zarif" */
    aliases: Type.Optional(Names),
    terms: Type.Array(TermSchema, { minItems: 1 }),
    /** what the person is outside their terms; default: the last term's country, ELI */
    otherwise: Type.Optional(Type.Object({ country: Type.Union([Code, Type.Null()]), sector: Sector }, { additionalProperties: false })),
  }, { additionalProperties: false });

  /** A word for a kind of actor ("minister", "riot police", "protesters") and the sector it means. */
  const SectorWordSchema = Type.Object({
    id: Id,
    words: Names,
    sector: Sector,
    /** the role to give a person so described ("Foreign Minister") */
    role: Type.Optional(Type.String()),
    /** true for words that name one person (a title); false for groups */
    person: Type.Optional(Type.Boolean()),
    /** the words name an organisation ("foreign ministry", "government") */
    organisation: Type.Optional(Type.Boolean()),
    /** the words name others in relation to the country before them ("Iran's adversaries" are not Iran) */
    relational: Type.Optional(Type.Boolean()),
  }, { additionalProperties: false });

  /** A word that changes the sector of what it modifies ("former" -> ELI, "opposition" -> OPP). */
  const ModifierSchema = Type.Object({
    id: Id,
    words: Names,
    sector: Sector,
  }, { additionalProperties: false });

  const ActorFileSchema = Type.Object({
    $schema: Type.Optional(Type.String()),
    version: Type.String(),
    description: Type.Optional(Type.String()),
    /**
     * an older, broader layer that only adds (the converted dictionaries): whatever another file
     * says of a name, word or person wins, and its people are known by full name only, never by a
     * surname alone
     */
    fallback: Type.Optional(Type.Boolean()),
    countries: Type.Optional(Type.Array(CountryExtraSchema)),
    igos: Type.Optional(Type.Array(IgoSchema)),
    organisations: Type.Optional(Type.Array(OrganisationSchema)),
    outlets: Type.Optional(Type.Array(OutletSchema)),
    places: Type.Optional(Type.Array(PlaceSchema)),
    people: Type.Optional(Type.Array(PersonSchema)),
    sectorWords: Type.Optional(Type.Array(SectorWordSchema)),
    modifiers: Type.Optional(Type.Array(ModifierSchema)),
  }, { additionalProperties: false, $id: 'https://dossier.dev/schema/actor-file.json' });
  return { CountryExtraSchema, IgoSchema, OrganisationSchema, PlaceSchema, OutletSchema, TermSchema, PersonSchema, SectorWordSchema, ModifierSchema, ActorFileSchema };
}

/** The actor-file schemas by name (CountryExtraSchema ... ActorFileSchema). */
export type ActorSchemas = ReturnType<typeof schemasWith>;

let built: ActorSchemas | undefined;

/** The actor-file schemas, built once on first use (a constant: every call returns the same schemas). */
export function actorSchemas(): ActorSchemas {
  // TypeBox's CommonJS build, loaded synchronously: the schemas are asked for inside the actor base's
  // synchronous loader
  built ??= schemasWith((createRequire(import.meta.url)('@sinclair/typebox') as typeof TypeBox).Type);
  return built;
}

export type CountryExtra = Static<ActorSchemas['CountryExtraSchema']>;
export type IgoEntry = Static<ActorSchemas['IgoSchema']>;
export type OrganisationEntry = Static<ActorSchemas['OrganisationSchema']>;
export type PlaceEntry = Static<ActorSchemas['PlaceSchema']>;
export type OutletEntry = Static<ActorSchemas['OutletSchema']>;
export type PersonEntry = Static<ActorSchemas['PersonSchema']>;
export type Term = Static<ActorSchemas['TermSchema']>;
export type SectorWord = Static<ActorSchemas['SectorWordSchema']>;
export type Modifier = Static<ActorSchemas['ModifierSchema']>;
export type ActorFile = Static<ActorSchemas['ActorFileSchema']>;
