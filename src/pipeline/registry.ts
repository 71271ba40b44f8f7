import { DossierError } from '../core/errors.js';
import type { StageFactory } from '../core/stage.js';

/**
 * Stages by name. A pipeline is a list of names, checked when it is built: every layer a stage
 * requires must be assigned by a stage before it, and no layer may be assigned twice.
 */
export class StageRegistry {
  private readonly factories = new Map<string, StageFactory>();

  register(name: string, factory: StageFactory): this {
    if (this.factories.has(name)) throw new DossierError('PIPELINE_CONFIG', `stage "${name}" is registered twice`);
    this.factories.set(name, factory);
    return this;
  }

  get(name: string): StageFactory {
    const f = this.factories.get(name);
    if (!f) {
      throw new DossierError('PIPELINE_CONFIG', `unknown stage "${name}" (known: ${[...this.factories.keys()].join(', ')})`);
    }
    return f;
  }

  names(): string[] {
    return [...this.factories.keys()];
  }
}
