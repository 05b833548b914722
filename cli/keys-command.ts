/**
 * `mm keys DIR NAME...`: makes (or extends) a mesh's keys directory: the
 * shared secret, a key pair for each named node and the trust file listing
 * their public keys (docs/security.md). Everything is created closed to
 * other users; nothing that exists is overwritten.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateNodeKey, generateSecret } from '../interpreter/mesh/node-keys.js';
import { describeFsError } from '../interpreter/os-error.js';
import type { CommandSpec } from './command-spec.js';
import { CliError } from './cli-io.js';
import { checkPrivate, KEY_NAME, keyFiles, parseTrust } from './mesh-credentials.js';

export const keysCommand: CommandSpec = {
  name: 'keys',
  usage: 'DIR NAME...',
  summary: 'make a keys directory for a mesh: a shared secret, a key per node, the trust file (adds nodes to an existing one)',
  options: {},
  notes: ['Copy `secret` and `trust` to every machine of the mesh, and each NAME.key only to the machine\nof node NAME (docs/security.md).'],
  examples: ['mm keys mesh n1 n2', 'mm keys mesh n3   # add a node to an existing mesh'],
  async run(args, io) {
    const [dir, ...names] = args.positionals;
    if (dir === undefined || names.length === 0) throw new CliError('keys needs a directory and at least one node name');
    for (const n of names) if (!KEY_NAME.test(n)) throw new CliError(`invalid node name ${JSON.stringify(n)} (use letters, digits, '.', '_' and '-')`);
    if (new Set(names).size !== names.length) throw new CliError('a node name is given twice');
    const root = resolve(io.cwd, dir);
    try {
      if (!existsSync(root)) mkdirSync(root, { recursive: true, mode: 0o700 });
      const st = statSync(root);
      if (!st.isDirectory()) throw new CliError(`${dir}: not a directory`);
      checkPrivate(dir, st, false);
      const trustFile = keyFiles.trust(root);
      const trusted = existsSync(trustFile) ? parseTrust(readFileSync(trustFile, 'utf8'), trustFile) : new Map();
      for (const n of names) {
        if (trusted.has(n) || existsSync(keyFiles.key(root, n)))
          throw new CliError(`${dir} already has a key for ${n} (remove ${n}.key and its trust line to replace it)`);
      }
      const secretFile = keyFiles.secret(root);
      // 'wx': never replace a file that appeared meanwhile.
      if (!existsSync(secretFile)) {
        writeFileSync(secretFile, generateSecret() + '\n', { mode: 0o600, flag: 'wx' });
        io.stdout(`made ${keyFiles.secret(dir)}\n`);
      }
      if (!existsSync(trustFile)) writeFileSync(trustFile, '# mm trust file: one node a line, NAME PUBLIC-KEY\n', { mode: 0o644, flag: 'wx' });
      for (const n of names) {
        const { privatePem, publicKey } = generateNodeKey();
        writeFileSync(keyFiles.key(root, n), privatePem, { mode: 0o600, flag: 'wx' });
        appendFileSync(trustFile, `${n} ${publicKey}\n`);
        io.stdout(`made ${keyFiles.key(dir, n)} (${n} added to ${keyFiles.trust(dir)})\n`);
      }
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${dir}: ${e instanceof Error && 'code' in e ? describeFsError(e) : (e as Error).message}`);
    }
    return 0;
  },
};
