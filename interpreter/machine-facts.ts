/**
 * The figures `host` reads from the machine mm runs on, shared by 2.3 and
 * 3.1: they differ only in how a memory figure is printed.
 */
import os from 'node:os';

/** The `host` fields that are the machine's own figures. */
export const MACHINE_FACTS = ['cpus', 'load', 'memused', 'memtotal'] as const;
export type MachineFact = (typeof MACHINE_FACTS)[number];

/** Whether a `host` field is one of the machine's figures. */
export function isMachineFact(f: string): f is MachineFact {
  return (MACHINE_FACTS as readonly string[]).includes(f);
}

/** One machine figure; `mbUnit` follows a memory figure's whole MiB (2.3 `' MB'`, 3.1 none). */
export function machineFact(f: MachineFact, mbUnit: string): string {
  const mb = (n: number): string => `${Math.floor(n / (1024 * 1024))}${mbUnit}`;
  switch (f) {
    case 'cpus':
      return String(os.cpus().length);
    case 'load':
      return os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
    case 'memused':
      return mb(os.totalmem() - os.freemem());
    case 'memtotal':
      return mb(os.totalmem());
  }
}
