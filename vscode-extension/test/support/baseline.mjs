// Golden-file comparison: TWINLANG_UPDATE_BASELINES=1 writes the actual output instead of failing.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const updating = process.env.TWINLANG_UPDATE_BASELINES === '1';

export function assertMatchesBaseline(actual, baselinePath) {
  const normalized = actual.replace(/\r\n?/g, '\n').replace(/\n*$/, '\n');
  if (updating) {
    mkdirSync(path.dirname(baselinePath), { recursive: true });
    writeFileSync(baselinePath, normalized);
    return;
  }
  const accept = 'TWINLANG_UPDATE_BASELINES=1 npm test (in vscode-extension/)';
  assert.ok(existsSync(baselinePath), `missing baseline ${baselinePath}; accept with: ${accept}`);
  const expected = readFileSync(baselinePath, 'utf8').replace(/\r\n?/g, '\n');
  if (expected === normalized) {
    return;
  }
  const expectedLines = expected.split('\n');
  const actualLines = normalized.split('\n');
  let first = 0;
  while (first < expectedLines.length && expectedLines[first] === actualLines[first]) {
    first++;
  }
  const context = (lines) => lines.slice(Math.max(0, first - 2), first + 3).map((l) => `    ${l}`).join('\n');
  assert.fail(
    `${baselinePath} differs at line ${first + 1}\n  expected:\n${context(expectedLines)}\n  actual:\n${context(actualLines)}\n` +
      `accept the change with: ${accept}`,
  );
}
