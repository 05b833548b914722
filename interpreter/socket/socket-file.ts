/**
 * Where a node's socket lives, handled like minimega's `-base` directory:
 * the default is `/tmp/minimega/minimega`; a directory stands for the
 * socket `minimega` inside it; a missing directory is created (mode 0700);
 * an existing socket file means another daemon may be running, so it is
 * replaced only when forced; a pid file sits next to the socket; both go
 * when the node stops. Unlike minimega, an existing directory must be the
 * user's own and not writable by others, and a file that is not a socket
 * is never replaced.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';

/** minimega's socket file name inside its base directory. */
export const SOCKET_NAME = 'minimega';

/** minimega's default socket: `-base` `/tmp/minimega`. */
export const DEFAULT_SOCKET_PATH = `/tmp/minimega/${SOCKET_NAME}`;

/** Linux's limit on a socket path (sun_path holds 108 bytes with the final NUL). */
const MAX_SOCKET_PATH_BYTES = 107;

/** A socket path that cannot be used, with why. */
export class SocketPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SocketPathError';
  }
}

/**
 * The socket path a `--socket` or `--attach` value names: "" is the
 * default; a directory (existing, or written with a final `/`) holds the
 * socket `minimega`, as `-base` does; anything else is the socket itself.
 */
export function resolveSocketPath(value: string, cwd: string): string {
  if (value === '') return DEFAULT_SOCKET_PATH;
  const path = resolve(cwd, value);
  if (value.endsWith('/')) return join(path, SOCKET_NAME);
  return isDirectory(path) ? join(path, SOCKET_NAME) : path;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A claimed socket path: listen on `path`, then `commit`; `release` removes what was made. */
export interface SocketClaim {
  readonly path: string;
  readonly pidFile: string;
  /** Records the socket just created and writes the pid file. */
  commit(): void;
  /** Removes the socket and the pid file if they are still this process's (synchronous: safe on exit). */
  release(): void;
}

export interface ClaimOptions {
  /** Replace an existing socket (`--force`, minimega's `-force`). */
  readonly force: boolean;
  /** Where the warning about a replaced socket goes. */
  readonly log: (line: string) => void;
}

/** Checks and prepares `path` for a node's socket (creating its directory when missing). */
export async function claimSocketPath(path: string, options: ClaimOptions): Promise<SocketClaim> {
  const bytes = Buffer.byteLength(path);
  if (bytes > MAX_SOCKET_PATH_BYTES) {
    throw new SocketPathError(`${path}: a socket path may have at most ${MAX_SOCKET_PATH_BYTES} bytes (this one has ${bytes}); use a shorter directory`);
  }
  prepareDirectory(dirname(path));
  const existing = lstatOrUndefined(path);
  if (existing) {
    if (!existing.isSocket()) throw new SocketPathError(`${path} exists and is not a socket; refusing to replace it`);
    if (!options.force) {
      const live = await answers(path);
      throw new SocketPathError(
        live
          ? `${path}: a minimega or mm node is already running there (--force replaces its socket)`
          : `${path} exists but nothing answers on it (left by a node that crashed?); --force replaces it`,
      );
    }
    options.log(`replacing the existing socket ${path} (--force); another node may still be running`);
    unlinkSync(path);
  }
  const pidFile = `${path}.pid`;
  let ino: number | undefined;
  return {
    path,
    pidFile,
    commit() {
      ino = statSync(path).ino;
      // minimega's form: the decimal pid, no line break.
      rmIfExists(pidFile);
      writeFileSync(pidFile, String(process.pid), { mode: 0o600, flag: 'wx' });
    },
    release() {
      if (ino !== undefined && lstatOrUndefined(path)?.ino === ino) rmIfExists(path);
      try {
        if (readFileSync(pidFile, 'utf8') === String(process.pid)) rmIfExists(pidFile);
      } catch {
        // Already gone.
      }
    },
  };
}

const OWN_DIRECTORY = 'put the socket in a directory of your own (a PATH ending in / is a directory, created with mode 0700 when missing)';

/** A missing directory is created for the owner alone; an existing one must be safe to put a socket in. */
function prepareDirectory(dir: string): void {
  if (!existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // mkdir's mode is cut by the umask; the socket's directory gets exactly 0700.
      chmodSync(dir, 0o700);
    } catch (e) {
      throw new SocketPathError(`cannot create ${dir}: ${(e as Error).message}`);
    }
    return;
  }
  const st = statSync(dir);
  if (!st.isDirectory()) throw new SocketPathError(`${dir} is not a directory`);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) {
    throw new SocketPathError(`${dir} belongs to another user (uid ${st.uid}); ${OWN_DIRECTORY}`);
  }
  if ((st.mode & 0o022) !== 0) {
    throw new SocketPathError(`${dir} can be written by other users, who could replace the socket; ${OWN_DIRECTORY}`);
  }
}

function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function rmIfExists(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** Whether something accepts connections on the socket (within a second). */
function answers(path: string): Promise<boolean> {
  return new Promise((done) => {
    const s = connect(path);
    const finish = (live: boolean): void => {
      clearTimeout(timer);
      s.destroy();
      done(live);
    };
    const timer = setTimeout(() => finish(true), 1000);
    s.once('connect', () => finish(true));
    s.once('error', () => finish(false));
  });
}
