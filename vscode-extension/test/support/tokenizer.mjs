// Loads the TwinLang TextMate grammar into vscode-textmate with the oniguruma wasm from
// node_modules, so tests tokenize exactly as VS Code does.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

export const extensionRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const grammarPath = path.join(extensionRoot, 'syntaxes', 'twin.tmLanguage.json');

let grammarPromise;

async function createGrammar() {
  const wasm = await readFile(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.twin') {
        return null;
      }
      return textmate.parseRawGrammar(await readFile(grammarPath, 'utf8'), grammarPath);
    },
  });
  const grammar = await registry.loadGrammar('source.twin');
  if (!grammar) {
    throw new Error(`could not load ${grammarPath}`);
  }
  return grammar;
}

/** The grammar, loaded once per test process. */
export function loadGrammar() {
  grammarPromise ??= createGrammar();
  return grammarPromise;
}

/**
 * Tokenizes source text line by line, carrying the rule stack across lines.
 * Returns one entry per token: 1-based line and column, text and scopes.
 */
export async function tokenize(source) {
  const grammar = await loadGrammar();
  const tokens = [];
  let ruleStack = textmate.INITIAL;
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    const result = grammar.tokenizeLine(line, ruleStack);
    for (const token of result.tokens) {
      tokens.push({
        line: index + 1,
        column: token.startIndex + 1,
        text: line.substring(token.startIndex, token.endIndex),
        scopes: token.scopes,
      });
    }
    ruleStack = result.ruleStack;
  });
  return tokens;
}

/**
 * The golden dump: one line per token, `line:column "text" scopes`, without the root
 * scope and without tokens that are only whitespace.
 */
export function formatTokens(tokens) {
  const lines = [];
  for (const token of tokens) {
    const scopes = token.scopes.filter((scope) => scope !== 'source.twin');
    if (token.text.trim() === '') {
      continue;
    }
    lines.push(`${token.line}:${token.column} ${JSON.stringify(token.text)} ${scopes.join(' ') || '-'}`);
  }
  return lines.join('\n') + '\n';
}

/** The scopes of the first token whose text is exactly `text` (after `occurrence` earlier ones). */
export function scopesOf(tokens, text, occurrence = 0) {
  const matches = tokens.filter((token) => token.text === text);
  if (matches.length <= occurrence) {
    throw new Error(`no token ${JSON.stringify(text)} (occurrence ${occurrence}); tokens: ${tokens.map((t) => JSON.stringify(t.text)).join(' ')}`);
  }
  return matches[occurrence].scopes;
}
