// package.json contributions point at existing, well-formed files and match the code.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { extensionRoot } from '../support/tokenizer.mjs';

const manifest = readJson('package.json');
const contributes = manifest.contributes;

function readJson(relativePath) {
  return JSON.parse(readFileSync(path.join(extensionRoot, relativePath), 'utf8'));
}

function assertFileExists(relativePath, what) {
  assert.ok(existsSync(path.join(extensionRoot, relativePath)), `${what} '${relativePath}' does not exist`);
}

test('manifest_Identity_IsTwinlangByTwinlang', () => {
  assert.equal(manifest.name, 'twinlang');
  assert.equal(manifest.publisher, 'twinlang');
  assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
  assert.ok(manifest.repository?.url, 'repository.url keeps vsce from prompting');
  assert.ok(manifest.license, 'license keeps vsce from prompting');
});

test('manifest_TypesVscode_IsNotNewerThanEngine', () => {
  // vsce refuses to package when @types/vscode is newer than engines.vscode.
  const engine = manifest.engines.vscode.replace(/^\^/, '').split('.').map(Number);
  const types = manifest.devDependencies['@types/vscode'].replace(/^[\^~]/, '').split('.').map(Number);
  assert.ok(types[0] < engine[0] || (types[0] === engine[0] && types[1] <= engine[1]), `@types/vscode ${types.join('.')} > engine ${engine.join('.')}`);
});

test('manifest_Main_PointsAtTheBuiltBundle', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assertFileExists(manifest.main, 'main (run `npm run build` first)');
});

test('manifest_Language_DeclaresTwinFilesAndItsConfiguration', () => {
  const [language] = contributes.languages;
  assert.equal(language.id, 'twin');
  assert.deepEqual(language.extensions, ['.twin']);
  assertFileExists(language.configuration, 'language configuration');
  readJson(language.configuration);
});

test('manifest_Grammar_PointsAtGrammarWithSameScopeName', () => {
  const [grammar] = contributes.grammars;
  assert.equal(grammar.language, 'twin');
  assertFileExists(grammar.path, 'grammar');
  assert.equal(readJson(grammar.path).scopeName, grammar.scopeName);
});

test('manifest_Grammar_EveryIncludeResolves', () => {
  const grammar = readJson(contributes.grammars[0].path);
  const missing = [];
  const visit = (node) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node !== null && typeof node === 'object') {
      if (typeof node.include === 'string' && node.include.startsWith('#') && !(node.include.slice(1) in grammar.repository)) {
        missing.push(node.include);
      }
      Object.values(node).forEach(visit);
    }
  };
  visit(grammar);
  assert.deepEqual(missing, []);
});

test('manifest_Snippets_ParseAndHavePrefixBodyAndDescription', () => {
  const [snippetFile] = contributes.snippets;
  assert.equal(snippetFile.language, 'twin');
  assertFileExists(snippetFile.path, 'snippets');
  const snippets = readJson(snippetFile.path);
  const prefixes = [];
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.equal(typeof snippet.prefix, 'string', `snippet '${name}' has no prefix`);
    const body = Array.isArray(snippet.body) ? snippet.body : [snippet.body];
    assert.ok(body.length > 0 && body.every((line) => typeof line === 'string'), `snippet '${name}' has no body`);
    assert.equal(typeof snippet.description, 'string', `snippet '${name}' has no description`);
    prefixes.push(snippet.prefix);
  }
  const expected = ['asset', 'connector', 'coupling', 'assimilation', 'scenario', 'function', 'table', 'equation', 'when', 'sampled'];
  assert.deepEqual([...prefixes].sort(), [...expected].sort());
});

test('manifest_Settings_DeclareServerPathArgsAndTrace', () => {
  const properties = contributes.configuration.properties;
  assert.equal(properties['twinlang.server.path'].type, 'string');
  assert.equal(properties['twinlang.server.args'].type, 'array');
  assert.deepEqual(properties['twinlang.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('manifest_Commands_AreExactlyTheRegisteredOnes', () => {
  const declared = contributes.commands.map((command) => command.command).sort();
  assert.deepEqual(declared, ['twinlang.restartServer', 'twinlang.runTwin']);
  const run = contributes.commands.find((command) => command.command === 'twinlang.runTwin');
  assert.equal(`${run.category}: ${run.title}`, 'TwinLang: Run current twin');
  const source = readFileSync(path.join(extensionRoot, 'src', 'extension.ts'), 'utf8');
  const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((match) => match[1]).sort();
  assert.deepEqual(registered, declared);
});

test('manifest_ContributedFiles_AreNotExcludedFromThePackage', () => {
  const ignore = readFileSync(path.join(extensionRoot, '.vscodeignore'), 'utf8').split('\n');
  const shipped = [manifest.main, contributes.languages[0].configuration, contributes.grammars[0].path, contributes.snippets[0].path];
  for (const file of shipped) {
    assert.ok(ignore.includes(`!${file.replace(/^\.\//, '')}`), `.vscodeignore does not keep ${file}`);
  }
});

test('languageConfiguration_IndentationRules_IndentAfterOpenBraceOnly', () => {
  const configuration = readJson('language-configuration.json');
  const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
  assert.ok(increase.test('asset Cell {'));
  assert.ok(increase.test('  equation {   // the physics'));
  assert.ok(!increase.test('  equation { power = u }'));
  assert.ok(!increase.test('  // a comment {'));
  assert.ok(decrease.test('  }'));
  assert.ok(!decrease.test('  x = 1'));
});

test('languageConfiguration_PairsAndWordPattern_AreConsistent', () => {
  const configuration = readJson('language-configuration.json');
  assert.equal(configuration.comments.lineComment, '//');
  assert.deepEqual(configuration.comments.blockComment, ['/*', '*/']);
  const opens = configuration.autoClosingPairs.map((pair) => pair.open);
  for (const [open] of configuration.brackets) {
    assert.ok(opens.includes(open), `no auto-closing pair for '${open}'`);
  }
  const word = new RegExp(`^(?:${configuration.wordPattern})$`);
  assert.ok(word.test('cells_per_module'));
  assert.ok(word.test('6.02e23'));
  assert.ok(!word.test('a.b'));
  new RegExp(configuration.folding.markers.start);
  new RegExp(configuration.folding.markers.end);
});
