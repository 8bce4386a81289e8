// @ts-check
/**
 * ESLint rule dynostage/no-module-state: shared/ holds no module-level mutable state. Module scope
 * may not declare `let` or `var`, nor build an object from nothing (`new Map()`, `new WeakMap()`,
 * `new Carry()`, an empty `[]` or `{}` literal): that is how caches and running totals begin.
 * Constant lookup tables built from their contents (`new Set(['a', 'b'])`) are fine, and so is an
 * empty constant declared read-only (`const NONE: ReadonlyMap<K, V> = new Map()`).
 * Memory between calls belongs in an object the caller creates and owns (shared/plan/session.ts).
 */

/** A declared read-only type (`ReadonlyMap<…>`, `readonly T[]`): TypeScript refuses writes through it. */
const READONLY_TYPES = new Set(['ReadonlyMap', 'ReadonlySet', 'ReadonlyArray', 'Readonly']);

/** @param {any} id */
function declaredReadonly(id) {
  const t = id?.typeAnnotation?.typeAnnotation;
  if (!t) return false;
  if (t.type === 'TSTypeOperator' && t.operator === 'readonly') return true;
  return t.type === 'TSTypeReference' && t.typeName.type === 'Identifier' && READONLY_TYPES.has(t.typeName.name);
}

/** @param {import('estree').Expression | null | undefined} init */
function emptyCollection(init) {
  if (!init) return null;
  // `x as T` / `<T>x` / `x!`: look through TypeScript's wrappers.
  let e = /** @type {any} */ (init);
  while (e && (e.type === 'TSAsExpression' || e.type === 'TSTypeAssertion' || e.type === 'TSNonNullExpression' || e.type === 'TSSatisfiesExpression')) e = e.expression;
  // Any object built from nothing (`new Map()`, `new Carry()`): it is there to be filled later.
  if (e.type === 'NewExpression' && e.arguments.length === 0) {
    return `new ${e.callee.type === 'Identifier' ? e.callee.name : '…'}()`;
  }
  if (e.type === 'ArrayExpression' && e.elements.length === 0) return '[]';
  if (e.type === 'ObjectExpression' && e.properties.length === 0) return '{}';
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const noModuleState = {
  meta: {
    type: 'problem',
    docs: { description: 'shared/ holds no module-level mutable state (let, var, empty caches)' },
    schema: [],
    messages: {
      binding:
        'Module-level `{{kind}}` in shared/: module state is shared by every caller. Keep it in an object the caller owns (e.g. a PlannerSession).',
      cache:
        'Module-level `{{what}}` in shared/ starts a cache or a running total. Keep it in an object the caller owns (e.g. a PlannerSession).',
    },
  },
  create(context) {
    /** @param {any} decl */
    function check(decl) {
      if (!decl || decl.type !== 'VariableDeclaration') return;
      if (decl.kind !== 'const') {
        context.report({ node: decl, messageId: 'binding', data: { kind: decl.kind } });
        return;
      }
      for (const d of decl.declarations) {
        if (declaredReadonly(d.id)) continue;
        const what = emptyCollection(d.init);
        if (what) context.report({ node: d, messageId: 'cache', data: { what } });
      }
    }
    return {
      Program(program) {
        for (const stmt of program.body) {
          const s = /** @type {any} */ (stmt);
          check(s.type === 'ExportNamedDeclaration' ? s.declaration : s);
        }
      },
    };
  },
};

export const sharedStatePlugin = { rules: { 'no-module-state': noModuleState } };
