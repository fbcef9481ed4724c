// Finds the `twin` program and builds its command lines. Kept free of the vscode API so the
// resolution order can be tested in plain node.
import * as path from 'path';

/** Where the program came from, in the order they are tried. */
export type TwinSource = 'setting' | 'bundled' | 'path';

/** A program to start: `command` followed by `prefixArgs` stands for `twin`. */
export interface TwinExecutable {
  readonly command: string;
  /** Arguments before the subcommand: the .dll path when the server is run with `dotnet`. */
  readonly prefixArgs: readonly string[];
  readonly source: TwinSource;
  /** The file the setting or the bundle points at; absent when the OS looks the command up on PATH. */
  readonly file?: string;
}

export interface ResolveContext {
  /** The `twinlang.server.path` setting, possibly empty. */
  readonly configuredPath: string;
  readonly extensionPath: string;
  /** The first workspace folder, against which a relative setting is resolved. */
  readonly workspaceFolder?: string;
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly exists: (file: string) => boolean;
}

/**
 * Resolves `twin` in order: the setting (an executable, or a .dll run with `dotnet`), a server
 * bundled in the extension folder (`server/twin`, then `server/twin.dll`), else `twin` on PATH.
 */
export function resolveTwinExecutable(context: ResolveContext): TwinExecutable {
  const configured = context.configuredPath.trim();
  if (configured !== '') {
    return fromFile(expandConfiguredPath(configured, context), 'setting');
  }
  const serverFolder = path.join(context.extensionPath, 'server');
  const bundledNames = context.platform === 'win32' ? ['twin.exe', 'twin.dll'] : ['twin', 'twin.dll'];
  for (const name of bundledNames) {
    const candidate = path.join(serverFolder, name);
    if (context.exists(candidate)) {
      return fromFile(candidate, 'bundled');
    }
  }
  return { command: 'twin', prefixArgs: [], source: 'path' };
}

/** `twin lsp [extra args]`: the language server over stdio. */
export function serverCommandLine(twin: TwinExecutable, extraArgs: readonly string[]): string[] {
  return [...twin.prefixArgs, 'lsp', ...extraArgs];
}

/** `twin run <file> [--scenario name] --out <csv>`: writes the results CSV and an SVG plot beside it. */
export function runCommandLine(twin: TwinExecutable, file: string, outCsv: string, scenario?: string): string[] {
  const scenarioArgs = scenario === undefined ? [] : ['--scenario', scenario];
  return [...twin.prefixArgs, 'run', file, ...scenarioArgs, '--out', outCsv];
}

/** Expands `~` and `${workspaceFolder}` and anchors a relative path at the workspace folder. */
export function expandConfiguredPath(configured: string, context: ResolveContext): string {
  let expanded = configured;
  if (context.workspaceFolder !== undefined) {
    expanded = expanded.split('${workspaceFolder}').join(context.workspaceFolder);
  }
  if (expanded === '~' || expanded.startsWith('~/') || expanded.startsWith('~\\')) {
    expanded = path.join(context.homeDir, expanded.slice(1));
  }
  if (!path.isAbsolute(expanded) && context.workspaceFolder !== undefined && looksLikePath(expanded)) {
    expanded = path.resolve(context.workspaceFolder, expanded);
  }
  return expanded;
}

// A bare name such as `twin` or `twin-nightly` is looked up on PATH by the OS; anything with a
// separator or a .dll extension names a file.
function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || isDll(value);
}

function isDll(file: string): boolean {
  return file.toLowerCase().endsWith('.dll');
}

function fromFile(file: string, source: TwinSource): TwinExecutable {
  if (isDll(file)) {
    return { command: 'dotnet', prefixArgs: [file], source, file };
  }
  return path.isAbsolute(file) ? { command: file, prefixArgs: [], source, file } : { command: file, prefixArgs: [], source };
}
