/**
 * Scripts shaped like the ones users feed `mm`: experiments written the way
 * minimega's documented examples write them (a namespace, `vm config`,
 * launches, `cc`, taps, routers, captures, queries with `.columns` and
 * `.filter`), with names and numbers varied, comment lines, blank lines
 * and lines minimega rejects (misspelt commands, missing or bad arguments),
 * in the proportions issue 17 measured on real scripts: about 11% comments,
 * 17% blank, 8% rejected lines and 15% distinct lines (copied experiments
 * repeat their lines).
 */
import { mulberry32 } from '../interpreter/random.js';

/** Fractions of the lines a generated script has, by kind. */
export const REALISTIC_SHAPE = { comments: 0.11, blank: 0.17, rejected: 0.08, distinct: 0.15 } as const;

type Rng = () => number;

const ROLES = ['web', 'db', 'dns', 'router', 'client', 'attacker', 'sensor', 'mail', 'ldap', 'proxy'];
const IMAGES = ['ubuntu-20.04', 'centos7', 'win10', 'kali', 'debian11', 'minirouter', 'alpine'];
const COMMENTS = [
  'Bring up the {r} tier on VLAN {n}',
  'TODO: check the {r} images before run {n}',
  'Every {r} VM gets {m} MB and {c} CPUs (experiment {n})',
  'Launch the {r} servers, then hand the queue to the scheduler',
  'Capture what the {r} hosts send to 10.0.{n}.1',
  'Start everything and see where it landed',
  '----------------------------------------------------------------',
  'Experiment {n}: {r} under load',
];

/** One experiment's lines, with its names and numbers drawn from `r`. */
function experiment(r: Rng, n: number): string[] {
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const role = pick(ROLES);
  const other = pick(ROLES);
  const vlan = int(100, 140);
  const count = int(2, 24);
  const ns = `exp${n}`;
  return [
    `namespace ${ns}`,
    `nsmod add-host node[1-${int(2, 8)}]`,
    'clear vm config',
    `vm config memory ${pick([512, 1024, 2048, 4096])}`,
    `vm config vcpus ${int(1, 4)}`,
    `vm config disk /images/${pick(IMAGES)}.qcow2`,
    `vm config net ${role}-lan ${vlan}`,
    `vm config tag role ${role}`,
    `vm launch kvm ${role}[1-${count}]`,
    `vm config net ${other}-lan`,
    `vm config memory ${pick([1024, 2048])}`,
    `vm launch kvm ${other}[1-${int(1, 6)}]`,
    `vm config filesystem /images/${pick(IMAGES)}-fs`,
    `vm launch container ${role}-ct${int(1, 4)}`,
    'vm launch',
    'vm start all',
    `tap create ${vlan} ip 10.${int(0, 40)}.${int(0, 9)}.1/24`,
    `cc filter tag=role:${role}`,
    `cc exec ping -c 3 10.${int(0, 40)}.0.${int(2, 254)}`,
    `cc send /files/${role}-setup.sh`,
    'clear cc filter',
    `router ${role}1 interface 0 10.${int(0, 40)}.0.1/24`,
    `router ${role}1 dhcp 10.${int(0, 40)}.0.0 range 10.${int(0, 40)}.0.${int(10, 50)} 10.${int(0, 40)}.0.${int(100, 200)}`,
    `router ${role}1 commit`,
    `capture pcap vm ${role}${int(1, count)} 0 ${role}.pcap`,
    `.columns name,state,ip,vlan vm info`,
    `.filter state=running .columns name,host vm info`,
    `vm info summary`,
    `vlans`,
    `host name`,
    'vm kill all',
    'vm flush',
  ];
}

/** A comment's text, from one of the COMMENTS with its blanks filled. */
function comment(r: Rng, i: number): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  return COMMENTS[i % COMMENTS.length]!.replace('{r}', pick(ROLES))
    .replace('{m}', String(pick([512, 1024, 2048, 4096])))
    .replace('{c}', String(1 + Math.floor(r() * 4)))
    .replace('{n}', String(i));
}

/** A line minimega rejects, as users mistype them (`n` varies the names and numbers). */
function rejected(r: Rng, n: number): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  return pick([
    `vm lanch kvm ${pick(ROLES)}${n}`,
    `vm config memroy ${512 + n}`,
    `vm config vcpus ${pick(['two', 'many', 'x2'])}`,
    `vm launch kvm`,
    `namespace ${pick(ROLES)} ${pick(ROLES)} ${pick(ROLES)}`,
    `cc exce ls /tmp/run${n}`,
    `tap crate ${100 + n}`,
    `vm start`,
    `vm config net ${pick(ROLES)}-${n},${pick(ROLES)},bad,extra,fields`,
    `mesh snd all vm info`,
  ]);
}

/**
 * A script of `lines` lines shaped like REALISTIC_SHAPE, the same for the
 * same seed. Users copy experiments and edit their names and numbers, so
 * an experiment, comment or mistake is either new or one seen before: new
 * ones are drawn while distinct lines are below their share.
 */
export function realisticScript(lines: number, seed = 17): string {
  const next = mulberry32(seed);
  const r: Rng = () => next() / 4294967296;
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const seen = new Set<string>();
  const experiments: string[][] = [];
  const comments: string[] = [];
  const errors: string[] = [];
  /** A new one (kept in `pool`) while distinct lines are below their share at line `i`, else one from `pool`. */
  const newOrSeen = <T>(pool: T[], i: number, make: () => T): T => {
    if (pool.length > 0 && seen.size >= (i + 1) * REALISTIC_SHAPE.distinct) return pick(pool);
    pool.push(make());
    return pool.at(-1)!;
  };
  const out: string[] = [];
  let block: string[] = [];
  let at = 0;
  for (let i = 0; i < lines; i++) {
    const x = r();
    let line: string;
    if (x < REALISTIC_SHAPE.blank) line = '';
    else if (x < REALISTIC_SHAPE.blank + REALISTIC_SHAPE.comments) line = newOrSeen(comments, i, () => `# ${comment(r, comments.length)}`);
    else if (x < REALISTIC_SHAPE.blank + REALISTIC_SHAPE.comments + REALISTIC_SHAPE.rejected) line = newOrSeen(errors, i, () => rejected(r, errors.length));
    else {
      if (at >= block.length) {
        block = newOrSeen(experiments, i, () => experiment(r, experiments.length + 1));
        at = 0;
      }
      line = block[at++]!;
    }
    seen.add(line);
    out.push(line);
  }
  return out.join('\n') + '\n';
}

/** What a script is made of: fractions of blank, comment and distinct lines. */
export function scriptShape(text: string): { lines: number; blank: number; comments: number; distinct: number } {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const blank = lines.filter((l) => l.trim() === '').length;
  const comments = lines.filter((l) => l.trimStart().startsWith('#')).length;
  return { lines: lines.length, blank: blank / lines.length, comments: comments / lines.length, distinct: new Set(lines).size / lines.length };
}
