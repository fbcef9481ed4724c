// Reads the extension's settings and turns them into a `twin` program to start.
import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import { resolveTwinExecutable, TwinExecutable } from './twinExecutable';

export const configurationSection = 'twinlang';

export function resolveTwin(context: vscode.ExtensionContext): TwinExecutable {
  const configuration = vscode.workspace.getConfiguration(configurationSection);
  return resolveTwinExecutable({
    configuredPath: configuration.get<string>('server.path', ''),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    homeDir: os.homedir(),
    platform: process.platform,
    exists: (file) => fs.existsSync(file),
  });
}

export function serverExtraArgs(): string[] {
  const configured = vscode.workspace.getConfiguration(configurationSection).get<unknown>('server.args', []);
  return Array.isArray(configured) ? configured.filter((arg): arg is string => typeof arg === 'string') : [];
}

/** A one-line account of where `twin` comes from, for the output channel and error messages. */
export function describeTwin(twin: TwinExecutable): string {
  const program = [twin.command, ...twin.prefixArgs].join(' ');
  switch (twin.source) {
    case 'setting':
      return `${program} (from the twinlang.server.path setting)`;
    case 'bundled':
      return `${program} (bundled with the extension)`;
    case 'path':
      return `${program} (from PATH)`;
  }
}

export async function offerToOpenSettings(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Open Settings');
  if (choice === 'Open Settings') {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'twinlang.server');
  }
}
