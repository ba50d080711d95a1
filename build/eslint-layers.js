// A lint rule for our own layering (the map itself lives in eslint.config.js). Path patterns in
// `no-restricted-imports` see only the text of an import, so '../main/ipc.ts' from
// electron/preload or '../../main/x.ts' from electron/core slipped through; this rule resolves
// every relative import against the importing file's folder, finds the layer of both ends and
// checks the pair against the map. Bare imports are checked against the layer's package list.
//
// Options: { root, governed, layers: [{ path, may, packages, why }] }
//   root      the project folder; paths below are relative to it, with '/'
//   governed  top folders under the map: a file there must belong to a layer, and a file there
//             may import only from layers (tests/, build/ and the like are free)
//   path      a folder or a file; a file belongs to the layer with the longest matching path
//   may       the layers (by path) it may import besides its own
//   packages  the npm packages it may import by name; 'node' stands for Node's built-in modules
//   why       one sentence said with every error of this layer
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** @typedef {{ path: string, may: string[], packages: string[], why: string }} Layer */
/** @typedef {{ root: string, governed: string[], layers: Layer[] }} Options */

const builtins = new Set(builtinModules);

/** The package a bare import names: 'react-dom/client' → 'react-dom', '@a/b/c' → '@a/b'. */
function packageName(/** @type {string} */ spec) {
  if (spec.startsWith('node:') || builtins.has(spec.split('/')[0] ?? '')) return 'node';
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/** The project-relative path of an absolute path, with '/', or null when it is outside. */
function projectPath(/** @type {string} */ root, /** @type {string} */ abs) {
  const rel = relative(root, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return rel.split(sep).join('/');
}

/** @param {Layer[]} layers @param {string} path */
function layerOf(layers, path) {
  /** @type {Layer | null} */
  let best = null;
  for (const l of layers) {
    const inside = path === l.path || path.startsWith(`${l.path}/`);
    if (inside && (best === null || l.path.length > best.path.length)) best = l;
  }
  return best;
}

/** @type {import('eslint').Rule.RuleModule} */
const imports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only the layers and packages the layer map allows.' },
    schema: [
      {
        type: 'object',
        required: ['root', 'governed', 'layers'],
        additionalProperties: false,
        properties: {
          root: { type: 'string' },
          governed: { type: 'array', items: { type: 'string' } },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'may', 'packages', 'why'],
              additionalProperties: false,
              properties: {
                path: { type: 'string' },
                may: { type: 'array', items: { type: 'string' } },
                packages: { type: 'array', items: { type: 'string' } },
                why: { type: 'string' },
              },
            },
          },
        },
      },
    ],
    messages: {
      noLayer: '{{file}} is in no layer: add its folder to the layer map in eslint.config.js.',
      layer: "{{from}} may not import {{to}} ('{{spec}}'). {{why}}",
      outside: "{{from}} may import only from the layers of eslint.config.js, not '{{spec}}'. {{why}}",
      targetNoLayer: "'{{spec}}' is in {{to}}, which is in no layer: add it to the layer map.",
      pkg: "{{from}} may not import the package '{{pkg}}' (it may use: {{allowed}}). {{why}}",
      computed: '{{from}}: a computed import path cannot be checked against the layers; write it out.',
    },
  },
  create(context) {
    const options = /** @type {Options} */ (context.options[0]);
    const file = projectPath(options.root, context.filename);
    /** @param {string | null} path */
    const governed = (path) =>
      path !== null && options.governed.some((g) => path === g || path.startsWith(`${g}/`));
    if (file === null || !governed(file)) return {};
    const from = layerOf(options.layers, file);
    if (from === null) {
      return { Program: (node) => context.report({ node, messageId: 'noLayer', data: { file } }) };
    }
    const fromPath = from.path;
    const unknown = from.may.filter((m) => !options.layers.some((l) => l.path === m));
    if (unknown.length > 0) {
      throw new Error(`eslint.config.js: ${fromPath} may import ${unknown.join(', ')}, which is no layer`);
    }
    const may = new Set([fromPath, ...from.may]);
    const packages = new Set(from.packages);
    const allowed = from.packages.length > 0 ? from.packages.join(', ') : 'none';
    const why = from.why;

    /** @param {import('estree').Node} node @param {string} spec */
    function check(node, spec) {
      const data = { from: fromPath, spec, why };
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = projectPath(options.root, resolve(dirname(context.filename), spec));
        const to = target === null ? null : layerOf(options.layers, target);
        if (target === null || !governed(target)) {
          context.report({ node, messageId: 'outside', data });
        } else if (to === null) {
          context.report({ node, messageId: 'targetNoLayer', data: { spec, to: target } });
        } else if (!may.has(to.path)) {
          context.report({ node, messageId: 'layer', data: { ...data, to: to.path } });
        }
        return;
      }
      const pkg = packageName(spec);
      if (!packages.has(pkg)) context.report({ node, messageId: 'pkg', data: { ...data, allowed, pkg } });
    }

    /** @typedef {{ value: { cooked?: string | null } }} Quasi */
    /** @typedef {{ type?: string, value?: unknown, quasis?: Quasi[], expressions?: unknown[] }} Source */
    /** @param {import('estree').Node} node @param {Source | null | undefined} s */
    function checkSource(node, s) {
      if (s?.type === 'Literal' && typeof s.value === 'string') check(node, s.value);
      else if (s?.type === 'TemplateLiteral' && s.expressions?.length === 0) {
        check(node, s.quasis?.[0]?.value.cooked ?? '');
      } else context.report({ node, messageId: 'computed', data: { from: fromPath } });
    }

    return {
      ImportDeclaration: (node) => checkSource(node, node.source),
      ExportAllDeclaration: (node) => checkSource(node, node.source),
      ExportNamedDeclaration: (node) => {
        if (node.source) checkSource(node, node.source);
      },
      ImportExpression: (node) => checkSource(node, node.source),
      CallExpression: (node) => {
        const { callee } = node;
        if (callee.type === 'Identifier' && callee.name === 'require') {
          checkSource(node, node.arguments[0]);
        }
      },
      // TypeScript-only forms: `import('x').T` in a type, and `import x = require('x')`.
      /** @param {import('estree').Node & { source?: Source, argument?: { literal?: Source } }} node */
      TSImportType: (node) => checkSource(node, node.source ?? node.argument?.literal),
      /** @param {import('estree').Node & { expression: Source }} node */
      TSExternalModuleReference: (node) => checkSource(node, node.expression),
    };
  },
};

export default { meta: { name: 'clauseway-layers' }, rules: { imports } };
