// The lint rule that keeps imports pointing one way between the folders of src/ (DEVELOPING.md,
// "Layout"). ESLint's no-restricted-imports matches the import's text, and our imports are relative
// ("../../pipeline/x.js" from one folder, "../pipeline/x.js" from another), so a pattern either
// misses or catches a same-named folder elsewhere; this rule resolves each import to the file it
// names and compares the two files' places in the order instead.
import path from 'node:path';

/**
 * The place of a file in src/: its top folder ("stages", "core"), "web/client" for the page's
 * code, or the file's own name for the few modules at the top (analyze.ts, index.ts, version.ts).
 * null outside src/.
 */
function unitOf(file, srcRoot) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts.length === 1) return parts[0].replace(/\.js$/, '.ts');
  if (parts[0] === 'web' && parts[1] === 'client') return 'web/client';
  return parts[0];
}

const describeOrder = (layers) => layers.map((l) => (l.length > 1 ? `{${l.join(', ')}}` : l[0])).join(' <- ');

/** @type {import('eslint').Rule.RuleModule} */
export const importDirection = {
  meta: {
    type: 'problem',
    docs: { description: 'imports between the folders of src/ point one way (DEVELOPING.md)' },
    schema: [{
      type: 'object',
      properties: {
        src: { type: 'string' },
        layers: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
        apart: { type: 'array', items: { type: 'string' } },
      },
      required: ['src', 'layers'],
      additionalProperties: false,
    }],
    messages: {
      against: '{{from}} may not import {{to}}: imports point one way, {{order}} (DEVELOPING.md)',
      sibling: '{{from}} may not import {{to}}: they stand side by side in {{order}} (DEVELOPING.md)',
      apart: '{{from}} may not import {{to}}: {{apart}} stands apart and imports only itself (DEVELOPING.md)',
      unplaced: 'src/{{unit}} has no place in the import direction; add it to the layers in eslint.config.js and to DEVELOPING.md',
    },
  },
  create(context) {
    const { src, layers, apart = [] } = context.options[0];
    const srcRoot = path.resolve(context.cwd, src);
    const level = new Map();
    layers.forEach((units, i) => units.forEach((u) => level.set(u, i)));
    const order = describeOrder(layers);
    const file = context.filename;
    const from = unitOf(file, srcRoot);
    if (from === null) return {};

    function check(node, specifier) {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = unitOf(path.resolve(path.dirname(file), specifier), srcRoot);
      if (to === null || to === from) return;
      const data = { from: `src/${from}`, to: `src/${to}`, order };
      if (apart.includes(from) || apart.includes(to)) {
        context.report({ node, messageId: 'apart', data: { ...data, apart: `src/${apart.includes(from) ? from : to}` } });
        return;
      }
      for (const unit of [from, to]) {
        if (!level.has(unit)) { context.report({ node, messageId: 'unplaced', data: { unit } }); return; }
      }
      const a = level.get(from), b = level.get(to);
      if (b === a) context.report({ node, messageId: 'sibling', data });
      else if (b > a) context.report({ node, messageId: 'against', data });
    }

    const fromSource = (node) => { if (node.source) check(node.source, node.source.value); };
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) { if (node.source.type === 'Literal') check(node.source, node.source.value); },
      TSImportType(node) {
        const arg = node.argument?.literal ?? node.argument;
        if (arg?.type === 'Literal') check(arg, arg.value);
      },
    };
  },
};

export default { rules: { 'import-direction': importDirection } };
