/**
 * The command reference of an imported command set, as Markdown: every
 * handler in the binary's order with its usage lines (minicli's canonical
 * rendering), the help the binary gave, and what `mm` knows of it from the
 * nearest built-in dialect (or that it knows nothing). Pure.
 */
import { categoryMeaning } from '../catalog/reference.js';
import type { Dialect } from '../dialect.js';
import { renderPattern } from '../patterns.js';

/** The reference of an imported dialect's commands (a built-in dialect has docs/commands.md). */
export function renderImportedReference(dialect: Dialect): string {
  const minimega = `minimega ${dialect.imported?.minimegaVersion ?? '(version unknown)'}`;
  const nearest = dialect.imported?.nearest.name ?? dialect.name;
  const out = [
    `# Commands of ${minimega} (imported)`,
    `${dialect.catalog.handlers.length} handlers in registration order, as the binary printed them (\`minimega -cli\`). ` +
      `Lines are matched with minimega ${dialect.version}'s rules. Where a handler's patterns are the same as in the built-in ${nearest} dialect, ` +
      '`mm` knows its category and argument values from there; otherwise it knows only what the binary said.',
  ];
  for (const h of dialect.catalog.handlers) {
    const spec = h.spec;
    out.push(`## \`${spec.id}\``);
    out.push('```\n' + h.patterns.map((p) => renderPattern(p.items)).join('\n') + '\n```');
    const help = spec.imported ? spec.imported.helpLong || spec.imported.helpShort : spec.doc;
    if (help) out.push(`Help from ${minimega}:`, '```text\n' + help.replace(/```/g, "'''") + '\n```');
    else out.push(`${minimega} gives no help for it.`);
    out.push(
      spec.imported?.factsFrom
        ? `Known from minimega ${spec.imported.factsFrom}: category \`${spec.category}\`, ${categoryMeaning[spec.category]}.`
        : 'Not in a built-in dialect: its category, argument values and checks are unknown to `mm`.',
    );
  }
  return out.join('\n\n') + '\n';
}
