/**
 * The VM placement view's model and page (vscode-extension/src/placement-model.ts,
 * placement-html.ts): report in, columns and escaped HTML out; big clusters
 * list a bounded number of VMs and count the rest.
 */
import { describe, expect, it } from 'vitest';
import type { PlacementReport } from '../../interpreter/placement-report.js';
import { escapeHtml, renderPlacementHtml } from '../../vscode-extension/src/placement-html.js';
import { listedPerNode, MAX_LISTED_VMS, placementModel } from '../../vscode-extension/src/placement-model.js';

const RUN = { label: 'lab.mm', exitCode: 0, errors: 0 };
const SECURITY = { nonce: 'n0nce' };

const REPORT: PlacementReport = {
  nodes: [
    { host: 'n1', vms: [{ name: 'solo', namespace: '', state: 'BUILDING' }] },
    {
      host: 'n2',
      vms: [
        { name: 'web1', namespace: 'lab', state: 'RUNNING' },
        { name: 'db', namespace: 'other', state: 'ERROR' },
        { name: 'web2', namespace: 'lab', state: 'BUILDING' },
      ],
    },
    { host: 'n3', vms: [] },
  ],
  namespaces: [
    {
      name: 'lab',
      hosts: ['n2', 'n3'],
      queued: [{ host: 'n1', vms: 3, names: ['spare1', 'spare2'] }],
      schedules: [
        { host: 'n1', start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:00:01.000Z', state: 'completed', launched: 2, failures: 0, total: 2, hosts: 2 },
      ],
    },
    { name: 'other', hosts: ['n2'], queued: [], schedules: [] },
  ],
};

/** The text of the page without its markup, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
    .replace(/\s+/g, ' ');
}

/** One node's column of the page. */
function column(html: string, host: string): string {
  const m = new RegExp(`<section class="node"[^>]*data-host="${host}"[\\s\\S]*?</section>`).exec(html);
  if (!m) throw new Error(`no column for ${host}`);
  return m[0];
}

describe('placement model', () => {
  it('groups each node’s VMs by namespace, in the order they first appear, with counts per state', () => {
    const m = placementModel(REPORT);
    expect(m.vms).toBe(4);
    expect(m.queued).toBe(3);
    expect(m.columns.map((c) => [c.host, c.total])).toEqual([
      ['n1', 1],
      ['n2', 3],
      ['n3', 0],
    ]);
    expect(m.columns[1]!.groups).toEqual([
      {
        namespace: 'lab',
        total: 2,
        states: [
          ['RUNNING', 1],
          ['BUILDING', 1],
        ],
        listed: [REPORT.nodes[1]!.vms[0], REPORT.nodes[1]!.vms[2]],
      },
      { namespace: 'other', total: 1, states: [['ERROR', 1]], listed: [REPORT.nodes[1]!.vms[1]] },
    ]);
  });

  it('lists at most MAX_LISTED_VMS VMs over the whole cluster (100 per node at most, 5 at least)', () => {
    expect(listedPerNode(1)).toBe(100);
    expect(listedPerNode(100)).toBe(MAX_LISTED_VMS / 100);
    expect(listedPerNode(1000)).toBe(5);
    // 100 nodes × 1,000 VMs in two namespaces.
    const big: PlacementReport = {
      nodes: Array.from({ length: 100 }, (_, i) => ({
        host: `n${i + 1}`,
        vms: Array.from({ length: 1000 }, (_, j) => ({ name: `vm${i}-${j}`, namespace: j % 2 === 0 ? 'a' : 'b', state: 'BUILDING' as const })),
      })),
      namespaces: [],
    };
    const m = placementModel(big);
    const listed = m.columns.flatMap((c) => c.groups.flatMap((g) => g.listed));
    expect(listed.length).toBeLessThanOrEqual(MAX_LISTED_VMS);
    expect(m.columns[0]!.groups.map((g) => [g.namespace, g.total, g.listed.length])).toEqual([
      ['a', 500, 10],
      ['b', 500, 10],
    ]);
    const html = renderPlacementHtml(big, RUN, SECURITY);
    expect(text(column(html, 'n1'))).toContain('500 VMs: 500 BUILDING');
    expect(text(column(html, 'n1'))).toContain('and 490 more');
    expect(text(html)).toContain('Each column lists its first 20 VMs by name');
    // The page grows with the nodes, not with the VMs.
    const bigger = renderPlacementHtml({ ...big, nodes: big.nodes.map((n) => ({ ...n, vms: [...n.vms, ...n.vms] })) }, RUN, SECURITY);
    expect(bigger.length - html.length).toBeLessThan(100 * 200);
  });
});

describe('placement page', () => {
  const html = renderPlacementHtml(REPORT, { label: 'lab.mm', exitCode: 1, errors: 2 }, SECURITY);

  it('says what ran and what it left: nodes, VMs launched and queued, the exit code', () => {
    expect(text(html)).toContain('lab.mm on 3 nodes: 4 VMs launched, 3 queued, exit code 1 (2 errors)');
  });

  it('one column per node, headed by its name, its VMs under their namespace with their state', () => {
    const n2 = column(html, 'n2');
    expect(n2).toContain('<h2>n2</h2>');
    expect(text(n2)).toContain('lab 2 VMs: 1 RUNNING, 1 BUILDING web1 RUNNING web2 BUILDING');
    expect(text(n2)).toContain('other 1 VM: 1 ERROR db ERROR');
    expect(text(column(html, 'n1'))).toContain('no namespace 1 VM: 1 BUILDING solo BUILDING');
    expect(text(column(html, 'n3'))).toContain('no VMs');
  });

  it('each namespace with its hosts, its queue of VMs not launched and its scheduler runs', () => {
    expect(text(html)).toContain(
      'lab n2, n3 (2 hosts) 3 VMs queued on n1: spare1, spare2; 1 unnamed completed: 2 of 2 launched, 0 failures, 2 hosts (from n1)',
    );
    expect(text(html)).toContain('other n2 (1 host) none not scheduled');
  });

  it('a strict Content-Security-Policy: no scripts, nothing remote, only its own style element', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n0nce';">`);
    expect(html).toContain('<style nonce="n0nce">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|https?:/i);
    // The theme's colours, not fixed ones.
    expect(html).toContain('var(--vscode-foreground)');
    expect(html).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
  });

  it('escapes every name from the script', () => {
    const evil: PlacementReport = {
      nodes: [{ host: 'h<1>', vms: [{ name: '<img src=x onerror=alert(1)>', namespace: 'a"b&c', state: 'RUNNING' }] }],
      namespaces: [{ name: "</td><script>'x'</script>", hosts: ['h<1>'], queued: [{ host: 'h<1>', vms: 1, names: ['<b>q</b>'] }], schedules: [] }],
    };
    const page = renderPlacementHtml(evil, { label: '<lab>.mm', exitCode: 0, errors: 0 }, SECURITY);
    expect(page).not.toMatch(/<img|<script|<b>|<lab>|<1>/);
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page).toContain('data-namespace="a&#34;b&#38;c"');
    expect(text(page)).toContain('<img src=x onerror=alert(1)> RUNNING');
    expect(text(page)).toContain('1 VM queued on h<1>: <b>q</b>');
    expect(escapeHtml(`&<>"'`)).toBe('&#38;&#60;&#62;&#34;&#39;');
  });
});
