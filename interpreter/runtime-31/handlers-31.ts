/**
 * The 3.1 handlers, by 3.1 catalog id: where 3.1 behaves differently from
 * 2.3 it has its own handler here; every other id runs 2.3's handler
 * (runtime-31.ts), which reads the command's namespace from its context.
 */
import type { Handler } from '../handlers/types.js';
import { argsHandlers31 } from './args-31.js';
import { backgroundHandlers31 } from './background-31.js';
import { bridgeHandlers31 } from './bridge-31.js';
import { builtinHandlers31 } from './builtins-31.js';
import { captureHandlers31 } from './capture-31.js';
import { ccHandlers31 } from './cc-31.js';
import { ccMountHandlers31 } from './cc-mount-31.js';
import { diskHandlers31 } from './disk-31.js';
import { hostHandlers31 } from './host-31.js';
import { launchHandlers31 } from './launch-31.js';
import { logHandlers31 } from './log-31.js';
import { meshHandlers31 } from './mesh-31.js';
import { mirrorHandlers31 } from './mirrors-31.js';
import { miscHandlers31 } from './misc-31.js';
import { namespaceHandlers31 } from './namespace-handlers-31.js';
import { nsHandlers31 } from './ns-31.js';
import { plumbHandlers31 } from './plumb-31.js';
import { readHandlers31 } from './read-31.js';
import { vlansHandlers31 } from './vlans-31.js';
import { vmConfigHandlers31 } from './vm-config-31.js';
import { vmHandlers31 } from './vm-31.js';
import { vmNetHandlers31 } from './vm-net-31.js';
import { vmTagHandlers31 } from './vm-tag-31.js';

export const handlers31: ReadonlyMap<string, Handler> = new Map(
  Object.entries({
    ...argsHandlers31,
    ...backgroundHandlers31,
    ...bridgeHandlers31,
    ...builtinHandlers31,
    ...captureHandlers31,
    ...ccHandlers31,
    ...ccMountHandlers31,
    ...diskHandlers31,
    ...hostHandlers31,
    ...launchHandlers31,
    ...logHandlers31,
    ...meshHandlers31,
    ...mirrorHandlers31,
    ...miscHandlers31,
    ...namespaceHandlers31,
    ...nsHandlers31,
    ...plumbHandlers31,
    ...readHandlers31,
    ...vlansHandlers31,
    ...vmConfigHandlers31,
    ...vmHandlers31,
    ...vmNetHandlers31,
    ...vmTagHandlers31,
  }),
);
