/**
 * A mesh's credentials on disk (docs/security.md): a keys directory holding
 * the shared secret (`secret`), the trust file (`trust`: one `NAME
 * PUBLIC-KEY` a line) and each node's private key (`NAME.key`). `mm keys`
 * makes it; `mm node --keys DIR` and clients' `--keys DIR` / `--secret-file
 * FILE` read it. Files that hold secrets must be the user's own and closed
 * to everyone else, as ssh insists for its keys: a secret other local users
 * can read authenticates them too.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { Authenticator } from '../interpreter/mesh/auth.js';
import type { NodeIdentity } from '../interpreter/mesh/identity.js';
import { createKeyIdentity, parsePrivateKey, parsePublicKey } from '../interpreter/mesh/node-keys.js';
import { createSecretAuth } from '../interpreter/mesh/secret.js';
import { describeFsError } from '../interpreter/os-error.js';
import { CliError, type CliIO } from './cli-io.js';

/** The files of a keys directory. */
export const keyFiles = {
  secret: (dir: string): string => join(dir, 'secret'),
  trust: (dir: string): string => join(dir, 'trust'),
  key: (dir: string, name: string): string => join(dir, `${name}.key`),
};

/** Names a keys directory can hold a key for (they become file names). */
export const KEY_NAME = /^[A-Za-z0-9._-]{1,253}$/;

/** Checks that `file` is the user's own and that no one else may read (`secret`) or change it. */
export function checkPrivate(file: string, st: Stats, secret: boolean): void {
  if (process.platform === 'win32') return;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) throw new CliError(`${file}: owned by another user (uid ${st.uid}); it must be yours`);
  const open = st.mode & (secret ? 0o077 : 0o022);
  if (open !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    const fix = st.isDirectory() ? 'chmod 700' : 'chmod 600';
    throw new CliError(`${file}: other users may ${secret ? 'read or change' : 'change'} it (mode ${mode}); run \`${fix} ${file}\``);
  }
}

/** Reads a private file (a secret or a key) after checking who may read it. */
function readPrivate(io: CliIO, file: string, option: string): string {
  const path = resolve(io.cwd, file);
  let text: string;
  try {
    checkPrivate(file, statSync(path), true);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`${option} ${e.message}`);
    throw new CliError(`${option} ${file}: ${describeFsError(e)}`);
  }
  return text;
}

/** Reads a secret file: its content without the final line break. */
export function readSecret(io: CliIO, file: string, option = '--secret-file'): string {
  const secret = readPrivate(io, file, option).replace(/\r?\n$/, '');
  if (secret === '') throw new CliError(`${option} ${file}: the file is empty`);
  return secret;
}

/** Parses a trust file's text; throws with `file:line: problem`. */
export function parseTrust(text: string, file: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    const where = `${file}:${i + 1}`;
    if (fields.length !== 2) throw new Error(`${where}: expected NAME PUBLIC-KEY`);
    const [name, key] = fields as [string, string];
    if (keys.has(name)) throw new Error(`${where}: ${name} is listed twice`);
    try {
      keys.set(name, parsePublicKey(key));
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}`);
    }
  });
  return keys;
}

/**
 * The trust file as a lookup that follows the file: a name it does not know
 * makes it look at the file again (at most once a second), so members added
 * with `mm keys` are trusted without restarting nodes. A file that became
 * unreadable or malformed leaves the last good list in place.
 */
function followTrust(path: string, first: Map<string, KeyObject>, now: () => number): (name: string) => KeyObject | undefined {
  let keys = first;
  let stamp = statStamp(path);
  let lastLook = now();
  return (name) => {
    const known = keys.get(name);
    if (known || now() - lastLook < 1000) return known;
    lastLook = now();
    const s = statStamp(path);
    if (s === stamp) return undefined;
    stamp = s;
    try {
      keys = parseTrust(readFileSync(path, 'utf8'), path);
    } catch {
      // Keep the last good list.
    }
    return keys.get(name);
  };
}

function statStamp(path: string): string {
  try {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}:${st.ino}`;
  } catch {
    return '';
  }
}

/** What a node proves and checks with: its secret and its identity. */
export interface NodeCredentials {
  readonly auth: Authenticator;
  readonly identity: NodeIdentity;
}

/** Loads node `name`'s credentials from keys directory `dir`. */
export function loadNodeCredentials(io: CliIO, dir: string, name: string): NodeCredentials {
  const root = resolve(io.cwd, dir);
  let st: Stats;
  try {
    st = statSync(root);
  } catch (e) {
    throw new CliError(`--keys ${dir}: ${describeFsError(e)}`);
  }
  if (!st.isDirectory()) throw new CliError(`--keys ${dir}: not a directory`);
  try {
    checkPrivate(dir, st, false);
  } catch (e) {
    throw new CliError(`--keys ${(e as Error).message}`);
  }
  const auth = createSecretAuth(readSecret(io, keyFiles.secret(root), '--keys'));
  if (!KEY_NAME.test(name)) throw new CliError(`--keys: the node name ${JSON.stringify(name)} cannot have a key file (use letters, digits, '.', '_' and '-')`);
  const keyFile = keyFiles.key(root, name);
  let privateKey: KeyObject;
  let publicKey: string;
  try {
    ({ key: privateKey, publicKey } = parsePrivateKey(readPrivate(io, keyFile, '--keys')));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`--keys ${keyFile}: ${(e as Error).message}`);
  }
  const trustFile = keyFiles.trust(root);
  let trust: Map<string, KeyObject>;
  try {
    checkPrivate(trustFile, statSync(trustFile), false);
    trust = parseTrust(readFileSync(trustFile, 'utf8'), trustFile);
  } catch (e) {
    const why = e instanceof CliError || !(e as NodeJS.ErrnoException).code ? (e as Error).message : `${trustFile}: ${describeFsError(e)}`;
    throw new CliError(`--keys ${why}`);
  }
  const mine = trust.get(name);
  if (!mine) throw new CliError(`--keys ${trustFile}: ${name} is not listed (add it with \`mm keys ${dir} ${name}\`)`);
  if (mine.export({ format: 'jwk' }).x !== publicKey) throw new CliError(`--keys ${trustFile}: ${name}'s public key does not match ${keyFile}`);
  return { auth, identity: createKeyIdentity(privateKey, followTrust(trustFile, trust, Date.now)) };
}

/** The secret a client proves: from `--keys DIR` or `--secret-file FILE` (none: an `--insecure` node). */
export function loadClientAuth(io: CliIO, values: Readonly<Record<string, unknown>>): Authenticator | undefined {
  const keys = values.keys;
  const file = values['secret-file'];
  if (typeof keys === 'string' && typeof file === 'string') throw new CliError('--keys and --secret-file cannot be used together');
  if (typeof keys === 'string') return createSecretAuth(readSecret(io, keyFiles.secret(resolve(io.cwd, keys)), '--keys'));
  if (typeof file === 'string') return createSecretAuth(readSecret(io, file));
  return undefined;
}
