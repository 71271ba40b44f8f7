import { Type, type Static } from '@sinclair/typebox';
import { SECTORS } from '../core/vocabulary.js';

// the sectors are one of the engine's closed sets, defined in core
export { SECTORS };
export type { Sector } from '../core/vocabulary.js';

/**
 * The format of an actor file: the shipped files in ./data and any file a user adds through
 * ResourceOptions.actorFiles. Every entry has an id; the id is what a resolution's rule and actorId
 * name, so a result always says which piece of knowledge it came from. One schema (TypeBox) gives
 * both the TypeScript types and the JSON Schema written to data/actor-file.schema.json.
 */
const Id = Type.String({ pattern: '^[a-z][a-z0-9_-]*(\\.[A-Za-z0-9_-]+)+$', description: 'kind.name, unique in the base' });
const Day = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' });
const Code = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3, KOS, or IGO/UNO/EUR/NGO/MNC' });
const Sector = Type.Union(SECTORS.map((s) => Type.Literal(s)));
const Names = Type.Array(Type.String({ minLength: 1 }));

/** Knowledge about a country that the installed country tables lack. */
export const CountryExtraSchema = Type.Object({
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

export const IgoSchema = Type.Object({
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

export const OrganisationSchema = Type.Object({
  id: Id,
  name: Type.String(),
  type: Type.Union([Type.Literal('ORG'), Type.Literal('AGREEMENT')]),
  country: Type.Union([Code, Type.Null()]),
  sector: Type.Union([Sector, Type.Null()]),
  aliases: Type.Optional(Names),
  acronyms: Type.Optional(Names),
}, { additionalProperties: false });

/** Places inside countries (US states, provinces, major cities): GPE entities of their country. */
export const PlaceSchema = Type.Object({
  id: Id,
  name: Type.String(),
  country: Code,
  aliases: Type.Optional(Names),
  /** the postal or common abbreviation, matched as written ("N.C.") */
  acronyms: Type.Optional(Names),
  /** PRE for a partially recognised or breakaway state ("Transnistria"); other places have none */
  sector: Type.Optional(Sector),
}, { additionalProperties: false });

export const OutletSchema = Type.Object({
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

export const TermSchema = Type.Object({
  role: Type.String(),
  country: Code,
  sector: Sector,
  from: Day,
  /** absent while the term goes on */
  to: Type.Optional(Day),
  /** the CAMEO actor code the term was converted from ("COLGOVMED"), for dictionary entries */
  code: Type.Optional(Type.String({ pattern: '^[A-Z]{3,15}$' })),
}, { additionalProperties: false });

export const PersonSchema = Type.Object({
  id: Id,
  name: Type.String(),
  /** other spellings: "Javad Zarif", "Mohammad Javad Zarif" */
  aliases: Type.Optional(Names),
  terms: Type.Array(TermSchema, { minItems: 1 }),
  /** what the person is outside their terms; default: the last term's country, ELI */
  otherwise: Type.Optional(Type.Object({ country: Type.Union([Code, Type.Null()]), sector: Sector }, { additionalProperties: false })),
}, { additionalProperties: false });

/** A word for a kind of actor ("minister", "riot police", "protesters") and the sector it means. */
export const SectorWordSchema = Type.Object({
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
export const ModifierSchema = Type.Object({
  id: Id,
  words: Names,
  sector: Sector,
}, { additionalProperties: false });

export const ActorFileSchema = Type.Object({
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

export type CountryExtra = Static<typeof CountryExtraSchema>;
export type IgoEntry = Static<typeof IgoSchema>;
export type OrganisationEntry = Static<typeof OrganisationSchema>;
export type PlaceEntry = Static<typeof PlaceSchema>;
export type OutletEntry = Static<typeof OutletSchema>;
export type PersonEntry = Static<typeof PersonSchema>;
export type Term = Static<typeof TermSchema>;
export type SectorWord = Static<typeof SectorWordSchema>;
export type Modifier = Static<typeof ModifierSchema>;
export type ActorFile = Static<typeof ActorFileSchema>;
