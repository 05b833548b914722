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
  const renderer = vscode.Uri.joinPath(folder, 'Renderer.mm');
  const top31 = vscode.Uri.joinPath(folder, 'top31.mm');
  const newer = vscode.Uri.joinPath(folder, 'newer.mm');
  const cluster = vscode.Uri.joinPath(folder, 'cluster.mm');
  /** The extension's files in the extension host's module cache (what has been loaded so far). */
  const loadedOfExtension = () => {
    const root = vscode.extensions.getExtension(EXTENSION_ID).extensionPath;
    return Object.keys(require.cache)
      .filter((f) => f.startsWith(`${root}/`))
      .map((f) => f.slice(root.length + 1))
      .sort();
  };
  const webviewTabs = () =>
    vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).map((t) => ({ label: t.label, viewType: t.input.viewType }));
  const mine = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mm');
  /** Waits until `test` holds for the server's diagnostics of `uri`, or `ms` pass (then returns what is there). */
  const settled = (uri, test, ms = 20000) =>
    new Promise((resolve) => {
      if (test(mine(uri))) return resolve(mine(uri));
      const timer = setTimeout(() => (sub.dispose(), resolve(mine(uri))), ms);
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        if (test(mine(uri))) {
          clearTimeout(timer);
          sub.dispose();
          resolve(mine(uri));
        }
      });
    });
  const hoverText = async (uri, pos) =>
    (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos)).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  const labelsAt = async (uri, pos) =>
    (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, pos)).items
      .filter((i) => i.kind !== vscode.CompletionItemKind.Snippet)
      .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

  await step('activation', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
    const wasActive = ext.isActive;
    const started = performance.now();
    await ext.activate();
    return { wasActive, ms: performance.now() - started, version: ext.packageJSON.version };
  });

  // What activation loaded of the extension: the thin client only, not the simulator or a view.
  await step('activationLoads', async () => loadedOfExtension());

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

  await step('objectiveCpp', async () => {
    const doc = await vscode.workspace.openTextDocument(renderer);
    // A hover is a round trip to the server: once it is answered, the open has been handled.
    const hover = await hoverText(renderer, new vscode.Position(5, 2));
    return { languageId: doc.languageId, diagnostics: mine(renderer).length, hover };
  });

  await step('dialect31', async () => {
    await vscode.workspace.openTextDocument(top31);
    await hoverText(top31, new vscode.Position(4, 1));
    return {
      diagnostics: mine(top31).map((d) => d.message),
      completion: await labelsAt(top31, new vscode.Position(4, 4)),
      hover: await hoverText(top31, new vscode.Position(4, 4)),
    };
  });

  await step('quickFixDirective', async () => {
    await vscode.workspace.openTextDocument(newer);
    const before = await settled(newer, (ds) => ds.length > 0);
    const hint = before.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'match/other-dialect');
    if (!hint) throw new Error(`no match/other-dialect hint: ${JSON.stringify(before.map((d) => d.message))}`);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', newer, hint.range);
    const fix = actions.find((a) => a.title.includes('# minimega: 3.1'));
    if (!fix) throw new Error(`no directive fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    await vscode.workspace.applyEdit(fix.edit);
    const after = await settled(newer, (ds) => ds.length === 0);
    const doc = await vscode.workspace.openTextDocument(newer);
    const firstLine = doc.lineAt(0).text;
    // The workspace is the runner's copy: saving keeps a dirty editor from asking questions later.
    await doc.save();
    return { hint: hint.message, title: fix.title, firstLine, after: after.length };
  });

  await step('editorHelp', async () => {
    // Workspace symbols cover the scripts open in the editor.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(demo), { preview: false });
    const hover = await hoverText(demo, new vscode.Position(5, 4));
    const errorLineHover = await hoverText(demo, new vscode.Position(13, 1));
    const ranked = await labelsAt(demo, new vscode.Position(6, 0));
    const wordBased = vscode.workspace.getConfiguration('editor', { languageId: 'minimega' }).get('wordBasedSuggestions');
    const snippetsPlaced = vscode.workspace.getConfiguration('editor', { languageId: 'minimega' }).get('snippetSuggestions');
    const symbols = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'web');
    const edits = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', demo, { tabSize: 2, insertSpaces: true });
    return {
      hover,
      errorLineHover,
      ranked: ranked.slice(0, 5),
      snippetsPlaced,
      wordBased,
      symbols: symbols.map((s) => `${s.name}@${s.location.uri.path.split('/').pop()}`),
      formatEdits: (edits || []).length,
    };
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
    return {
      exitCode: r.exitCode,
      errors: r.errors,
      transcript: r.transcript,
      transcriptHead: r.transcript.slice(0, 400),
      runDiagnostics: diags.map((d) => d.range.start.line),
      runMessages: diags.map((d) => `${vscode.DiagnosticSeverity[d.severity]} ${d.message}`),
    };
  }, 60000);

  await step('runScriptOnCluster', async () => {
    const r = await vscode.commands.executeCommand('minimega.runScriptOnCluster', demo, 3);
    if (!r) throw new Error('minimega.runScriptOnCluster returned nothing');
    return { exitCode: r.exitCode, errors: r.errors, placements: r.placements };
  }, 60000);

  await step('placementView', async () => {
    const first = await vscode.commands.executeCommand('minimega.runScriptOnCluster', cluster, 3);
    if (!first) throw new Error('minimega.runScriptOnCluster returned nothing');
    const waitForTab = () =>
      new Promise((resolve, reject) => {
        // The panel of the cluster run before may still be there: this run's is titled with its script.
        const found = () => webviewTabs().filter((t) => t.label === 'VM placement: cluster.mm');
        if (found().length > 0) return resolve(found());
        const timer = setTimeout(() => (sub.dispose(), reject(new Error(`no placement tab among ${JSON.stringify(webviewTabs())}`))), 20000);
        const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
          if (found().length > 0) {
            clearTimeout(timer);
            sub.dispose();
            resolve(found());
          }
        });
      });
    const tabsAfterFirst = await waitForTab();
    // A second run redraws the same panel.
    const second = await vscode.commands.executeCommand('minimega.runScriptOnCluster', cluster, 3);
    const tabsAfterSecond = webviewTabs().filter((t) => t.viewType.endsWith('minimega.placement'));
    return {
      after: loadedOfExtension(),
      tabsAfterFirst,
      tabsAfterSecond,
      placement: first.placement,
      samePlacement: JSON.stringify(first.placement.nodes) === JSON.stringify(second.placement.nodes),
    };
  }, 60000);

  await step('runScriptOnMinimega', async () => {
    const r = await vscode.commands.executeCommand('minimega.runScriptOnMinimega', demo);
    if (!r) throw new Error('minimega.runScriptOnMinimega returned nothing');
    const diags = vscode.languages.getDiagnostics(demo).filter((d) => d.source === 'minimega run');
    return { socket: r.socket, exitCode: r.exitCode, errors: r.errors, transcript: r.transcript, runDiagnostics: diags.map((d) => d.range.start.line) };
  }, 60000);

  await step('clusterHosts', async () => {
    // A script written for a cluster whose nodes are ccc1..ccc4 (nsmod add-host ccc[1-4]).
    const hosts = vscode.Uri.joinPath(folder, 'cluster-hosts.mm');
    const counted = await vscode.commands.executeCommand('minimega.runScriptOnCluster', hosts, 3);
    const named = await vscode.commands.executeCommand('minimega.runScriptOnCluster', hosts, ['ccc1', 'ccc2', 'ccc3', 'ccc4']);
    if (!counted || !named) throw new Error('minimega.runScriptOnCluster returned nothing');
    const full = await vscode.commands.executeCommand('minimega.showFullRunOutput');
    return {
      counted: { exitCode: counted.exitCode, errors: counted.errors, hint: counted.hint },
      named: { exitCode: named.exitCode, errors: named.errors, placements: named.placements, transcript: named.transcript, display: named.display },
      fullOutput: full ? full.getText() : '',
    };
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
