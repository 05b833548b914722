/**
 * What differs between minicli 2.3's and 3.1's rendering (runtime-3.1.md
 * §0.3), as data: how host lists are compressed, whether table cells go
 * through Printf (2.3's `50%!(NOVERB)` quirk), and whether JSON responses
 * carry 3.1's `Data` member.
 */
import { unsplitList } from '../../language/index.js';
import { unsplitList31 } from './compress-31.js';

export interface RenderStyle {
  /** The key of identical simple responses: their hosts compressed. */
  readonly hostList: (hosts: readonly string[]) => string;
  /** Whether table cells are formatted with Printf (2.3) or written literally (3.1). */
  readonly printfCells: boolean;
  /** Whether JSON responses end with `"Data":null` (3.1). */
  readonly jsonData: boolean;
}

export const RENDER_23: RenderStyle = { hostList: unsplitList, printfCells: true, jsonData: false };
export const RENDER_31: RenderStyle = { hostList: unsplitList31, printfCells: false, jsonData: true };
