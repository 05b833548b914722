/**
 * Go's `filepath.Glob` over the files directory as the simulator sees it
 * (`cc send`): `*`, `?`, `[...]` classes and `\` escapes in each path
 * element, matched against the files that exist for the simulator.
 */
import type { FilesDir } from './files-dir.js';

const META = /[*?[\\]/;

/** One path element of a pattern as a RegExp, or undefined when Go calls it malformed. */
function compileElement(p: string): RegExp | undefined {
  let re = '';
  let i = 0;
  const lit = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  /** A class character, with `\` escapes; undefined when missing or `-`/`]` unescaped. */
  const classChar = (): string | undefined => {
    let c = p[i];
    if (c === undefined || c === '-' || c === ']') return undefined;
    if (c === '\\') {
      i++;
      c = p[i];
      if (c === undefined) return undefined;
    }
    i++;
    return c;
  };
  while (i < p.length) {
    const c = p[i]!;
    if (c === '*') {
      re += '[^/]*';
      i++;
    } else if (c === '?') {
      re += '[^/]';
      i++;
    } else if (c === '\\') {
      if (i + 1 >= p.length) return undefined;
      re += lit(p[i + 1]!);
      i += 2;
    } else if (c === '[') {
      i++;
      let neg = false;
      if (p[i] === '^') {
        neg = true;
        i++;
      }
      let cls = '';
      let n = 0;
      for (;;) {
        if (i >= p.length) return undefined;
        if (p[i] === ']' && n > 0) {
          i++;
          break;
        }
        const lo = classChar();
        if (lo === undefined) return undefined;
        let hi = lo;
        if (p[i] === '-') {
          i++;
          const h = classChar();
          if (h === undefined) return undefined;
          hi = h;
        }
        cls += lo === hi ? lit(lo) : `${lit(lo)}-${lit(hi)}`;
        n++;
      }
      re += `[${neg ? '^/' : ''}${cls}]`;
    } else {
      re += lit(c);
      i++;
    }
  }
  try {
    return new RegExp(`^${re}$`, 'u');
  } catch {
    return undefined;
  }
}

/**
 * The files (relative to the files directory) matching a pattern given as
 * a printed path; undefined for a malformed pattern.
 */
export function globFiles(files: FilesDir, pattern: string): string[] | undefined {
  const rel = files.inside(pattern);
  const elements = (rel ?? '').split('/');
  const compiled = elements.map((e) => (META.test(e) ? compileElement(e) : e));
  if (compiled.some((c) => c === undefined)) return undefined;
  if (rel === undefined || rel === '') return [];
  return files.names().filter((name) => {
    const parts = name.split('/');
    return (
      parts.length === compiled.length &&
      parts.every((part, i) => {
        const c = compiled[i]!;
        return typeof c === 'string' ? part === c : c.test(part);
      })
    );
  });
}
