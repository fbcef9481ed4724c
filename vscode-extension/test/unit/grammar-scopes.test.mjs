// Focused checks of the TextMate grammar: the constructs whose highlighting is easy to break.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { extensionRoot, scopesOf, tokenize } from '../support/tokenizer.mjs';

async function check(source, text, expectedScope, occurrence = 0) {
  const scopes = scopesOf(await tokenize(source), text, occurrence);
  assert.ok(scopes.includes(expectedScope), `${JSON.stringify(text)} in ${JSON.stringify(source)}: expected ${expectedScope}, got ${scopes.join(' ')}`);
}

async function checkNot(source, text, unexpectedScope, occurrence = 0) {
  const scopes = scopesOf(await tokenize(source), text, occurrence);
  assert.ok(!scopes.includes(unexpectedScope), `${JSON.stringify(text)} in ${JSON.stringify(source)}: unexpected ${unexpectedScope}`);
}

test('numberLiteral_CompoundUnit_UnitNamesAndOperatorsAreUnitScoped', async () => {
  await check('x = 2.5 A*h', '2.5', 'constant.numeric.twin');
  await check('x = 2.5 A*h', 'A', 'keyword.other.unit.twin');
  await check('x = 2.5 A*h', '*', 'keyword.operator.unit.twin');
  await check('x = 2.5 A*h', 'h', 'meta.unit.twin');
});

test('numberLiteral_ParenthesizedUnit_WholeGroupIsUnit', async () => {
  for (const text of ['W', '/', '(', 'm', '^', '*', 'K', ')']) {
    await check('u = 10 W/(m^2*K)', text, 'meta.unit.twin');
  }
  await check('u = 10 W/(m^2*K)', '2', 'constant.numeric.exponent.twin');
});

test('numberLiteral_NegativeExponent_IsPartOfUnit', async () => {
  await check('r = 2 s^-1', '-1', 'constant.numeric.exponent.twin');
});

test('numberLiteral_SpacedOperatorAfterUnit_EndsTheUnit', async () => {
  await check('g = 3 K/W * q', 'W', 'meta.unit.twin');
  await check('g = 3 K/W * q', '*', 'keyword.operator.arithmetic.twin');
  await checkNot('g = 3 K/W * q', 'q', 'meta.unit.twin');
});

test('numberLiteral_FollowedByKeyword_KeywordIsNotAUnit', async () => {
  await check('ensemble 100 seed 42 {', 'seed', 'keyword.other.scenario.twin');
  await checkNot('ensemble 100 seed 42 {', 'seed', 'meta.unit.twin');
  await check('u := if t < 20 degC then 1 kW else 0 W', 'then', 'keyword.control.conditional.twin');
  await check('u := if t < 20 degC then 1 kW else 0 W', 'kW', 'keyword.other.unit.twin');
});

test('numberLiteral_MinutesUnit_IsUnitNotFunction', async () => {
  await check('t = 2 min', 'min', 'keyword.other.unit.twin');
  await check('t = min(a, b)', 'min', 'support.function.builtin.twin');
});

test('range_NumberThenDots_IsRangeOperator', async () => {
  await check('for i in 1..n {', '1', 'constant.numeric.twin');
  await check('for i in 1..n {', '..', 'keyword.operator.range.twin');
  await check('time 0 s .. 2 h', 's', 'keyword.other.unit.twin');
  await check('time 0 s .. 2 h', '..', 'keyword.operator.range.twin');
});

test('identifierWithDigits_IsNotANumber', async () => {
  await checkNot('x = r0 * dopri5', 'r0', 'constant.numeric.twin');
  await check('x = r0 * dopri5', 'r0', 'variable.other.twin');
});

test('numbers_ExponentForms_AreSingleTokens', async () => {
  await check('a = 1e-6', '1e-6', 'constant.numeric.twin');
  await check('a = 6.02e23', '6.02e23', 'constant.numeric.twin');
});

test('discreteAssignment_ColonEquals_IsNotTypeSeparator', async () => {
  await check('u := 1 kW', ':=', 'keyword.operator.assignment.discrete.twin');
});

test('operators_ArrowAndDistribution_HaveOwnScopes', async () => {
  await check('0.5 -> 3.6 V,', '->', 'keyword.operator.arrow.twin');
  await check('capacity ~ normal(2.5 A*h, 0.1 A*h)', '~', 'keyword.operator.distribution.twin');
  await check('estimate cells[*].soc', '*', 'keyword.operator.wildcard.twin');
});

test('comments_DocLineAndBlock_AreDistinguished', async () => {
  await check('/// docs', '///', 'punctuation.definition.comment.twin');
  await check('/// docs', ' docs', 'comment.line.documentation.twin');
  await check('x = 1 // note', ' note', 'comment.line.double-slash.twin');
  await check('/* a\n b */ x', ' b ', 'comment.block.twin');
  await checkNot('/* a\n b */ x', 'x', 'comment.block.twin');
});

test('strings_Escapes_AreMarkedAndUnknownOnesInvalid', async () => {
  await check('s = "a\\"b\\\\c\\nd\\te"', '\\"', 'constant.character.escape.twin');
  await check('s = "a\\"b\\\\c\\nd\\te"', '\\t', 'constant.character.escape.twin');
  await check('s = "bad \\q"', '\\q', 'invalid.illegal.escape.twin');
});

test('strings_Unterminated_EndAtLineEnd', async () => {
  await checkNot('s = "open\nasset A {', 'asset', 'string.quoted.double.twin');
  await check('s = "open\nasset A {', 'asset', 'storage.type.asset.twin');
});

test('annotation_WithArguments_IsAnnotationScoped', async () => {
  const source = '@semantic("https://example.org/ids/Cell")';
  await check(source, 'semantic', 'storage.type.annotation.twin');
  await check(source, '@', 'punctuation.definition.annotation.twin');
  await check(source, 'https://example.org/ids/Cell', 'string.quoted.double.twin');
  await checkNot(source, 'https://example.org/ids/Cell', 'comment.line.double-slash.twin');
});

test('declarations_EntityNames_AreScoped', async () => {
  await check('asset HeatedRoom extends Room {', 'HeatedRoom', 'entity.name.type.asset.twin');
  await check('asset HeatedRoom extends Room {', 'Room', 'entity.other.inherited-class.twin');
  await check('connector Pin {', 'Pin', 'entity.name.type.connector.twin');
  await check('enum Mode { off, heating }', 'heating', 'variable.other.enummember.twin');
  await check('function f(x: Real): Real = x', 'f', 'entity.name.function.twin');
  await check('table ocv(soc: Fraction): Voltage from "a.csv"', 'ocv', 'entity.name.function.twin');
  await check('surrogate loss(t: Temperature): Power = polynomial(degree = 2) from "l.csv"', 'loss', 'entity.name.function.twin');
  await check('scenario Discharge for Cell {', 'Discharge', 'entity.name.type.scenario.twin');
  await check('assimilation Est for Pack {', 'Est', 'entity.name.type.assimilation.twin');
  await check('coupling thermal between cells (step 1 s) and coolant (step 60 s) {', 'thermal', 'entity.name.section.coupling.twin');
  await check('coupling thermal between cells (step 1 s) and coolant (step 60 s) {', 'cells', 'variable.other.twin');
  await check('quantity Temperature = K "t"', 'Temperature', 'entity.name.type.quantity.twin');
  await check('unit degC = K offset 273.15 "c"', 'degC', 'entity.name.type.unit.twin');
  await check('unit degC = K offset 273.15 "c"', 'K', 'keyword.other.unit.twin');
  await check('package energy.battery version "1.2.0"', 'battery', 'entity.name.namespace.twin');
  await check('import energy.cells.Cell as BaseCell', 'BaseCell', 'entity.name.type.alias.twin');
});

test('memberDeclarations_EveryVariableKind_NamesADefinition', async () => {
  for (const kind of ['parameter', 'constant', 'input', 'output', 'state', 'variable', 'discrete', 'potential', 'flow', 'component', 'port']) {
    const source = `${kind} x: Real`;
    await check(source, kind, `storage.modifier.${kind}.twin`);
    await check(source, 'x', 'variable.other.definition.twin');
  }
});

test('typeAnnotations_PrimitiveAndNamedTypes_AreTypeScoped', async () => {
  await check('parameter n: Int = 3', 'Int', 'support.type.primitive.twin');
  await check('input v: Voltage', 'Voltage', 'entity.name.type.twin');
  await check('parameter t: Temperature(unit = degC) = 25 degC', 'degC', 'keyword.other.unit.twin');
});

test('builtinFunctions_Calls_AreSupportFunctions', async () => {
  for (const name of ['der', 'connect', 'reinit', 'sum', 'mean', 'min', 'max', 'product']) {
    await check(`x = ${name}(a)`, name, 'support.function.builtin.twin');
  }
  await check('x = ocv(soc)', 'ocv', 'entity.name.function.call.twin');
});

test('keywords_EveryKeywordOfTheLanguageReference_IsHighlighted', async () => {
  const reference = readFileSync(path.join(extensionRoot, '..', 'docs', 'language.md'), 'utf8');
  const paragraph = /^Keywords: ([\s\S]*?)\n\(/m.exec(reference);
  assert.ok(paragraph, 'docs/language.md has a "Keywords:" paragraph');
  const keywords = paragraph[1].replace(/[`.]/g, ' ').split(/\s+/).filter((word) => word !== '');
  assert.ok(keywords.length > 60, `found only ${keywords.length} keywords`);
  const keywordScope = /^(keyword|storage|support\.function\.builtin|constant\.language)\./;
  for (const keyword of keywords) {
    const scopes = scopesOf(await tokenize(keyword), keyword);
    assert.ok(scopes.some((scope) => keywordScope.test(scope)), `keyword '${keyword}' has scopes ${scopes.join(' ')}`);
  }
});

test('filters_EveryFilterKind_IsHighlightedAfterFilter', async () => {
  for (const kind of ['ekf', 'ukf', 'ensemble', 'letkf', 'particle']) {
    await check(`filter ${kind}(members = 64)`, kind, 'support.function.filter.twin');
    await check(`filter ${kind}`, kind, 'support.function.filter.twin');
  }
});

test('enum_WithoutBraces_DoesNotSwallowFollowingDeclarations', async () => {
  await check('enum Mode\nasset A {\n}', 'asset', 'storage.type.asset.twin');
  await check('enum Mode\n{ off,\n on }\nasset A {', 'on', 'variable.other.enummember.twin');
});
