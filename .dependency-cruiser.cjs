// The layers of src/, lowest first (docs/architecture.md "Layers"). A module may import its own layer and the layers
// below it, never one above, and nothing may form a cycle. `npm run lint` (and so CI) enforces it.
const LAYERS = ['security', 'net', 'azure', 'github', 'causes', 'diagnosis', 'config', 'pipeline', 'report', 'cli']

const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `no-upward-from-${layer}`,
  comment: `src/${layer} may import only ${LAYERS.slice(0, index + 1).join(', ')} (and packages)`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(${LAYERS.slice(index + 1).join('|')})/|^src/[^/]+\\.ts$` }
}))

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    ...upward,
    {
      name: 'stages-do-not-import-each-other-upward',
      comment: 'pipeline core (types, runner, diagnose, sessions) never imports a stage; pipeline.ts registers them',
      severity: 'error',
      from: { path: '^src/pipeline/[^/]+\\.ts$', pathNot: '^src/pipeline/pipeline\\.ts$' },
      to: { path: '^src/pipeline/stages/' }
    },
    { name: 'no-test-code-in-src', severity: 'error', from: { path: '^src/' }, to: { path: '^(test|scripts)/' } }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' }
  }
}
