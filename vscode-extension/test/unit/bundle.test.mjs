// The esbuild bundle loads on its own (everything but `vscode` is inside it) and exports the
// extension entry points. `vscode` is replaced by a stand-in that accepts any use.
import assert from 'node:assert/strict';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { extensionRoot } from '../support/tokenizer.mjs';

function anything() {
  const target = function () {};
  return new Proxy(target, {
    get: (_target, property) => (property === 'then' ? undefined : property === Symbol.toPrimitive ? () => '' : anything()),
    apply: () => anything(),
    construct: () => anything(),
  });
}

test('bundle_LoadsWithOnlyVscodeExternal_ExportsActivateAndDeactivate', () => {
  const bundle = path.join(extensionRoot, 'dist', 'extension.js');
  const originalLoad = Module._load;
  const requested = [];
  const outsideTheBundle = [];
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') {
      requested.push(request);
      return anything();
    }
    if (request !== bundle && !Module.isBuiltin(request)) {
      outsideTheBundle.push(request);
    }
    return originalLoad.call(this, request, parent, isMain);
  };
  try {
    const extension = createRequire(import.meta.url)(bundle);
    assert.equal(typeof extension.activate, 'function');
    assert.equal(typeof extension.deactivate, 'function');
    assert.ok(requested.length > 0, 'the bundle never asked for vscode');
    assert.deepEqual(outsideTheBundle, [], 'the .vsix ships without node_modules, so the bundle must not require packages');
  } finally {
    Module._load = originalLoad;
  }
});
