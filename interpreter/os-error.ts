/** File system errors worded as Go's `os` package words them (what minimega prints). */
/** A short description of a file system error: `no such file or directory`, ... */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err.message ?? String(e);
  }
}

/** Go's `*PathError` text: `open x.mm: no such file or directory`. */
export function goPathError(op: string, path: string, e: unknown): string {
  return `${op} ${path}: ${describeFsError(e)}`;
}
