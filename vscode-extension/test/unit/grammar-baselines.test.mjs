// Tokenizes every fixture under test/fixtures/ and compares with test/golden/<name>.tokens.txt.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assertMatchesBaseline } from '../support/baseline.mjs';
import { extensionRoot, formatTokens, tokenize } from '../support/tokenizer.mjs';

const fixtures = path.join(extensionRoot, 'test', 'fixtures');
const golden = path.join(extensionRoot, 'test', 'golden');
const names = readdirSync(fixtures)
  .filter((name) => name.endsWith('.twin'))
  .sort();

test('fixtures folder holds the sample files', () => {
  if (names.length === 0) {
    assert.fail(`no .twin fixtures in ${fixtures}`);
  }
});

for (const name of names) {
  test(`tokens of ${name} match the golden dump`, async () => {
    const source = readFileSync(path.join(fixtures, name), 'utf8');
    const dump = formatTokens(await tokenize(source));
    assertMatchesBaseline(dump, path.join(golden, name.replace(/\.twin$/, '.tokens.txt')));
  });
}
