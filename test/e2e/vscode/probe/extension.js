// Test-only probe extension (never shipped): runs inside code-server's extension host next to
// the installed minimega .vsix, drives the real VS Code API and writes what it saw to the JSON
// file named by $E2E_PROBE_OUT. The runner (../run-e2e.mjs) asserts nothing itself; the vitest
// wrapper (test/e2e/vscode.test.ts) reads the JSON.
'use strict';
const vscode = require('vscode');
const fs = require('fs');

const EXTENSION_ID = 'mm-tools.minimega';

exports.activate = async function activate() {
  const out = process.env.E2E_PROBE_OUT;
  if (!out) return;
  const t0 = Date.now();
  const res = { ok: true, steps: {} };
  // Each step is independent: one failure is recorded and the others still run.
  const step = async (name, fn, ms = 30000) => {
    const started = Date.now();
    let timer;
    try {
      const data = await Promise.race([
        fn(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
        }),
      ]);
      res.steps[name] = { ok: true, at: started - t0, ms: Date.now() - started, data };
    } catch (e) {
      res.ok = false;
      res.steps[name] = { ok: false, at: started - t0, ms: Date.now() - started, error: String((e && e.stack) || e) };
    } finally {
      clearTimeout(timer);
    }
  };

  const folder = vscode.workspace.workspaceFolders[0].uri;
  const broken = vscode.Uri.joinPath(folder, 'broken.mm');
  const demo = vscode.Uri.joinPath(folder, 'demo.mm');

  await step('activation', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
    const wasActive = ext.isActive;
    const started = performance.now();
    await ext.activate();
    return { wasActive, ms: performance.now() - started, version: ext.packageJSON.version };
  });

  await step('languageId', async () => {
    const doc = await vscode.workspace.openTextDocument(broken);
    await vscode.window.showTextDocument(doc);
    return doc.languageId;
  });

  await step('diagnostics', async () => {
    const ours = () => vscode.languages.getDiagnostics(broken).filter((d) => d.source !== 'minimega run');
    const diags = ours().length
      ? ours()
      : await new Promise((resolve) => {
          const sub = vscode.languages.onDidChangeDiagnostics(() => {
            if (ours().length) {
              sub.dispose();
              resolve(ours());
            }
          });
        });
    return diags.map((d) => ({
      line: d.range.start.line,
      character: d.range.start.character,
      endCharacter: d.range.end.character,
      message: d.message,
      source: d.source,
      code: typeof d.code === 'object' && d.code ? d.code.value : d.code,
      severity: vscode.DiagnosticSeverity[d.severity],
    }));
  });

  await step('completion', async () => {
    // The empty last line of broken.mm: a command is expected there.
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', broken, new vscode.Position(3, 0));
    return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  });

  await step('hover', async () => {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', broken, new vscode.Position(0, 10));
    return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
  });

  await step('commandReference', async () => {
    const doc = await vscode.commands.executeCommand('minimega.showCommandReference');
    const text = doc ? doc.getText() : '';
    return {
      uri: doc && doc.uri.toString(),
      languageId: doc && doc.languageId,
      isDirty: doc && doc.isDirty,
      length: text.length,
      head: text.slice(0, 200),
      hasVmLaunch: text.includes('vm launch'),
    };
  });

  await step('runScript', async () => {
    const r = await vscode.commands.executeCommand('minimega.runScript', demo);
    if (!r) throw new Error('minimega.runScript returned nothing');
    const diags = vscode.languages.getDiagnostics(demo).filter((d) => d.source === 'minimega run');
    return { exitCode: r.exitCode, errors: r.errors, transcript: r.transcript, transcriptHead: r.transcript.slice(0, 400), runDiagnostics: diags.map((d) => d.range.start.line) };
  }, 60000);

  await step('runScriptOnCluster', async () => {
    const r = await vscode.commands.executeCommand('minimega.runScriptOnCluster', demo, 3);
    if (!r) throw new Error('minimega.runScriptOnCluster returned nothing');
    return { exitCode: r.exitCode, errors: r.errors, placements: r.placements };
  }, 60000);

  await step('runScriptOnMinimega', async () => {
    const r = await vscode.commands.executeCommand('minimega.runScriptOnMinimega', demo);
    if (!r) throw new Error('minimega.runScriptOnMinimega returned nothing');
    const diags = vscode.languages.getDiagnostics(demo).filter((d) => d.source === 'minimega run');
    return { socket: r.socket, exitCode: r.exitCode, errors: r.errors, transcript: r.transcript, runDiagnostics: diags.map((d) => d.range.start.line) };
  }, 60000);

  // Leave a clean window for the UI part of the test.
  await step('cleanup', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  }, 10000);
  res.totalMs = Date.now() - t0;
  // Written then renamed, so the runner never reads half a file.
  fs.writeFileSync(`${out}.tmp`, JSON.stringify(res, null, 2));
  fs.renameSync(`${out}.tmp`, out);
};
