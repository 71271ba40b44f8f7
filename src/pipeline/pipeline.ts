import type { Annotation } from '../core/annotation.js';
import { Document, type ArticleMeta, type DocumentWriter } from '../core/document.js';
import { DossierError } from '../core/errors.js';
import type { LayerName } from '../core/layers.js';
import type { StageRegistry } from './registry.js';
import { ProvenanceRecords } from './provenance.js';
import { Resources } from '../core/resources.js';
import type { Stage, StageOutput } from '../core/stage.js';

/**
 * A frozen list of stages whose requirements were checked when it was built. Running it never
 * throws for a problem in one document: a stage that fails records a diagnostic, its layers stay
 * unassigned, and the stages that require them are skipped with a diagnostic of their own.
 */
export class Pipeline {
  readonly stages: readonly Stage[];
  readonly resources: Resources;
  // one set of provenance records a stage, shared by every document the pipeline runs
  private readonly provenance: readonly ProvenanceRecords[];

  private constructor(stages: Stage[], resources: Resources) {
    this.stages = Object.freeze(stages);
    this.resources = resources;
    this.provenance = stages.map((s) => new ProvenanceRecords(s.name, s.version));
  }

  static build(registry: StageRegistry, names: readonly string[], resources = new Resources()): Pipeline {
    const stages = names.map((n) => registry.get(n)(resources));
    const assignedBy = new Map<string, string>();
    const allAssigned = new Map(stages.flatMap((s) => s.assigns.map((l) => [l, s.name] as const)));
    for (const stage of stages) {
      for (const used of stage.uses ?? []) {
        const by = allAssigned.get(used);
        if (by && !assignedBy.has(used)) {
          throw new DossierError('PIPELINE_CONFIG', `stage "${stage.name}" uses layer "${used}", which "${by}" assigns later; put "${by}" first`);
        }
      }
      for (const req of stage.requires) {
        if (!assignedBy.has(req)) {
          throw new DossierError('PIPELINE_CONFIG',
            `stage "${stage.name}" requires layer "${req}", which no earlier stage assigns`);
        }
      }
      for (const layer of stage.assigns) {
        const other = assignedBy.get(layer);
        if (other) throw new DossierError('PIPELINE_CONFIG', `layer "${layer}" is assigned by both "${other}" and "${stage.name}"`);
        assignedBy.set(layer, stage.name);
      }
    }
    return new Pipeline(stages, resources);
  }

  /**
   * Runs every stage on the text. With a budget, the stages left when the clock (performance.now())
   * passes its deadline are not run, and an error diagnostic with the budget's code says so: a
   * pathological article ends with a clear reason instead of holding its batch.
   */
  run(text: string, meta: ArticleMeta, budget?: { readonly deadline: number; readonly code: string }): Document {
    const { doc, writer } = Document.create(text, meta);
    for (let i = 0; i < this.stages.length; i++) {
      if (budget && i > 0 && performance.now() > budget.deadline) {
        writer.addDiagnostic({ severity: 'error', code: budget.code, stage: this.stages[i]!.name,
          message: `analysis stopped before stage "${this.stages[i]!.name}": the article's time budget ran out` });
        break;
      }
      runStage(this.stages[i]!, this.provenance[i]!, doc, writer);
    }
    return doc;
  }
}

function runStage(stage: Stage, records: ProvenanceRecords, doc: Document, writer: DocumentWriter): void {
  const missing = stage.requires.filter((l) => !doc.has(l));
  if (missing.length) {
    writer.addDiagnostic({ severity: 'warning', code: 'STAGE_SKIPPED', stage: stage.name,
      message: `skipped: required layer(s) ${missing.join(', ')} missing because an earlier stage failed` });
    return;
  }
  const pending = new Map<string, Annotation[]>(stage.assigns.map((l) => [l, []]));
  const reserved = new Map<number, string>();
  const target = (layer: string): Annotation[] => {
    const list = pending.get(layer);
    if (!list) throw new Error(`stage "${stage.name}" wrote layer "${layer}", which it does not declare in assigns`);
    return list;
  };
  const out: StageOutput = {
    add(layer, d) {
      const list = target(layer);
      const id = writer.allocateId();
      list.push({ id, layer, start: d.start, end: d.end, data: d.data, provenance: records.get(d.rule, d.confidence, d.evidence) });
      return id;
    },
    reserve(layer) {
      target(layer);
      const id = writer.allocateId();
      reserved.set(id, layer);
      return id;
    },
    fill(layer, id, d) {
      if (reserved.get(id) !== layer) throw new Error(`stage "${stage.name}" filled id ${id}, which it did not reserve in "${layer}"`);
      reserved.delete(id);
      target(layer).push({ id, layer, start: d.start, end: d.end, data: d.data, provenance: records.get(d.rule, d.confidence, d.evidence) });
    },
    diagnose(d) {
      writer.addDiagnostic({ ...d, stage: stage.name });
    },
  };
  try {
    stage.run(doc, out);
    if (reserved.size) throw new Error(`stage "${stage.name}" reserved ids it never filled: ${[...reserved.keys()].join(', ')}`);
  } catch (e) {
    writer.addDiagnostic({ severity: 'error', code: 'STAGE_FAILED', stage: stage.name,
      message: `stage failed: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  for (const [layer, list] of pending) writer.commitLayer(layer as LayerName, list);
}
