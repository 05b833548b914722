/**
 * The VM placement view's page: a summary of the run, each namespace's
 * hosts, queue (VMs not launched yet) and scheduler runs, then one column
 * per node with its VMs grouped by namespace. Plain text in semantic markup
 * (headings, lists, a table), so screen readers and search read it; the
 * theme's colours through VS Code's CSS variables; a Content-Security-Policy
 * that allows only the page's own style element (no scripts, nothing
 * remote). Every name from the script is escaped. Pure (no `vscode` import).
 */
import type { NamespaceStatus, PlacementReport, ScheduleStatus } from '../../interpreter/placement-report.js';
import { placementModel, type NamespaceGroup, type NodeColumn } from './placement-model.js';

/** Names listed in a sentence before the rest is counted. */
const MAX_NAMES_IN_TEXT = 20;
/** Scheduler runs listed per namespace (the latest). */
const MAX_SCHEDULES = 5;

/** The run the page describes. */
export interface PlacementRun {
  /** The script, as the editor names it. */
  readonly label: string;
  readonly exitCode: number;
  readonly errors: number;
}

/** What the page needs from the webview: its nonce for the style element. */
export interface PageSecurity {
  readonly nonce: string;
}

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The whole page for one run. */
export function renderPlacementHtml(report: PlacementReport, run: PlacementRun, security: PageSecurity): string {
  const model = placementModel(report);
  const nodes = report.nodes.length;
  const summary =
    `${escapeHtml(run.label)} on ${plural(nodes, 'node')}: ${plural(model.vms, 'VM')} launched, ${model.queued} queued, ` +
    `exit code ${run.exitCode}${run.errors > 0 ? ` (${plural(run.errors, 'error')})` : ''}`;
  const limit = model.columns.some((c) => c.total > model.perNode)
    ? `<p class="note">Each column lists its first ${model.perNode} VMs by name and counts the rest by namespace and state.</p>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${escapeHtml(security.nonce)}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>VM placement</title>
<style nonce="${escapeHtml(security.nonce)}">${STYLE}</style>
</head>
<body>
<main>
<h1>VM placement</h1>
<p class="summary">${summary}</p>
${namespacesSection(report.namespaces)}
${limit}
<div class="columns" role="list" aria-label="Nodes">
${model.columns.map(columnHtml).join('\n')}
</div>
</main>
</body>
</html>
`;
}

function namespacesSection(spaces: readonly NamespaceStatus[]): string {
  if (spaces.length === 0) return '<p class="note">No namespaces: every VM was launched outside one.</p>';
  const rows = spaces.map(
    (s) =>
      `<tr data-namespace="${escapeHtml(s.name)}"><th scope="row">${escapeHtml(s.name)}</th><td>${hostsText(s.hosts)}</td>` +
      `<td class="queue">${queueText(s)}</td><td class="schedule">${schedulesText(s.schedules)}</td></tr>`,
  );
  return `<section class="spaces" aria-label="Namespaces">
<h2>Namespaces</h2>
<table>
<thead><tr><th scope="col">Namespace</th><th scope="col">Hosts</th><th scope="col">Queued (not launched)</th><th scope="col">Scheduler runs</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

function hostsText(hosts: readonly string[]): string {
  return `${escapeHtml(someNames(hosts))} (${plural(hosts.length, 'host')})`;
}

function queueText(s: NamespaceStatus): string {
  if (s.queued.length === 0) return 'none';
  return s.queued
    .map((q) => {
      const unnamed = q.vms - q.names.length;
      const names = [q.names.length > 0 ? someNames(q.names) : '', unnamed > 0 ? `${unnamed} unnamed` : ''].filter((x) => x !== '').join('; ');
      return `${plural(q.vms, 'VM')} queued on ${escapeHtml(q.host)}: ${escapeHtml(names)}`;
    })
    .join('<br>');
}

function schedulesText(schedules: readonly ScheduleStatus[]): string {
  if (schedules.length === 0) return 'not scheduled';
  const shown = schedules.slice(-MAX_SCHEDULES);
  const earlier = schedules.length - shown.length;
  const lines = shown.map(
    (s) =>
      `${escapeHtml(s.state)}: ${s.launched} of ${s.total} launched, ${plural(s.failures, 'failure')}, ${plural(s.hosts, 'host')} (from ${escapeHtml(s.host)})`,
  );
  return [...(earlier > 0 ? [`${plural(earlier, 'earlier run')} not shown`] : []), ...lines].join('<br>');
}

function columnHtml(c: NodeColumn): string {
  const groups = c.groups.length === 0 ? '<p class="empty">no VMs</p>' : c.groups.map(groupHtml).join('\n');
  return `<section class="node" role="listitem" data-host="${escapeHtml(c.host)}" aria-label="${escapeHtml(c.host)}: ${plural(c.total, 'VM')}">
<h2>${escapeHtml(c.host)}</h2>
<p class="count">${plural(c.total, 'VM')}</p>
${groups}
</section>`;
}

function groupHtml(g: NamespaceGroup): string {
  const title = g.namespace === '' ? '<h3 class="none">no namespace</h3>' : `<h3>${escapeHtml(g.namespace)}</h3>`;
  const states = g.states.map(([state, n]) => `${n} ${escapeHtml(state)}`).join(', ');
  const items = g.listed.map(
    (vm) => `<li><span class="name">${escapeHtml(vm.name)}</span> <span class="state s-${stateClass(vm.state)}">${escapeHtml(vm.state)}</span></li>`,
  );
  const more = g.total - g.listed.length;
  return `<div class="ns" data-namespace="${escapeHtml(g.namespace)}">
${title}
<p class="states">${plural(g.total, 'VM')}: ${states}</p>
<ul>${items.join('')}</ul>${more > 0 ? `\n<p class="more">and ${more} more</p>` : ''}
</div>`;
}

/** A state as a class name: minimega's states are upper-case words. */
function stateClass(state: string): string {
  return state.toLowerCase().replace(/[^a-z]/g, '');
}

/** The first names of a list, then how many more. */
function someNames(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMES_IN_TEXT).join(', ');
  return names.length > MAX_NAMES_IN_TEXT ? `${shown} and ${names.length - MAX_NAMES_IN_TEXT} more` : shown;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

// Colours and fonts are the theme's (VS Code sets these variables on the page).
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 12px 12px; }
h1 { font-size: 1.3em; margin: 12px 0 4px; }
h2 { font-size: 1.1em; margin: 0 0 4px; }
.spaces h2 { margin-top: 12px; }
h3 { font-size: 1em; margin: 8px 0 2px; color: var(--vscode-textLink-foreground); }
h3.none { font-style: italic; color: var(--vscode-descriptionForeground); }
.summary, .note, .count, .states, .more, .empty { color: var(--vscode-descriptionForeground); margin: 2px 0; }
table { border-collapse: collapse; margin: 4px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
.columns { display: flex; gap: 8px; overflow-x: auto; align-items: flex-start; padding-bottom: 8px; }
.node { flex: 0 0 11em; max-height: 70vh; overflow-y: auto; padding: 6px 8px; border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); border-radius: 4px; background: var(--vscode-sideBar-background, transparent); }
ul { list-style: none; margin: 0; padding: 0; }
li { display: flex; justify-content: space-between; gap: 6px; padding: 1px 0; }
.name { font-family: var(--vscode-editor-font-family); overflow-wrap: anywhere; }
.state { font-size: 0.85em; color: var(--vscode-descriptionForeground); }
.s-running { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.s-error { color: var(--vscode-errorForeground); }
.s-paused { color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); }
`;
