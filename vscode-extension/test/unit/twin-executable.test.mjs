// Resolution order of the `twin` program and the command lines built for `lsp` and `run`.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const { resolveTwinExecutable, serverCommandLine, runCommandLine } = require('../../out/twinExecutable.js');

const extensionPath = path.resolve('/ext');
const workspace = path.resolve('/ws');

function context(overrides = {}) {
  return {
    configuredPath: '',
    extensionPath,
    workspaceFolder: workspace,
    homeDir: path.resolve('/home/user'),
    platform: 'linux',
    exists: () => false,
    ...overrides,
  };
}

test('resolveTwinExecutable_NothingConfiguredOrBundled_UsesTwinOnPath', () => {
  assert.deepEqual(resolveTwinExecutable(context()), { command: 'twin', prefixArgs: [], source: 'path' });
});

test('resolveTwinExecutable_BundledExecutable_WinsOverPath', () => {
  const bundled = path.join(extensionPath, 'server', 'twin');
  const twin = resolveTwinExecutable(context({ exists: (file) => file === bundled }));
  assert.deepEqual(twin, { command: bundled, prefixArgs: [], source: 'bundled', file: bundled });
});

test('resolveTwinExecutable_BundledDllOnly_RunsWithDotnet', () => {
  const dll = path.join(extensionPath, 'server', 'twin.dll');
  const twin = resolveTwinExecutable(context({ exists: (file) => file === dll }));
  assert.deepEqual(twin, { command: 'dotnet', prefixArgs: [dll], source: 'bundled', file: dll });
});

test('resolveTwinExecutable_BundledExecutableAndDll_PrefersExecutable', () => {
  const twin = resolveTwinExecutable(context({ exists: () => true }));
  assert.equal(twin.command, path.join(extensionPath, 'server', 'twin'));
});

test('resolveTwinExecutable_WindowsBundle_LooksForExe', () => {
  const exe = path.join(extensionPath, 'server', 'twin.exe');
  const twin = resolveTwinExecutable(context({ platform: 'win32', exists: (file) => file === exe }));
  assert.equal(twin.command, exe);
});

test('resolveTwinExecutable_SettingWithExecutable_WinsOverBundle', () => {
  const configured = path.resolve('/opt/twin/bin/twin');
  const twin = resolveTwinExecutable(context({ configuredPath: configured, exists: () => true }));
  assert.deepEqual(twin, { command: configured, prefixArgs: [], source: 'setting', file: configured });
});

test('resolveTwinExecutable_SettingWithDll_RunsWithDotnet', () => {
  const configured = path.resolve('/opt/twin/TwinLang.Cli.DLL');
  const twin = resolveTwinExecutable(context({ configuredPath: configured }));
  assert.deepEqual(twin, { command: 'dotnet', prefixArgs: [configured], source: 'setting', file: configured });
});

test('resolveTwinExecutable_RelativeSetting_ResolvesAgainstWorkspaceFolder', () => {
  const twin = resolveTwinExecutable(context({ configuredPath: 'artifacts/bin/twin.dll' }));
  assert.deepEqual(twin.prefixArgs, [path.join(workspace, 'artifacts', 'bin', 'twin.dll')]);
});

test('resolveTwinExecutable_WorkspaceFolderVariable_IsExpanded', () => {
  const twin = resolveTwinExecutable(context({ configuredPath: '${workspaceFolder}/tools/twin' }));
  assert.equal(twin.command, path.join(workspace, 'tools', 'twin'));
});

test('resolveTwinExecutable_TildeSetting_ExpandsHome', () => {
  const twin = resolveTwinExecutable(context({ configuredPath: '~/.dotnet/tools/twin' }));
  assert.equal(twin.command, path.join(path.resolve('/home/user'), '.dotnet', 'tools', 'twin'));
});

test('resolveTwinExecutable_BareCommandSetting_IsLeftToPathLookup', () => {
  const twin = resolveTwinExecutable(context({ configuredPath: '  twin-nightly ' }));
  assert.deepEqual(twin, { command: 'twin-nightly', prefixArgs: [], source: 'setting' });
});

test('serverCommandLine_ExtraArgs_FollowLsp', () => {
  const dll = path.resolve('/x/twin.dll');
  const twin = { command: 'dotnet', prefixArgs: [dll], source: 'setting', file: dll };
  assert.deepEqual(serverCommandLine(twin, ['--log', 'verbose']), [dll, 'lsp', '--log', 'verbose']);
});

test('runCommandLine_WithScenario_PassesScenarioAndOut', () => {
  const twin = { command: 'twin', prefixArgs: [], source: 'path' };
  assert.deepEqual(runCommandLine(twin, 'cell.twin', 'out/results.csv', 'Discharge'), [
    'run',
    'cell.twin',
    '--scenario',
    'Discharge',
    '--out',
    'out/results.csv',
  ]);
});

test('runCommandLine_WithoutScenario_OmitsScenarioOption', () => {
  const twin = { command: 'twin', prefixArgs: [], source: 'path' };
  assert.deepEqual(runCommandLine(twin, 'cell.twin', 'r.csv'), ['run', 'cell.twin', '--out', 'r.csv']);
});
