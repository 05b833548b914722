/**
 * A three-node cluster shaped like observed-2.3.md section 11 (mm1 dialled
 * mm2 and mm3: a star), driven from mm1 with annotation off. Expected
 * outputs are 2.3's, with the project's decisions applied.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestMesh, transcript, until, type TestMesh } from './mesh-helpers.js';

let c: TestMesh;
const run = (text: string, node = 'mm1'): Promise<string> => transcript(c.node(node), text);
const nsDetail = (hosts: string, queued = 0): string =>
  `Namespace: "ns1"\nHosts: ${hosts}\nTaps: map[]\nNumber of queuedVMs: ${queued}\n\nSchedules:\nstart end  state launched failures total hosts\n`;

beforeEach(async () => {
  c = await createTestMesh(
    ['mm1', 'mm2', 'mm3'],
    [
      ['mm1', 'mm2'],
      ['mm1', 'mm3'],
    ],
  );
  for (const n of c.nodes) await transcript(n, '.annotate false');
});
afterEach(() => c.close());

describe('namespaces across a cluster (observed 11.1)', () => {
  it('gives a new namespace every mesh peer but not the head', async () => {
    expect(await run('namespace ns1\nnamespace')).toBe(`## namespace ns1\n## namespace\n${nsDetail('mm[2-3]')}`);
  });

  it('prints host sets in range notation, single numbered hosts in brackets', async () => {
    await run('namespace ns1\nnsmod add-host localhost');
    expect(await run('namespace')).toContain('Hosts: mm[1-3]\n');
    await run('nsmod del-host mm2');
    expect(await run('namespace')).toContain('Hosts: mm[1,3]\n');
    await run('nsmod del-host mm1');
    expect(await run('namespace')).toContain('Hosts: mm[3]\n');
    await run('nsmod del-host localhost');
    expect(await run('namespace')).toContain('Hosts: mm[3]\n');
    await run('nsmod del-host all');
    expect(await run('namespace')).toContain('Hosts: \nTaps');
  });

  it('checks nsmod add-host against the mesh', async () => {
    expect(await run('namespace ns1\nnsmod add-host mm9')).toBe('## namespace ns1\n## nsmod add-host mm9\nE: unknown host: `mm9`\n');
    expect(await run('nsmod add-host mm[1-3]\nnamespace')).toContain('Hosts: mm[1-3]\n');
  });

  it('leaves namespace records on the receivers, with their own default hosts', async () => {
    expect(await run('namespace ns1 host name')).toBe('## namespace ns1 host name\nmm2\nmm3\n');
    expect(await run('mesh send all namespace')).toBe('## mesh send all namespace\nNamespaces: [ns1]\n');
    expect(await run('mesh send mm2 namespace ns1 namespace')).toContain('Hosts: mm[1,3]\n');
    expect(await run('mesh send mm3 namespace ns1 namespace')).toContain('Hosts: mm[1-2]\n');
    await run('clear namespace ns1');
    expect(await run('mesh send all clear namespace ns1')).toBe('## mesh send all clear namespace ns1\n');
    expect(await run('mesh send all clear namespace ns1')).toBe('## mesh send all clear namespace ns1\nE: unknown namespace: ns1\nE: unknown namespace: ns1\n');
  });

  it('creates remote records only on hosts in the set at fan-out time', async () => {
    await run('namespace ns2\nnsmod del-host mm3\nhost name\nclear namespace');
    expect(await run('.annotate true mesh send all namespace')).toBe(
      '## .annotate true mesh send all namespace\nmm2: Namespaces: [ns2]\nmm3: Namespaces: []\n',
    );
  });
});

describe('merging replies (observed 11.4)', () => {
  it('compresses identical texts and keeps different ones in host order', async () => {
    expect(await run('.annotate true mesh send all echo hi')).toBe('## .annotate true mesh send all echo hi\nmm[2-3]: hi\n');
    expect(await run('.compress false mesh send all echo hi')).toBe('## .compress false mesh send all echo hi\nhi\nhi\n');
    await run('namespace ns1\nnsmod add-host localhost');
    expect(await run('host name')).toBe('## host name\nmm1\nmm2\nmm3\n');
    expect(await run('host vms')).toBe('## host vms\n0\n');
  });

  it('prefixes only the first line of a multi-line text', async () => {
    expect(await run('.annotate true mesh send all mesh list')).toBe(
      '## .annotate true mesh send all mesh list\nmm[2-3]: mm1\n |--mm2\n |--mm3\nmm2\n |--mm1\nmm3\n |--mm1\n',
    );
  });
});

describe('vm-target filtering (observed 11.5)', () => {
  it('attributes a not-found error to the head, once', async () => {
    await run('namespace ns1');
    expect(await run('vm start nosuch')).toBe('## vm start nosuch\nE: vm not found: nosuch\n');
    expect(await run('.json true vm start nosuch')).toBe(
      '## .json true vm start nosuch\nE: vm not found: nosuch\n[{"Host":"mm1","Response":"","Header":null,"Tabular":null,"Error":"vm not found: nosuch"}]\n',
    );
  });

  it('prints nothing with an empty host set', async () => {
    await run('namespace ns1\nnsmod del-host all');
    expect(await run('vm start nosuch')).toBe('## vm start nosuch\n');
    expect(await run('.json true vm start nosuch')).toBe(
      '## .json true vm start nosuch\n[{"Host":"mm1","Response":"","Header":null,"Tabular":null,"Error":""}]\n',
    );
  });

  it('keeps other errors once per host, and drops not-found where the VM is elsewhere', async () => {
    await run('namespace ns1\nvm launch kvm dup,dup\nvm launch');
    expect(await run('host vms')).toBe('## host vms\n1\n');
    expect(await run('vm kill dup')).toBe('## vm kill dup\n');
    expect(await run('vm kill dup')).toBe('## vm kill dup\nE: VM state error: dup\nE: VM state error: dup\n');
    await run('vm launch kvm solo\nvm launch');
    expect(await run('vm start solo')).toBe('## vm start solo\n');
    expect(await run('.columns name,state .filter name=solo vm info')).toBe('## .columns name,state .filter name=solo vm info\nname | state\nsolo | RUNNING\n');
  });

  it('matches ids on every host (observed 11.6)', async () => {
    await run('namespace ns1\nvm launch kvm 2\nvm launch');
    expect(await run('.columns name vm info')).toBe('## .columns name vm info\nname\nvm-0\nvm-0\n');
    await run('vm kill 0');
    expect(await run('.columns name,state vm info')).toBe('## .columns name,state vm info\nname | state\nvm-0 | QUIT\nvm-0 | QUIT\n');
  });
});

describe('queueing (observed 11.9, 9.5)', () => {
  it('checks names across hosts and against the queue', async () => {
    await run('namespace ns1\nvm launch kvm q1\nvm launch');
    expect(await run('vm launch kvm q1')).toBe('## vm launch kvm q1\nE: vm already exists with name `q1`\n');
    await run('vm launch kvm q3');
    expect(await run('vm launch kvm q3,q9')).toBe('## vm launch kvm q3,q9\nE: vm already queued with name `q3`\n');
    expect(await run('vm launch kvm all')).toBe('## vm launch kvm all\nE: invalid vm name, `all` is a reserved word\n');
    expect(await run('namespace')).toContain('Number of queuedVMs: 1\n');
    // Outside a namespace only the head's VMs count.
    expect(await run('clear namespace\nvm launch kvm q1')).toBe('## clear namespace\n## vm launch kvm q1\n');
  });

  it('refuses a flush with no hosts or nothing queued, keeping the queue', async () => {
    await run('namespace ns1');
    expect(await run('vm launch')).toBe('## vm launch\nE: namespace must contain at least one queued VM to launch VMs\n');
    await run('vm launch kvm a\nnsmod del-host all');
    expect(await run('vm launch')).toBe('## vm launch\nE: namespace must contain at least one host to launch VMs\n');
    expect(await run('namespace')).toContain('Number of queuedVMs: 1\n');
  });

  it('reports failed launches per host (decision 3)', async () => {
    await run('namespace ns1\nnsmod del-host mm3\nvm launch container c1');
    expect(await run('vm launch')).toBe('## vm launch\nE: unable to create container without a configured filesystem\n');
    expect(await run('.annotate true .json true vm launch container c2\n.annotate true vm launch')).toBe(
      '## .annotate true .json true vm launch container c2\n[{"Host":"mm1","Response":"","Header":null,"Tabular":null,"Error":""}]\n' +
        '## .annotate true vm launch\nE: unable to create container without a configured filesystem\n',
    );
    expect(await run('namespace')).toMatch(/completed 0 +1 +1 +1\n[^\n]*completed 0 +1 +1 +1/);
  });
});

describe('outside a namespace and mesh send (observed 11.10, 11.11, 11.14)', () => {
  it('runs everything on the head without a namespace', async () => {
    await run('namespace ns1\nvm launch kvm a[1-3]\nvm launch\nclear namespace');
    expect(await run('host vmsall\nvm info')).toBe('## host vmsall\n0\n## vm info\n');
    // a1, a2 landed on mm2 and a3 on mm3; different texts print in host order.
    expect(await run('mesh send all host vmsall')).toBe('## mesh send all host vmsall\n2\n1\n');
  });

  it("runs mesh send payloads in the receivers' own namespace", async () => {
    await run('namespace ns1\nvm launch kvm a1\nvm launch\nclear namespace');
    await run('vm launch kvm g2', 'mm2');
    expect(await run('namespace ns1 mesh send mm2 .columns name,namespace vm info')).toBe(
      '## namespace ns1 mesh send mm2 .columns name,namespace vm info\nname | namespace\na1   | ns1\ng2   |\n',
    );
    await run('nsmod add-host mm1', 'mm2');
    // `all` inside a namespace is its hosts minus this node.
    await run('namespace ns3\nnsmod del-host all\nnsmod add-host localhost');
    expect(await run('mesh send all host name')).toBe('## mesh send all host name\n');
    expect(await run('mesh send mm2 host name')).toBe('## mesh send mm2 host name\nmm2\n');
  });

  it('rejects what cannot travel and drops unknown hosts', async () => {
    expect(await run('mesh send all namespace ns1 mesh send all echo x')).toBe(
      '## mesh send all namespace ns1 mesh send all echo x\nE: cannot run `namespace ns1 mesh send all echo x` over mesh\n',
    );
    expect(await run('mesh send all read foo.mm')).toBe('## mesh send all read foo.mm\nE: cannot run `read foo.mm` over mesh\n');
    expect(await run('mesh send mm1 echo hi')).toBe('## mesh send mm1 echo hi\nE: cannot mesh send yourself\n');
    expect(await run('mesh send mm1,mm2 host name')).toBe('## mesh send mm1,mm2 host name\nmm2\n');
    expect(await run('mesh send mm2,nosuch host name')).toBe('## mesh send mm2,nosuch host name\nmm2\n');
    expect(await run('mesh send nosuch host name')).toBe('## mesh send nosuch host name\n');
  });
});

describe('VLAN aliases (observed 11.12)', () => {
  it('broadcasts aliases to the namespace hosts; clear frees them on the head only', async () => {
    await run('namespace ns1\nnsmod add-host localhost\nvm config net web');
    await run('nsmod del-host mm3\nvm config net app\nclear namespace');
    await run('vm config net db');
    // Alias broadcasts are fire-and-forget (best effort: nobody waits for the answers): wait for them to land.
    await until(() => c.nodes.every((n) => n.vlans.aliasRows('').some((r) => r.includes('db'))));
    const rows = (n: string): Promise<string> => run('.columns namespace,alias vlans', n);
    const want = (aliases: string[]): string => `## .columns namespace,alias vlans\nnamespace | alias\n${aliases.join('\n')}\n`;
    expect(await rows('mm2')).toBe(want(['          | db', 'ns1       | app', 'ns1       | web']));
    expect(await rows('mm3')).toBe(want(['          | db', 'ns1       | web']));
    await run('clear namespace ns1');
    expect(await rows('mm1')).toBe(want(['          | db']));
    expect(await rows('mm2')).toBe(want(['          | db', 'ns1       | app', 'ns1       | web']));
  });
});

describe('history on receivers (observed 11.13)', () => {
  it('records user payloads by their Record flag and fan-out payloads nowhere', async () => {
    await run('namespace ns1\nvm info\nclear namespace\nnamespace ns1 vm info\nmesh send mm2 echo direct');
    expect(await run('history')).toBe(
      '## history\n.annotate false\nnamespace ns1\nvm info\nclear namespace\nvm info\nnamespace ns1 vm info\nmesh send mm2 echo direct\n',
    );
    expect(await run('.annotate true mesh send all history')).toBe(
      '## .annotate true mesh send all history\nmm2: .annotate false\necho direct\nmm3: .annotate false\n',
    );
    // The `history` sent inside `.annotate` is not recorded on mm3: a builtin sends its command with recording off.
    await run('mesh send mm3 echo recorded');
    expect(await run('history', 'mm3')).toBe('## history\n.annotate false\necho recorded\n');
  });

  it.each(['.record false', '.annotate true', '.csv true', '.compress false'])(
    'does not record a command sent by a mesh send inside `%s` (2.3 sends it with recording off)',
    async (builtin) => {
      await run(`${builtin} mesh send mm2 echo x`);
      await run(`${builtin} mesh send all echo y`);
      await run('mesh send mm2 echo z');
      expect(await run('history', 'mm2')).toBe('## history\n.annotate false\necho z\n');
      expect(await run('history', 'mm3')).toBe('## history\n.annotate false\n');
      // The wrapping line itself is recorded on the sender as typed (unless `.record false` says not to).
      const mine = await run('history');
      expect(mine.includes(`${builtin} mesh send mm2 echo x`)).toBe(builtin !== '.record false');
    },
  );
});

describe('mesh commands (observed 10, 11.14, 11.15)', () => {
  it('shows the effective mesh', async () => {
    expect(await run('mesh status')).toBe('## mesh status\nmesh size | degree | peers | context  | port\n3         | 0      | 2     | minimega | 9000\n');
    expect(await run('mesh status', 'mm2')).toBe(
      '## mesh status\nmesh size | degree | peers | context  | port\n3         | 0      | 1     | minimega | 9000\n',
    );
    expect(await run('mesh list')).toBe('## mesh list\nmm1\n |--mm2\n |--mm3\nmm2\n |--mm1\nmm3\n |--mm1\n');
    expect(await run('.annotate true mesh list')).toBe('## .annotate true mesh list\nmm1: mm1\n |--mm2\n |--mm3\nmm2\n |--mm1\nmm3\n |--mm1\n');
  });

  it('answers dial and hangup as 2.3', async () => {
    expect(await run('mesh dial mm1')).toBe('## mesh dial mm1\nE: cannot mesh dial yourself\n');
    expect(await run('mesh dial localhost')).toBe('## mesh dial localhost\nE: cannot mesh dial yourself\n');
    expect(await run('mesh dial mm2')).toBe('## mesh dial mm2\nE: already connected to mm2\n');
    expect(await run('mesh hangup mm1')).toBe('## mesh hangup mm1\nE: no such client mm1\n');
    expect(await run('mesh hangup nosuchnode')).toBe('## mesh hangup nosuchnode\nE: no such client nosuchnode\n');
    expect(await run('mesh dial nosuchnode')).toBe('## mesh dial nosuchnode\nE: dial nosuchnode: no node listening at nosuchnode\n');
  });

  it('drops a hung-up peer at once and takes it back on dial (observed 11.3 F5)', async () => {
    await run('namespace ns1');
    expect(await run('mesh hangup mm3\nmesh status\nhost name')).toBe(
      '## mesh hangup mm3\n## mesh status\nmesh size | degree | peers | context  | port\n2         | 0      | 1     | minimega | 9000\n## host name\nE: no route to host mm3\nmm2\n',
    );
    expect(await run('nsmod add-host mm3')).toBe('## nsmod add-host mm3\nE: unknown host: `mm3`\n');
    expect(await run('mesh send mm3 host name')).toBe('## mesh send mm3 host name\n');
    expect(await run('mesh dial mm3\nhost name')).toBe('## mesh dial mm3\n## host name\nmm2\nmm3\n');
  });

  it('keeps degree and timeout per node', async () => {
    expect(await run('mesh degree 2\nmesh degree\nmesh timeout 5\nmesh timeout')).toBe(
      '## mesh degree 2\n## mesh degree\n2\n## mesh timeout 5\n## mesh timeout\n5s\n',
    );
    expect(await run('mesh timeout', 'mm2')).toBe('## mesh timeout\n2562047h47m16.854775807s\n');
    expect(await run('mesh send all mesh timeout')).toBe('## mesh send all mesh timeout\n2562047h47m16.854775807s\n');
  });
});
