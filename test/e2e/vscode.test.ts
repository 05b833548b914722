/**
 * Acceptance of the VS Code extension in a real VS Code: runs
 * test/e2e/vscode/run-e2e.mjs (code-server 4.100.3 + Debian chromium +
 * playwright-core, installed by scripts/e2e/install-code-server.sh) and checks
 * what the probe extension and the page test saw. Skips with a notice when the
 * tools are not installed (or MM_SKIP_E2E=1), so the suite stays fast there.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/shared.js';
import { findTools } from './vscode/tools.mjs';

interface Step<T = unknown> {
  readonly ok: boolean;
  readonly ms: number;
  readonly data?: T;
  readonly error?: string;
}

interface E2eResult {
  readonly ok: boolean;
  readonly vsix: { readonly path: string; readonly bytes: number };
  // biome-ignore lint/suspicious/noExplicitAny: the probe's steps carry JSON of many shapes
  readonly probe: { readonly ok: boolean; readonly steps: Record<string, Step<any>> } | null;
  readonly ui: Record<string, Step>;
  readonly errors: string[];
}

const tools = findTools();
const skipReason =
  process.env.MM_SKIP_E2E === '1'
    ? 'MM_SKIP_E2E=1'
    : tools.missing.length > 0
      ? `missing ${tools.missing.join(', ')} (install: bash scripts/e2e/install-code-server.sh)`
      : '';
if (skipReason) console.warn(`notice: VS Code e2e skipped: ${skipReason}`);

const RUN_TIMEOUT_MS = 330_000;

/** Runs the e2e runner; its own deadline is 300 s, this one is the backstop. */
function runE2e(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'test/e2e/vscode/run-e2e.mjs')], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // SIGTERM lets the runner take code-server's process group down with it.
    const timer = setTimeout(() => child.kill('SIGTERM'), RUN_TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe.skipIf(skipReason !== '')('VS Code extension in code-server (e2e)', () => {
  let result: E2eResult;
  let output = '';

  beforeAll(async () => {
    const r = await runE2e();
    output = r.output;
    const file = join(repoRoot, 'test-results/vscode-e2e.json');
    if (!existsSync(file)) throw new Error(`the e2e runner wrote no result (exit ${r.code}):\n${output}`);
    result = JSON.parse(readFileSync(file, 'utf8')) as E2eResult;
  }, RUN_TIMEOUT_MS + 30_000);

  // biome-ignore lint/suspicious/noExplicitAny: the probe's steps carry JSON of many shapes
  const probe = (name: string): Step<any> => {
    const s = result.probe?.steps[name];
    if (!s) throw new Error(`probe step ${name} missing; runner output:\n${output}`);
    if (!s.ok) throw new Error(`probe step ${name} failed: ${s.error}`);
    return s;
  };

  // biome-ignore lint/suspicious/noExplicitAny: the page steps carry JSON of many shapes
  const page = (name: string): any => {
    const s = result.ui[name];
    if (!s) throw new Error(`page step ${name} missing; runner output:\n${output}`);
    if (!s.ok) throw new Error(`page step ${name} failed: ${s.error}`);
    return s.data;
  };

  test('the runner finished without errors', () => {
    expect(result.errors, output).toEqual([]);
  });

  test('the .vsix is under 2 MB and carries no node_modules', () => {
    expect(result.vsix.bytes).toBeLessThan(2 * 1024 * 1024);
    const bytes = readFileSync(result.vsix.path);
    // Zip entry names are stored uncompressed.
    expect(bytes.includes('extension/node_modules/')).toBe(false);
    expect(bytes.includes('extension/dist/server.js')).toBe(true);
  });

  test('the probe finds the extension not yet active and activates it (its time is a bench figure, not asserted)', () => {
    const s = probe('activation');
    expect(s.data.wasActive).toBe(false);
    expect(s.data.version).toBe(JSON.parse(readFileSync(join(repoRoot, 'vscode-extension/package.json'), 'utf8')).version);
  });

  test('a .mm file gets the minimega language id', () => {
    expect(probe('languageId').data).toBe('minimega');
  });

  test('our server reports the broken line', () => {
    const diags = probe('diagnostics').data as { line: number; message: string; code: string; severity: string }[];
    const d = diags.find((x) => x.line === 1);
    expect(d, JSON.stringify(diags)).toBeDefined();
    expect(d!.code).toBe('match/unknown-command');
    expect(d!.message).toContain('bogus_cmd');
    expect(d!.severity).toBe('Error');
  });

  test('completion offers the catalog commands', () => {
    const labels = probe('completion').data as string[];
    expect(labels).toEqual(expect.arrayContaining(['vm', 'vlans', 'namespace', '.columns']));
  });

  test('hover shows the catalog doc', () => {
    const text = (probe('hover').data as string[]).join('\n');
    expect(text).toContain('vm config memory');
  });

  test('an Objective-C++ .mm file gets no minimega diagnostics or hover', () => {
    const d = probe('objectiveCpp').data;
    expect(d.diagnostics).toBe(0);
    expect(d.hover).toBe('');
  });

  test('a file with the 3.1 directive is checked, completed and hovered as 3.1', () => {
    const d = probe('dialect31').data;
    expect(d.diagnostics).toEqual([]);
    expect(d.completion).toContain('top');
    expect(d.hover).toContain('New since minimega 2.3');
  });

  test('a 3.1 command in a 2.3 file: the hint, the quick fix that adds the directive, then no errors', () => {
    const d = probe('quickFixDirective').data;
    expect(d.hint).toContain('is a minimega 3.1 command');
    expect(d.title).toContain('# minimega: 3.1');
    expect(d.firstLine).toBe('# minimega: 3.1');
    expect(d.after).toBe(0);
  });

  test('short hovers with a reference link, hovers on error lines, ranked completion, no word-based suggestions, symbols, formatting', () => {
    const d = probe('editorHelp').data;
    expect(d.hover).toContain('](command:minimega.showCommandReference)');
    expect(d.hover).not.toContain('Namespaces:');
    expect(d.errorLineHover).toContain('vm');
    expect(d.ranked[0]).toBe('vm');
    expect(d.wordBased).toBe('off');
    expect(d.symbols).toEqual(expect.arrayContaining(['web1@demo.mm', 'web2@demo.mm']));
    expect(d.formatEdits).toBe(0);
  });

  test('Show Command Reference opens the generated reference, read-only', () => {
    const d = probe('commandReference').data;
    expect(d.hasVmLaunch).toBe(true);
    expect(d.isDirty).toBe(false);
    expect(d.languageId).toBe('markdown');
  });

  test('Run Script runs the file on the bundled simulator and links the error to its line', () => {
    const d = probe('runScript').data;
    expect(d.transcriptHead).toContain('## vm config memory 2048');
    expect(d.exitCode).toBe(1);
    expect(d.errors).toEqual([{ line: 14, message: expect.stringContaining('vm lanch') }]);
    expect(d.runDiagnostics).toEqual([13]);
    // A run's result, not a problem the checker found.
    expect(d.runMessages).toEqual([expect.stringMatching(/^Information Last run: .*vm lanch/)]);
  });

  test('Run Script on a Simulated Cluster reports where every VM landed', () => {
    const d = probe('runScriptOnCluster').data as { placements: { host: string; vms: string[] }[] };
    const vms = d.placements.flatMap((p) => p.vms).sort();
    expect(vms).toEqual(['db', 'web1', 'web2']);
  });

  test('activation loads the thin client only: not the simulator, the server or the placement view', () => {
    const loaded = probe('activationLoads').data as string[];
    expect(loaded).toContain('dist/extension.js');
    for (const heavy of ['dist/simulator.js', 'dist/placement-panel.js', 'dist/server.js']) expect(loaded).not.toContain(heavy);
  });

  test('a cluster run opens one VM placement view, loaded then, and redraws it after the next run', () => {
    const d = probe('placementView').data;
    expect(d.after).toContain('dist/placement-panel.js');
    expect(d.tabsAfterFirst).toEqual([{ label: 'VM placement: cluster.mm', viewType: expect.stringMatching(/minimega\.placement$/) }]);
    expect(d.tabsAfterSecond).toHaveLength(1);
  });

  test('the VM placement view shows the nodes as columns, each VM under its node and namespace, the queue and the scheduler run', () => {
    const ui = result.ui['placement view'];
    expect(ui?.ok, ui?.error).toBe(true);
    // biome-ignore lint/suspicious/noExplicitAny: the page step's JSON
    const view = ui!.data as any;
    const placement = probe('placementView').data.placement as {
      nodes: { host: string; vms: { name: string; namespace: string; state: string }[] }[];
    };
    expect(view.proposed).toBe('3');
    expect(view.tab).toContain('VM placement: cluster.mm');
    expect(view.title).toBe('VM placement');
    expect(view.csp).toMatch(/^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]{16,}';$/);
    expect(view.summary).toMatch(/^cluster\.mm on 3 nodes: 5 VMs launched, 2 queued, exit code 0/);
    // What the page shows is what the run reported, node by node and namespace by namespace.
    const expected = placement.nodes.map((n) => ({
      host: n.host,
      groups: [...new Set(n.vms.map((v) => v.namespace))].map((ns) => ({
        namespace: ns === '' ? 'no namespace' : ns,
        vms: n.vms.filter((v) => v.namespace === ns).map((v) => `${v.name} ${v.state}`),
      })),
    }));
    expect(view.columns).toEqual(expected);
    expect(view.columns.map((c: { host: string }) => c.host)).toEqual(['n1', 'n2', 'n3']);
    // The script: web1 started, solo launched outside the namespace, db1 and db2 queued and never launched.
    const all = view.columns.flatMap((c: { groups: { namespace: string; vms: string[] }[] }) =>
      c.groups.flatMap((g) => g.vms.map((v) => `${g.namespace}/${v}`)),
    );
    expect(all.sort()).toEqual(['lab/web1 RUNNING', 'lab/web2 BUILDING', 'lab/web3 BUILDING', 'lab/web4 BUILDING', 'no namespace/solo BUILDING']);
    const lab = (view.namespaces as string[][]).find((r) => r[0] === 'lab');
    expect(lab?.[2]).toContain('2 VMs queued on n1: db1, db2');
    expect(lab?.[3]).toContain('completed: 4 of 4 launched, 0 failures');
    expect(view.focus).toContain('cluster.mm');
    // Run again on two nodes: the same panel is redrawn in place.
    const again = result.ui['placement view redrawn'];
    expect(again?.ok, again?.error).toBe(true);
    expect(again!.data).toEqual({ hosts: ['n1', 'n2'], tabs: 1, frames: 1 });
    const shot = join(repoRoot, 'test-results/vscode-e2e-placement.png');
    expect(existsSync(shot) && statSync(shot).size > 10_000).toBe(true);
  });

  test('Run Script on minimega runs the file over the socket of `minimega.socket`, as the simulator would', () => {
    const d = probe('runScriptOnMinimega').data;
    expect(d.socket).toMatch(/\/mm\/minimega$/);
    // The node behind the socket is named as Run Script's node and starts as empty: the same transcript.
    expect(d.transcript).toBe(probe('runScript').data.transcript);
    expect(d.exitCode).toBe(1);
    expect(d.errors).toEqual([{ line: 14, message: expect.stringContaining('vm lanch') }]);
    expect(d.runDiagnostics).toEqual([13]);
  });

  test('the page shows the squiggle, the hover, the completion widget and the run output', () => {
    for (const [name, s] of Object.entries(result.ui)) expect(s.ok, `${name}: ${s.error}`).toBe(true);
    expect(Object.keys(result.ui)).toEqual(
      expect.arrayContaining([
        'squiggle (broken.mm)',
        'hover on the diagnostic',
        'completion widget',
        'run script from the command palette',
        'status bar dialect',
        'objective-c++ file',
      ]),
    );
    const shot = join(repoRoot, 'test-results/vscode-e2e.png');
    expect(existsSync(shot) && statSync(shot).size > 10_000).toBe(true);
  });

  test('a script written for hosts ccc1..ccc4: the cluster run proposes them, unknown host names the setting', () => {
    const d = probe('clusterHosts').data;
    // n1..n3 are not the script's hosts: minimega's error, then our hint naming the setting.
    expect(d.counted.errors[0]).toEqual({ line: 3, message: 'unknown host: `ccc1`' });
    expect(d.counted.hint).toContain('minimega.run.clusterNodes');
    expect(d.counted.hint).toContain('ccc1,ccc2,ccc3,ccc4');
    // Named as the script's hosts, the run works and every VM lands on them.
    expect(d.named.exitCode).toBe(0);
    expect(d.named.placements.map((p: { host: string }) => p.host)).toEqual(['ccc1', 'ccc2', 'ccc3', 'ccc4']);
    const proposed = page('cluster run proposes the script hosts') as { proposed: string; prompt: string };
    expect(proposed.proposed).toBe('ccc1,ccc2,ccc3,ccc4');
    const hinted = page('unknown host names the setting') as { lines: string[]; toast: string };
    // The panel wraps long lines into several view lines: joined, they read as the user reads them.
    const panel = hinted.lines.join('');
    expect(panel).toContain('E: unknown host: `ccc1`');
    expect(panel).toMatch(/# hint: .*minimega\.run\.clusterNodes/);
    expect(hinted.toast).toContain('minimega.run.clusterNodes');
    for (const name of ['cluster-proposed', 'cluster-hint'])
      expect(statSync(join(repoRoot, `test-results/vscode-e2e-${name}.png`)).size).toBeGreaterThan(10_000);
  });

  test("vm info's 35 columns are narrowed in the output panel, with a note; the transcript and the full output stay minimega's text", () => {
    const d = probe('clusterHosts').data;
    const cells = (l: string): string[] => l.split('|').map((c) => c.trim());
    const full = (d.named.transcript as string).split('\n');
    const fullHeader = cells(full[full.indexOf('## vm info') + 1]!);
    expect(fullHeader).toContain('virtio-serial');
    expect(d.fullOutput).toBe(d.named.transcript);
    const lines = (page('accepted hosts run, vm info narrowed') as { lines: string[] }).lines;
    const header = lines.find((l) => /^host\s+\|\s+id\s+\|\s+name/.test(l))!;
    expect(header, lines.join('\n')).toBeDefined();
    expect(cells(header).length).toBeLessThan(fullHeader.length);
    expect(cells(header)).not.toContain('virtio-serial');
    // Under the four rows, the note (wrapped over view lines) naming what is left out and where it is.
    const note = lines.slice(lines.indexOf(header) + 5).join('');
    expect(note.startsWith(`# ${fullHeader.length - cells(header).length} more columns (`)).toBe(true);
    expect(note).toMatch(/^# .*virtio-serial.*\): minimega: Show Full Output of the Last Run/);
    expect(statSync(join(repoRoot, 'test-results/vscode-e2e-vm-info.png')).size).toBeGreaterThan(10_000);
  });

  test("the extension page shows the README's screenshots", () => {
    const d = page('extension page shows the README images') as { images: { alt: string; naturalWidth: number; scheme: string }[]; help: string };
    const readme = readFileSync(join(repoRoot, 'vscode-extension/README.md'), 'utf8');
    const expected = [...readme.matchAll(/!\[([^\]]*)\]\(images\//g)].map((m) => m[1]);
    expect(d.images.map((i) => i.alt)).toEqual(expected);
    for (const image of d.images) expect(image.naturalWidth, image.alt).toBeGreaterThan(0);
    // No public URL for issues or docs: the page names what works offline.
    expect(d.help).toContain('minimega: Show Command Reference');
    expect(statSync(join(repoRoot, 'test-results/vscode-e2e-extension-page.png')).size).toBeGreaterThan(10_000);
  });

  describe("issue #19's items, as the page shows them (test/e2e/vscode/ui-items.mjs)", () => {
    /** A screenshot of the step's state was saved (a blank page is far below 10 kB). */
    const expectShot = (name: string): void => {
      const file = join(repoRoot, `test-results/vscode-e2e-${name}.png`);
      expect(existsSync(file) && statSync(file).size, name).toBeGreaterThan(10_000);
    };
    type Row = { severity: string; text: string };
    const rowWith = (rows: Row[], text: string): Row => {
      const row = rows.find((r) => r.text.includes(text));
      expect(row, `no Problems row with ${text} among ${JSON.stringify(rows)}`).toBeDefined();
      return row!;
    };

    test('item 1: an Objective-C++ .mm gets no squiggle and one quiet notice; a minimega .mm gets its squiggle', () => {
      expect(page('squiggle (broken.mm)')).toBeGreaterThan(0);
      const objc = page('objective-c++ file') as { notice: string; squiggles: number; notices: number };
      expect(objc.squiggles).toBe(0);
      expect(objc.notices).toBe(1);
      expect(objc.notice).toContain('ViewController.mm does not look like a minimega script');
      expectShot('objcxx');
      expect(statSync(join(repoRoot, 'test-results/vscode-e2e.png')).size).toBeGreaterThan(10_000);
    });

    test('item 2: a run result is labelled in the Problems panel, gone on the next edit, one per line on a cluster', () => {
      const d = page('item2 run result labelled, one per line, cleared on edit') as { afterRun: Row[]; afterEdit: Row[]; afterCluster: Row[] };
      expect(d.afterRun).toHaveLength(1);
      expect(d.afterRun[0]!.text).toMatch(/^Last run: .*vm lanch.* minimega run \[Ln 14, Col 1\]$/);
      expect(d.afterRun[0]!.severity).toBe('info');
      expect(d.afterEdit).toEqual([]);
      // Three nodes, one result for the line.
      expect(d.afterCluster).toHaveLength(1);
      expect(d.afterCluster[0]!.text).toMatch(/^Last run: .*vm lanch.*\[Ln 14, Col 1\]$/);
      for (const name of ['item2-run-result', 'item2-cleared', 'item2-cluster-result']) expectShot(name);
    });

    test('item 4: the checks are warnings in the Problems panel; `vm config memory lots` is an error in 3.1', () => {
      const { rows } = page('item4 checks in the problems panel') as { rows: Row[] };
      const at = (code: string, line: number): Row => rowWith(rows, `${code} [Ln ${line},`);
      expect(at('launch/value', 4).severity).toBe('warning');
      expect(at('script/queue-never-launched', 5).severity).toBe('warning');
      const start = at('script/queued-not-launched', 6);
      expect(start.severity).toBe('warning');
      // minimega's own answer to `vm start` on a VM that is only queued.
      expect(start.text).toContain('vm not found');
      expect(at('value/columns', 7).severity).toBe('warning');
      const v31 = at('value/unsigned', 2);
      expect(v31.severity).toBe('error');
      expect(v31.text).toContain('strconv.ParseUint: parsing "lots": invalid syntax');
      expectShot('item4-checks');
    });

    test('item 5: hovers on lines that do not match yet: on `kill`, on `dmz`, on the keyword `kvm`', () => {
      const d = page('item5 hovers on error lines, argument words and keywords') as { kill: string; dmz: string; kvm: string };
      expect(d.kill).toContain('vm kill');
      expect(d.dmz).toContain('<alias>');
      expect(d.kvm).toContain('vm launch');
      expect(d.kvm).toMatch(/kvm <name or count>/);
      for (const name of ['item5-hover-kill', 'item5-hover-dmz', 'item5-hover-kvm']) expectShot(name);
    });

    test('item 6: completion ranked by what users type, never the partial word; no signature help over the list', () => {
      const typed = page('completion widget') as string[];
      expect(typed[0]).toBe('config');
      expect(typed).not.toContain('con');
      const d = page('item6 completion ranked, signature help out of the way') as { rows: string[]; parameterHintsVisible: number };
      expect(d.rows.slice(0, 4)).toEqual(['launch', 'config', 'start', 'info']);
      expect(d.parameterHintsVisible).toBe(0);
      expect(probe('editorHelp').data.wordBased).toBe('off');
      expect(probe('editorHelp').data.snippetsPlaced).toBe('bottom');
      expectShot('item6-completion');
      expectShot('completion');
    });

    test('item 7: a hover on `web[1-4]` names the whole range; a name hover links its definition line, and the link goes there', () => {
      const d = page('item7 range hover and definition link') as { range: string; name: string; linkText: string; href: string; cursor: string };
      expect(d.range).toContain('web[1-4]');
      expect(d.range).toContain('web1, web2, web3, web4');
      // `vm start web2` mentions one VM of the range.
      expect(d.range).toContain('mentioned 1 more time');
      expect(d.name).toContain('web2');
      expect(d.linkText).toBe('line 2');
      expect(d.href).toMatch(/hovers\.mm#L2$/);
      expect(d.cursor).toMatch(/^Ln 2, Col \d+/);
      expectShot('item7-range');
      expectShot('item7-definition-link');
    });

    test('item 8: formatter, snippets from the completion list, dialect item and its click, symbols, file icon, walkthrough', () => {
      const format = page('item8 format document') as { lines: string[] };
      expect(format.lines).toContain('vm config memory 512');
      expectShot('item8-format');

      const snippets = page('item8 snippets from the completion list') as { offered: Record<string, string>; lines: string[] };
      for (const prefix of ['nsblock', 'vmlaunch', 'ccblock']) expect(snippets.offered[prefix]).toContain(prefix);
      const body = snippets.lines.join('\n');
      for (const line of [
        'namespace lab',
        'nsmod add-host localhost',
        'vm launch',
        'clear namespace lab',
        'vm config memory 2048',
        'vm launch kvm vm[1-2]',
        'vm start vm[1-2]',
        'cc filter name=vm1',
        'cc exec hostname',
        'clear cc filter',
      ])
        expect(body).toContain(line);
      expectShot('item8-snippet-list');
      expectShot('item8-snippets');

      const dialect = page('item8 status bar dialect click') as { picks: string[]; after: string; firstLine: string };
      expect(dialect.picks).toEqual(
        expect.arrayContaining([expect.stringContaining('minimega 3.1 for this file'), expect.stringContaining('minimega 2.3 for this file')]),
      );
      expect(dialect.after).toContain('minimega 3.1');
      expect(dialect.firstLine).toBe('# minimega: 3.1');
      expectShot('item8-dialect-pick');
      expectShot('item8-dialect-changed');
      const shown = page('status bar dialect') as { shown31: string; shown23: string };
      expect([shown.shown31, shown.shown23]).toEqual(['minimega 3.1', 'minimega 2.3']);

      const symbols = page('item8 workspace symbols (Ctrl+T)') as { rows: string[] };
      expect(symbols.rows.some((r) => r.includes('web1'))).toBe(true);
      expect(symbols.rows.some((r) => r.includes('web2'))).toBe(true);
      expectShot('item8-symbols');

      const icon = page('item8 file icon') as { image: string };
      expect(icon.image).toContain('file-icon.svg');
      expectShot('item8-file-icon');

      const walkthrough = page('item8 walkthrough') as { title: string; steps: string[] };
      const manifest = JSON.parse(readFileSync(join(repoRoot, 'vscode-extension/package.json'), 'utf8'));
      const declared = manifest.contributes.walkthroughs[0];
      expect(walkthrough.title).toBe(declared.title);
      expect(walkthrough.steps).toEqual(declared.steps.map((st: { title: string }) => st.title));
      expectShot('item8-walkthrough');
    });

    test('item 9: "did you mean" early in the Problems text, "missing terminal" with plain words, quick fixes without backticks, error lines coloured', () => {
      const d = page('item9 problems text, quick fix title, colours') as { rows: Row[]; fixes: string[]; colours: [string, string][] };
      const typo = rowWith(d.rows, 'vm lanch kvm spare');
      expect(typo.text.indexOf('did you mean')).toBeGreaterThan(-1);
      expect(typo.text.indexOf('did you mean')).toBeLessThan(typo.text.indexOf('expected'));
      const quote = rowWith(d.rows, 'missing terminal "');
      expect(quote.text).toMatch(/missing terminal " \(\w[\w ]+\)/);
      expect(d.fixes).toEqual(expect.arrayContaining([expect.stringContaining('Change to "launch"')]));
      for (const title of d.fixes) expect(title).not.toContain('`');
      expect(new Set(d.colours.map(([, c]) => c)).size).toBeGreaterThan(1);
      const rename = page('item9 rename refusal') as { message: string };
      expect(rename.message).toContain('part of a range');
      expect(rename.message).not.toContain('`');
      expectShot('item9-rename');
      // The command reference opens on what a script writer needs: no note for the project's developers.
      const reference = page('command reference') as { heading: string; intro: string };
      expect(reference.intro).toContain('minimega 2.3 and minimega 3.1');
      for (const note of ['do not edit by hand', 'npm run', 'generated']) expect(reference.intro.toLowerCase()).not.toContain(note);
      expectShot('reference');
      expectShot('item9-quick-fix');
      expectShot('item9-problems');
    });
  });
});
