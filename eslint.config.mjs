import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One event path: a case's timeline, its audit trail and people's notices are written by
    // recordEvent and the notifiers only (see server/services/case-events.ts).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['server/services/case-events.ts', 'server/services/audit.ts', 'server/notify/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='insert'][arguments.0.name='timelineEvents']",
          message: 'Timeline rows are written only by recordEvent (server/services/case-events.ts).',
        },
        {
          selector: "CallExpression[callee.property.name='insert'][arguments.0.name='auditLog']",
          message: 'Audit rows are written only by writeAudit (server/services/audit.ts), or with the event by recordEvent.',
        },
        {
          selector: "CallExpression[callee.property.name='insert'][arguments.0.name='notifications']",
          message: 'Notices go out through the notifiers in server/notify/.',
        },
      ],
    },
  },
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', 'next-env.d.ts', 'db/migrations/**', 'tests/bench/results/**']),
]);
