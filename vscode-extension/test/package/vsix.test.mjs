// Run by `npm run package` after `vsce package`: the .vsix holds what VS Code needs and nothing else.
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { extensionRoot } from '../support/tokenizer.mjs';
import { readZip } from '../support/zip.mjs';

const vsixPath = path.join(extensionRoot, process.env.TWINLANG_VSIX ?? 'twinlang.vsix');

test('vsix_Exists', (t) => {
  assert.ok(existsSync(vsixPath), `${vsixPath} is missing; run npm run package`);
  t.diagnostic(`${path.basename(vsixPath)}: ${statSync(vsixPath).size} bytes`);
});

test('vsix_Contents_HoldBundleGrammarAndManifest', (t) => {
  const zip = readZip(vsixPath);
  t.diagnostic(`entries: ${[...zip.names].sort().join(', ')}`);
  for (const required of [
    'extension.vsixmanifest',
    '[Content_Types].xml',
    'extension/package.json',
    'extension/readme.md',
    'extension/dist/extension.js',
    'extension/syntaxes/twin.tmLanguage.json',
    'extension/language-configuration.json',
    'extension/snippets/twin.json',
  ]) {
    assert.ok(zip.names.some((name) => name.toLowerCase() === required.toLowerCase()), `${required} is not in the .vsix`);
  }
});

test('vsix_Contents_LeaveOutSourcesTestsAndModules', () => {
  const zip = readZip(vsixPath);
  const unwanted = zip.names.filter((name) => /^extension\/(src|test|scripts|node_modules|out)\//.test(name) || name.endsWith('.map'));
  assert.deepEqual(unwanted, []);
});

test('vsix_PackagedFiles_AreTheBuiltOnes', () => {
  const zip = readZip(vsixPath);
  const manifest = JSON.parse(zip.read('extension/package.json').toString('utf8'));
  assert.equal(manifest.name, 'twinlang');
  assert.equal(manifest.main, './dist/extension.js');
  const bundle = zip.read('extension/dist/extension.js').toString('utf8');
  assert.ok(bundle.includes('twinlang.runTwin') && bundle.includes('twinlang.restartServer'), 'bundle does not register the commands');
  const grammar = JSON.parse(zip.read('extension/syntaxes/twin.tmLanguage.json').toString('utf8'));
  assert.equal(grammar.scopeName, 'source.twin');
});
