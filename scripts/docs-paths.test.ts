// Docs stay true about where things are: every file path a doc names in backticks or links to must
// exist. A path under one of the project's folders must exist as written; a bare file name
// (`policy.ts`) must be the name of some file in the project. Files the app writes at run time
// (`settings.json`, …) are not project files and are left out by their extension's folder rule.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = [
  'shared',
  'electron',
  'renderer',
  'sandbox',
  'scripts',
  'test',
  'bench',
  'resources',
  'docs',
  '.ci',
];
// Not .yml/.json: those bare names are mostly files the app or a release writes (latest.yml).
const SOURCE = /\.(ts|tsx|css|html|svg|nsh|md)$/u;
const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  'out',
  'dist',
  'test-results',
  'playwright-report',
  'reports',
]);

function projectFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP_DIRS.has(entry.name) || entry.name.startsWith('.stryker')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? projectFiles(path) : [relative(root, path)];
  });
}

const files = projectFiles(root);
const names = new Set(files.map((file) => basename(file)));
const docs = ['README.md', ...files.filter((file) => file.startsWith('docs/') && file.endsWith('.md'))];

/** Paths a doc names: `inline code` that looks like a file, and relative Markdown links. */
function namedPaths(text: string): string[] {
  const code = [...text.matchAll(/`([A-Za-z0-9_./-]+)`/gu)].map((m) => m[1] as string);
  const links = [...text.matchAll(/\]\((?!https?:|mailto:|#)([^)#\s]+)/gu)].map((m) => m[1] as string);
  return [...code, ...links];
}

describe('docs name only files that exist', () => {
  for (const doc of docs) {
    it(doc, () => {
      const text = readFileSync(join(root, doc), 'utf8');
      const missing: string[] = [];
      for (const raw of namedPaths(text)) {
        const path = raw
          .replace(/^\.\//u, '')
          .replace(/^\.\.\//u, '')
          .replace(/\/$/u, '');
        const top = path.split('/')[0] as string;
        if (FOLDERS.includes(top)) {
          const fromDoc = join(root, doc.includes('/') ? 'docs' : '', raw);
          if (!existsSync(join(root, path)) && !existsSync(fromDoc)) missing.push(raw);
        } else if (!path.includes('/') && /^[^.]/u.test(path) && SOURCE.test(path) && !names.has(path)) {
          missing.push(raw);
        } else if (path.endsWith('.md') && !existsSync(join(root, doc.includes('/') ? 'docs' : '', path))) {
          missing.push(raw);
        }
      }
      expect(missing, `${doc} names files that do not exist`).toEqual([]);
    });
  }
});
