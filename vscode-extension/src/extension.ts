// Entry point: the language client for `twin lsp`, the restart command and the run command.
import * as vscode from 'vscode';
import { TwinLanguageClient } from './languageClient';
import { runCurrentTwin } from './runTwin';
import { configurationSection } from './settings';

let languageClient: TwinLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverOutput = vscode.window.createOutputChannel('TwinLang');
  const runOutput = vscode.window.createOutputChannel('TwinLang Run');
  const client = new TwinLanguageClient(context, serverOutput);
  languageClient = client;
  context.subscriptions.push(
    serverOutput,
    runOutput,
    client,
    vscode.commands.registerCommand('twinlang.restartServer', () => client.restart()),
    vscode.commands.registerCommand('twinlang.runTwin', (resource?: vscode.Uri) => runCurrentTwin(context, runOutput, resource)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${configurationSection}.server`)) {
        void client.restart();
      }
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
  languageClient = undefined;
}
