// The JavaScript each page ships on first load, gzipped, against its budget (issue 11: 300 KB for the agent
// workspace, 100 KB for the portal). Reads the built pages: every script and module preload they name.
// Prints the table; exits non-zero when a page is over its budget, so the build fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const out = 'target/classes/static';
const budgets = { 'index.html': 100, 'app/index.html': 300, 'portal/index.html': 100, 'admin/index.html': 300 };

let over = false;
for (const [page, budgetKb] of Object.entries(budgets)) {
  const html = readFileSync(join(out, page), 'utf8');
  const files = new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]));
  const bytes = [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(out, file))).length, 0);
  const kb = bytes / 1024;
  const verdict = kb <= budgetKb ? 'ok' : 'OVER BUDGET';
  over ||= kb > budgetKb;
  console.log(`${('/' + page.replace('index.html', '')).padEnd(10)} ${kb.toFixed(1).padStart(7)} KB gzipped JS (budget ${budgetKb} KB) ${verdict}`);
}
process.exitCode = over ? 1 : 0;
