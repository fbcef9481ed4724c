// Starts, stops and restarts the `twin lsp` language server.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { describeTwin, offerToOpenSettings, resolveTwin, serverExtraArgs } from './settings';
import { serverCommandLine } from './twinExecutable';

export const languageId = 'twin';

export class TwinLanguageClient implements vscode.Disposable {
  private _client: LanguageClient | undefined;

  constructor(
    private readonly _context: vscode.ExtensionContext,
    private readonly _output: vscode.OutputChannel,
  ) {}

  async start(): Promise<void> {
    const twin = resolveTwin(this._context);
    if (twin.file !== undefined && !fs.existsSync(twin.file)) {
      await offerToOpenSettings(`TwinLang: the language server '${twin.file}' does not exist.`);
      return;
    }
    const args = serverCommandLine(twin, serverExtraArgs());
    this._output.appendLine(`Starting the TwinLang language server: ${describeTwin(twin)} ${args.slice(twin.prefixArgs.length).join(' ')}`);
    const executable = { command: twin.command, args, options: { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath } };
    const serverOptions: ServerOptions = { run: executable, debug: executable };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: languageId },
        { scheme: 'untitled', language: languageId },
      ],
      outputChannel: this._output,
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.twin') },
    };
    // The id 'twinlang' makes the client honour the `twinlang.trace.server` setting.
    const client = new LanguageClient('twinlang', 'TwinLang Language Server', serverOptions, clientOptions);
    this._client = client;
    try {
      await client.start();
    } catch (error) {
      this._client = undefined;
      this._output.appendLine(`The language server did not start: ${String(error)}`);
      await offerToOpenSettings(
        `TwinLang: could not start the language server ${describeTwin(twin)}. Install the twin CLI or set twinlang.server.path.`,
      );
    }
  }

  async stop(): Promise<void> {
    const client = this._client;
    this._client = undefined;
    if (client !== undefined) {
      try {
        await client.stop();
      } catch (error) {
        this._output.appendLine(`Stopping the language server failed: ${String(error)}`);
      }
    }
  }

  /** Re-reads the settings, so a changed server path takes effect. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
  }
}
