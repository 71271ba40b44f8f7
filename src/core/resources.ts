/**
 * Heavy shared resources (the NLP model, lexicons, the actor base), each loaded at most once per
 * Resources object and only when a stage asks for it. One Resources object is shared by every
 * pipeline built from it, so a batch pays for loading once.
 */
export class Resources {
  private readonly cache = new Map<string, unknown>();
  readonly options: ResourceOptions;

  constructor(options: ResourceOptions = {}) {
    this.options = options;
  }

  /** The resource named `key`, built by `load` the first time it is asked for. */
  once<T>(key: string, load: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = load();
    this.cache.set(key, value);
    return value;
  }
}

export interface ResourceOptions {
  /** extra actor files of the user's (see src/actors) */
  readonly actorFiles?: readonly string[];
  /** false leaves the converted dictionaries (data/actors/dictionaries.json) out of the actor base */
  readonly dictionaries?: boolean;
  /** a corpus-learned actor layer to consult, when one is open */
  readonly learnedActors?: unknown;
}
