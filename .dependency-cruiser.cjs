// Måltal's architecture rules (ARCHITECTURE.md), checked by dependency-cruiser over the compiled modules (dist/,
// which mirrors src/) in src/architecture.test.ts.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules form no import cycles.',
      severity: 'error',
      from: { path: '^dist/' },
      to: { circular: true },
    },
    {
      name: 'stats-is-pure',
      comment: 'stats/ imports nothing of ours and nothing that does I/O.',
      severity: 'error',
      from: { path: '^dist/stats/' },
      to: { path: '^dist/(?!stats/)|^(node:)?(fs|net|http|https|child_process|worker_threads)$' },
    },
    {
      name: 'drivers-only-in-db',
      comment: 'Dialect code (the database drivers) lives only in db/.',
      severity: 'error',
      from: { path: '^dist/', pathNot: '^dist/db/' },
      to: { path: 'node_modules/(better-sqlite3|pg|pg-copy-streams)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: { path: '^dist/|node_modules/(better-sqlite3|pg|pg-copy-streams)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
