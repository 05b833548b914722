/**
 * The minimega 3.1 catalog as data: every 3.1.0 handler in registration
 * order, the `vm config` fields, and the 2.3 handlers that 3.1 dropped. In
 * 3.1 the order does not decide matches (minicli 3.1 matches through one
 * trie), but it is kept so that listings and the research catalog agree.
 */
import type { HandlerSpec } from './types.js';
import { compileCatalog, lazyCatalog, type Catalog } from './index.js';
import { precompiledCatalogs } from './precompiled.js';
import { builtinHandlers } from './data-3.1/builtin.js';
import { builtinAliasHandlers } from './data-3.1/builtin-alias.js';
import { bridgeHandlers } from './data-3.1/bridge.js';
import { captureHandlers } from './data-3.1/capture.js';
import { ccHandlers } from './data-3.1/cc.js';
import { deployHandlers } from './data-3.1/deploy.js';
import { diskHandlers } from './data-3.1/disk.js';
import { dnsmasqHandlers } from './data-3.1/dnsmasq.js';
import { dotHandlers } from './data-3.1/dot.js';
import { externalHandlers } from './data-3.1/external.js';
import { historyHandlers } from './data-3.1/history.js';
import { hostHandlers } from './data-3.1/host.js';
import { ioHandlers } from './data-3.1/io.js';
import { logHandlers } from './data-3.1/log.js';
import { meshageHandlers } from './data-3.1/meshage.js';
import { miscHandlers } from './data-3.1/misc.js';
import { namespaceHandlers } from './data-3.1/namespace.js';
import { nukeHandlers } from './data-3.1/nuke.js';
import { optimizeHandlers } from './data-3.1/optimize.js';
import { qosHandlers } from './data-3.1/qos.js';
import { routerHandlers } from './data-3.1/router.js';
import { shellHandlers } from './data-3.1/shell.js';
import { vlansHandlers } from './data-3.1/vlans.js';
import { vmHandlers } from './data-3.1/vm.js';
import { vmMoreHandlers } from './data-3.1/vm-more.js';
import { vmconfigHandlers } from './data-3.1/vmconfig.js';
import { vmconfigAndroidHandlers } from './data-3.1/vmconfig-android.js';
import { vmconfigContainerHandlers } from './data-3.1/vmconfig-container.js';
import { vmconfigKvmHandlers } from './data-3.1/vmconfig-kvm.js';
import { vmconfigKvmDeviceHandlers } from './data-3.1/vmconfig-kvm-devices.js';
import { vmconfigBaseHandlers } from './data-3.1/vmconfig-base.js';
import { vncHandlers } from './data-3.1/vnc.js';
import { plumbHandlers } from './data-3.1/plumb.js';

export { vmConfigParams31 } from './data-3.1/vmconfig-params.js';
export { handlersRemovedIn31 } from './data-3.1/removed.js';

/** Every minimega 3.1 handler, in registration order. */
export const handlers31: readonly HandlerSpec[] = [
  ...builtinHandlers,
  ...builtinAliasHandlers,
  ...bridgeHandlers,
  ...captureHandlers,
  ...ccHandlers,
  ...deployHandlers,
  ...diskHandlers,
  ...dnsmasqHandlers,
  ...dotHandlers,
  ...externalHandlers,
  ...historyHandlers,
  ...hostHandlers,
  ...ioHandlers,
  ...logHandlers,
  ...meshageHandlers,
  ...miscHandlers,
  ...namespaceHandlers,
  ...nukeHandlers,
  ...optimizeHandlers,
  ...qosHandlers,
  ...routerHandlers,
  ...shellHandlers,
  ...vlansHandlers,
  ...vmHandlers,
  ...vmMoreHandlers,
  ...vmconfigHandlers,
  ...vmconfigAndroidHandlers,
  ...vmconfigContainerHandlers,
  ...vmconfigKvmHandlers,
  ...vmconfigKvmDeviceHandlers,
  ...vmconfigBaseHandlers,
  ...vncHandlers,
  ...plumbHandlers,
];

/** minimega 3.1's catalog, compiled once, when first read. */
export const catalog31: Catalog = lazyCatalog(() => compileCatalog(handlers31, precompiledCatalogs?.['3.1']));
