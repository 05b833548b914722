/**
 * The launch failures 2.3 reports before or while starting QEMU, decided
 * without looking at the host: files under the files directory exist when
 * the node's files directory has them, and a configured QEMU binary exists
 * when it is an absolute path to a program named like QEMU. The default QEMU always works, so a script never fails
 * only because the machine running `mm` has no QEMU.
 */
import type { FilesDir } from './files-dir.js';
import type { VmConfig } from './vm-config-state.js';

/** Program names a configured `vm config qemu` path may end in. */
const QEMU_PROGRAM = /^(?:kvm|qemu-kvm|qemu-system-[^/]+)$/;

/** Whether the simulator treats a `vm config qemu` path as an installed QEMU. */
export function isInstalledQemu(path: string): boolean {
  if (!path.startsWith('/')) return false;
  return QEMU_PROGRAM.test(path.slice(path.lastIndexOf('/') + 1));
}

/** The error starting QEMU gives for a config (2.3's text, trailing space included), or undefined. */
export function qemuStartError(c: VmConfig): string | undefined {
  if (c.qemu === '' || isInstalledQemu(c.qemu)) return undefined;
  // 2.3 appends QEMU's (empty) stderr after a space.
  return `start qemu: fork/exec ${c.qemu}: no such file or directory `;
}

/**
 * Whether a path of the config that must exist (cdrom, initrd, kernel,
 * migrate, disks, preinit) lies in the files directory without existing
 * there: 2.3 then answers `file not found` and creates nothing.
 */
export function missesFile(c: VmConfig, files: FilesDir): boolean {
  for (const p of [c.cdrom, c.initrd, c.kernel, c.migrate, c.preinit, ...c.disk]) {
    if (p !== '' && files.inside(p) !== undefined && !files.exists(p)) return true;
  }
  return false;
}
