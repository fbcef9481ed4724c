// The "TwinLang: Run current twin" command: `twin run <file> --out <tmp>/results.csv`, then the plot.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { languageId } from './languageClient';
import { findPlot, findScenarioNames } from './runArtifacts';
import { describeTwin, offerToOpenSettings, resolveTwin } from './settings';
import { runCommandLine } from './twinExecutable';

export async function runCurrentTwin(context: vscode.ExtensionContext, output: vscode.OutputChannel, resource?: vscode.Uri): Promise<void> {
  const document = await documentToRun(resource);
  if (document === undefined) {
    return;
  }
  if (document.isUntitled || document.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('TwinLang: save the twin to a file before running it.');
    return;
  }
  if (document.isDirty && !(await document.save())) {
    void vscode.window.showErrorMessage('TwinLang: the twin could not be saved, so it was not run.');
    return;
  }
  const scenario = await pickScenario(document.getText());
  if (scenario === null) {
    return;
  }
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'twinlang-run-'));
  const resultsCsv = path.join(folder, 'results.csv');
  const twin = resolveTwin(context);
  const args = runCommandLine(twin, document.uri.fsPath, resultsCsv, scenario);

  output.show(true);
  output.appendLine(`> ${[twin.command, ...args].join(' ')}`);
  const exit = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Running ${path.basename(document.uri.fsPath)}`, cancellable: true },
    (_progress, token) => runProcess(twin.command, args, path.dirname(document.uri.fsPath), output, token),
  );
  if (exit.kind === 'failedToStart') {
    output.appendLine(exit.message);
    await offerToOpenSettings(`TwinLang: could not start ${describeTwin(twin)}: ${exit.message}`);
    return;
  }
  if (exit.kind === 'cancelled') {
    output.appendLine('Cancelled.');
    return;
  }
  if (exit.code !== 0) {
    void vscode.window.showErrorMessage(`TwinLang: twin run exited with code ${exit.code}; see the TwinLang Run output.`);
    return;
  }
  output.appendLine(`Results: ${resultsCsv}`);
  const plot = findPlot(resultsCsv, await fs.promises.readdir(folder));
  if (plot === undefined) {
    void vscode.window.showWarningMessage(`TwinLang: the run wrote no SVG plot next to ${resultsCsv}.`);
    return;
  }
  output.appendLine(`Plot: ${plot}`);
  await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(plot), { viewColumn: vscode.ViewColumn.Beside, preview: false });
  if (fs.existsSync(resultsCsv)) {
    void vscode.window.showInformationMessage(`TwinLang: run finished.`, 'Open results.csv').then(async (choice) => {
      if (choice !== undefined) {
        await vscode.window.showTextDocument(vscode.Uri.file(resultsCsv), { viewColumn: vscode.ViewColumn.Beside });
      }
    });
  }
}

async function documentToRun(resource: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) {
    return vscode.workspace.openTextDocument(resource);
  }
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined || document.languageId !== languageId) {
    void vscode.window.showErrorMessage('TwinLang: open a .twin file to run it.');
    return undefined;
  }
  return document;
}

/** undefined: let `twin run` choose (no scenario or only one); null: the user dismissed the choice. */
async function pickScenario(source: string): Promise<string | undefined | null> {
  const names = findScenarioNames(source);
  if (names.length <= 1) {
    return names[0];
  }
  const picked = await vscode.window.showQuickPick(names, { placeHolder: 'Scenario to run' });
  return picked ?? null;
}

type ProcessExit =
  | { readonly kind: 'exited'; readonly code: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failedToStart'; readonly message: string };

function runProcess(
  command: string,
  args: readonly string[],
  cwd: string,
  output: vscode.OutputChannel,
  token: vscode.CancellationToken,
): Promise<ProcessExit> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, shell: false });
    let cancelled = false;
    const subscription = token.onCancellationRequested(() => {
      cancelled = true;
      child.kill();
    });
    // Decoding on the stream keeps a UTF-8 character split across two chunks intact.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text: string) => output.append(text));
    child.stderr.on('data', (text: string) => output.append(text));
    child.on('error', (error) => {
      subscription.dispose();
      resolve({ kind: 'failedToStart', message: error.message });
    });
    child.on('close', (code) => {
      subscription.dispose();
      resolve(cancelled ? { kind: 'cancelled' } : { kind: 'exited', code: code ?? -1 });
    });
  });
}
