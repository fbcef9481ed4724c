// What the run command needs to know about a .twin text and the files `twin run` writes.
// Free of the vscode API so it can be tested in plain node.
import * as path from 'path';

/** The names of the `scenario` declarations in a source text, in order, ignoring comments and strings. */
export function findScenarioNames(source: string): string[] {
  const code = blankCommentsAndStrings(source);
  const names: string[] = [];
  const pattern = /\bscenario\s+([A-Za-z_][A-Za-z0-9_]*)/g;
  for (let match = pattern.exec(code); match !== null; match = pattern.exec(code)) {
    names.push(match[1]);
  }
  return names;
}

/**
 * The plot written beside `resultsCsv`: `<stem>.svg` when present, else the first .svg of the
 * folder in ordinal order; undefined when there is none.
 */
export function findPlot(resultsCsv: string, filesInFolder: readonly string[]): string | undefined {
  const folder = path.dirname(resultsCsv);
  const expected = path.basename(resultsCsv, path.extname(resultsCsv)) + '.svg';
  if (filesInFolder.includes(expected)) {
    return path.join(folder, expected);
  }
  const svgs = filesInFolder.filter((name) => name.toLowerCase().endsWith('.svg')).sort(compareOrdinal);
  return svgs.length === 0 ? undefined : path.join(folder, svgs[0]);
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Keeps offsets and line breaks but turns comments and string contents into spaces, so a
// commented-out scenario or the word "scenario" in a description is not offered.
function blankCommentsAndStrings(source: string): string {
  return source.replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"?/g, (text) => text.replace(/[^\n]/g, ' '));
}
