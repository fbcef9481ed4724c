// End-to-end tests of `twin lsp`: the real server process, spoken to over stdio with vscode-jsonrpc and the
// protocol's request types, on the sample workspace in ./workspace. The server is TWINLANG_SERVER (the twin
// executable or twin.dll) when set, else the Release build of src/TwinLang.Cli (built here when missing).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node.js';
import protocol from 'vscode-languageserver-protocol';

const {
  InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
  DidOpenTextDocumentNotification, PublishDiagnosticsNotification, HoverRequest, DefinitionRequest,
  CompletionRequest, RenameRequest, DocumentFormattingRequest,
} = protocol;

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const workspace = path.join(here, 'workspace');
const uriOf = (relative) => pathToFileURL(path.join(workspace, relative)).href;

function serverCommandLine() {
  let server = process.env.TWINLANG_SERVER;
  if (!server) {
    server = path.join(repoRoot, 'src', 'TwinLang.Cli', 'bin', 'Release', 'net10.0', 'twin.dll');
    if (!existsSync(server)) {
      const build = spawnSync('dotnet', ['build', path.join(repoRoot, 'src', 'TwinLang.Cli'), '-c', 'Release', '--nologo', '-v', 'q'], { stdio: 'inherit' });
      assert.equal(build.status, 0, 'building src/TwinLang.Cli failed');
    }
  }
  return server.endsWith('.dll') ? ['dotnet', [server, 'lsp']] : [server, ['lsp']];
}

describe('twin lsp', { timeout: 600_000 }, () => {
  let child;
  let connection;
  const diagnostics = new Map();
  const waiting = [];

  function diagnosticsFor(uri, version) {
    const matches = (p) => p.uri === uri && p.version === version;
    const known = diagnostics.get(uri);
    if (known && matches(known)) {
      return Promise.resolve(known.diagnostics);
    }
    return new Promise((resolve) => waiting.push({ matches, resolve }));
  }

  function open(relative, text, version = 1) {
    const uri = uriOf(relative);
    connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'twin', version, text: text ?? readFileSync(path.join(workspace, relative), 'utf8') },
    });
    return uri;
  }

  before(async () => {
    const [command, args] = serverCommandLine();
    child = spawn(command, args, { cwd: workspace, stdio: ['pipe', 'pipe', 'inherit'] });
    connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      diagnostics.set(params.uri, params);
      for (const entry of waiting.splice(0)) {
        if (entry.matches(params)) {
          entry.resolve(params.diagnostics);
        } else {
          waiting.push(entry);
        }
      }
    });
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }],
      capabilities: {},
    });
    assert.ok(result.capabilities.hoverProvider);
    connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await connection.sendRequest(ShutdownRequest.type);
    connection.sendNotification(ExitNotification.type);
    const code = await new Promise((resolve) => child.once('exit', resolve));
    connection.dispose();
    assert.equal(code, 0);
  });

  test('didOpen_FileWithUndeclaredName_PublishesCodedDiagnostic', async () => {
    const uri = open('scratch.twin', 'package demo.app\n\nasset Scratch {\n  output y: Voltage\n  equation { y = totl }\n}\n', 4);
    const published = await diagnosticsFor(uri, 4);
    const undeclared = published.find((d) => d.code === 'TW1001');
    assert.ok(undeclared, JSON.stringify(published));
    assert.equal(undeclared.severity, 1);
    assert.deepEqual(undeclared.range.start, { line: 4, character: 17 });
  });

  test('didOpen_CleanWorkspaceFile_PublishesNoDiagnostics', async () => {
    const uri = open('circuit.twin');
    assert.deepEqual(await diagnosticsFor(uri, 1), []);
  });

  test('hover_ParameterUse_ShowsQuantityUnitAndDefault', async () => {
    const uri = open('lib/resistor.twin');
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 8, character: 12 } });
    assert.match(hover.contents.value, /parameter r: Resistance = 15 mOhm/);
    assert.match(hover.contents.value, /unit: `Ohm`/);
    assert.match(hover.contents.value, /default: `15 mOhm`/);
  });

  test('definition_ImportedAsset_GoesToLibraryFile', async () => {
    const uri = open('circuit.twin');
    const location = await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 5, character: 18 } });
    assert.equal(location.uri, uriOf('lib/resistor.twin'));
    assert.deepEqual(location.range.start, { line: 3, character: 6 });
  });

  test('completion_AfterComponentDot_ListsMembers', async () => {
    const uri = open('completing.twin', 'package demo.app\nimport demo.lib.*\n\nasset C {\n  component r: Resistor\n  output y: Voltage\n  equation { y = r. }\n}\n');
    const list = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 6, character: 19 } });
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['i', 'r', 'v']);
  });

  test('rename_AssetAcrossFiles_EditsDeclarationAndUses', async () => {
    const uri = open('lib/resistor.twin');
    open('circuit.twin');
    const edit = await connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 3, character: 8 }, newName: 'Resistance2' });
    assert.equal(edit.changes[uriOf('lib/resistor.twin')].length, 1);
    assert.equal(edit.changes[uriOf('circuit.twin')].length, 2);
    assert.ok(Object.values(edit.changes).flat().every((e) => e.newText === 'Resistance2'));
  });

  test('formatting_UnformattedDocument_ReturnsCanonicalText', async () => {
    const text = 'asset   Lamp{\nparameter p:Power=60 W\n}\n';
    const uri = open('lamp.twin', text);
    const edits = await connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(applyEdits(text, edits), 'asset Lamp {\n  parameter p: Power = 60 W\n}\n');
  });
});

/** Applies LSP text edits to a text (edits do not overlap; applied from the end). */
function applyEdits(text, edits) {
  const lines = text.split('\n');
  const offset = ({ line, character }) => lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, e) => result.slice(0, offset(e.range.start)) + e.newText + result.slice(offset(e.range.end)), text);
}
