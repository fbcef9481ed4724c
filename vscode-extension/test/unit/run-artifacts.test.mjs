// Scenario discovery and plot lookup used by the "Run current twin" command.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const { findScenarioNames, findPlot } = require('../../out/runArtifacts.js');

test('findScenarioNames_SeveralScenarios_ReturnsThemInOrder', () => {
  const source = 'asset Cell {}\nscenario Discharge for Cell {\n}\nscenario  Charge for Cell { }\n';
  assert.deepEqual(findScenarioNames(source), ['Discharge', 'Charge']);
});

test('findScenarioNames_CommentsAndStrings_AreIgnored', () => {
  const source = [
    '// scenario Old for Cell {}',
    '/* scenario Older for Cell {}',
    '   scenario Oldest */',
    'parameter p: Real = 1 "the scenario Fake"',
    '/// Runs scenario Doc.',
    'scenario Real1 for Cell {}',
  ].join('\n');
  assert.deepEqual(findScenarioNames(source), ['Real1']);
});

test('findScenarioNames_NoScenario_ReturnsEmpty', () => {
  assert.deepEqual(findScenarioNames('asset Cell { parameter scenarios: Int = 1 }'), []);
});

test('findPlot_SvgNamedAfterResults_IsChosen', () => {
  const csv = path.join('tmp', 'run', 'results.csv');
  assert.equal(findPlot(csv, ['a.svg', 'results.csv', 'results.svg']), path.join('tmp', 'run', 'results.svg'));
});

test('findPlot_OtherSvgs_FirstInOrdinalOrder', () => {
  const csv = path.join('tmp', 'results.csv');
  assert.equal(findPlot(csv, ['results.csv', 'b.svg', 'B.svg', 'a.SVG']), path.join('tmp', 'B.svg'));
});

test('findPlot_NoSvg_ReturnsUndefined', () => {
  assert.equal(findPlot('results.csv', ['results.csv', 'log.txt']), undefined);
});
