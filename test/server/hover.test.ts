import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HoverRequest,
  SignatureHelpRequest,
  SignatureHelpTriggerKind,
  type Hover,
  type MarkupContent,
  type SignatureHelp,
} from 'vscode-languageserver-protocol';
import { startServer, type TestClient } from './helpers/lsp-client.js';
import { suiteScriptDir } from './helpers/files.js';
import { fixture } from './helpers/fixture.js';

// Made before the server starts, removed after it has stopped (suiteTempDir).
const dir = suiteScriptDir({ 'vms.mm': 'vm launch kvm db1\n' });
let client: TestClient;
beforeAll(async () => {
  client = await startServer();
});
afterAll(async () => {
  await client.stop();
});

let n = 0;
async function hover(source: string): Promise<{ hover: Hover | null; text: string; cursor: number }> {
  const f = fixture(source);
  const uri = dir.uri(`hover-${n++}.mm`);
  await client.open(uri, f.text);
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: f.cursors[0]! });
  return { hover: h, text: h ? (h.contents as MarkupContent).value : '', cursor: f.cursors[0]!.character };
}

async function signature(source: string): Promise<SignatureHelp | null> {
  const f = fixture(source);
  const uri = dir.uri(`sig-${n++}.mm`);
  await client.open(uri, f.text);
  return client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position: f.cursors[0]! });
}

describe('hover', () => {
  it('a command word: the doc, the matched pattern with the word bold, the category', async () => {
    const { hover: h, text } = await hover('vm config mem<|>ory 2048');
    expect(text).toContain('**vm config memory**');
    expect(text).toContain('`vm` `config` **`memory`** `[memory in megabytes]`');
    expect(text).toContain('*local*: runs on this node only');
    expect(h!.range).toEqual({ start: { line: 0, character: 10 }, end: { line: 0, character: 16 } });
  });

  it('an argument: highlighted in the pattern, with its description', async () => {
    const { text } = await hover('vm config memory 20<|>48');
    expect(text).toContain('**`[memory in megabytes]`**');
    expect(text).toContain('`memory`: ');
  });

  it('what the category means under a namespace (broadcast, VM target, special)', async () => {
    expect((await hover('vm in<|>fo')).text).toContain('*broadcast*: with a namespace active, every host');
    expect((await hover('vm st<|>art all')).text).toContain('*VM target*:');
    expect((await hover('vm lau<|>nch kvm a')).text).toContain('only queues the VMs');
  });

  it('nested commands: the word of the nested command', async () => {
    const { text } = await hover('namespace foo vm fl<|>ush');
    expect(text).toContain('**vm flush**');
  });

  it('a VM name: where it is defined, here and in a file the script reads', async () => {
    const local = await hover('namespace lab\nvm launch kvm web[1-2]\nvm start we<|>b1');
    expect(local.text).toContain('**VM `web1`**');
    expect(local.text).toMatch(/\[line 2\]\(file:\/\/\S+#L2\) \(namespace `lab`\)/);
    const read = await hover('read vms.mm\nvm kill d<|>b1');
    expect(read.text).toContain('`vms.mm`, line 1');
  });

  it('a namespace name: where it was first used', async () => {
    const { text } = await hover('namespace lab\nclear namespace l<|>ab');
    expect(text).toContain('**Namespace `lab`**');
    expect(text).toContain('line 1');
  });

  it('nothing on comments, empty lines and unknown commands', async () => {
    expect((await hover('# a comm<|>ent')).hover).toBeNull();
    expect((await hover('bog<|>us')).hover).toBeNull();
  });
});

describe('signature help', () => {
  it('the patterns still possible, the argument under the cursor active', async () => {
    const s = (await signature('vlans add <|>'))!;
    expect(s.signatures.map((x) => x.label)).toEqual(['vlans add <alias> <vlan>']);
    expect(s.activeParameter).toBe(2);
    expect(s.signatures[0]!.parameters![2]!.label).toEqual([10, 17]);
  });

  it('several patterns while the command is still ambiguous', async () => {
    const s = (await signature('tap create 10 <|>'))!;
    expect(s.signatures.length).toBeGreaterThan(3);
    expect(s.signatures.map((x) => x.label)).toContain('tap create <vlan> name <tap name>');
    expect(s.signatures.every((x) => x.activeParameter === 3)).toBe(true);
  });

  it('inside a nested command', async () => {
    const s = (await signature('namespace foo vm start <|>'))!;
    expect(s.signatures.map((x) => x.label)).toEqual(['vm start <target>']);
    expect(s.activeParameter).toBe(2);
  });

  it('none on an unknown command', async () => {
    expect(await signature('bogus <|>')).toBeNull();
  });
});

describe('signature help and an open completion list', () => {
  it('typing a space where a list of words opens brings no signature help; asking for it does', async () => {
    const f = fixture('vm <|>');
    const uri = dir.uri(`sig-ctx-${n++}.mm`);
    await client.open(uri, f.text);
    const typed = await client.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri },
      position: f.cursors[0]!,
      context: { triggerKind: SignatureHelpTriggerKind.TriggerCharacter, triggerCharacter: ' ', isRetrigger: false },
    });
    expect(typed).toBeNull();
    const asked = await client.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri },
      position: f.cursors[0]!,
      context: { triggerKind: SignatureHelpTriggerKind.Invoked, isRetrigger: false },
    });
    expect(asked?.signatures.length).toBeGreaterThan(0);
  });

  it('at a value, where no list opens, a typed space brings it', async () => {
    const f = fixture('vm config memory <|>');
    const uri = dir.uri(`sig-ctx-${n++}.mm`);
    await client.open(uri, f.text);
    const typed = await client.connection.sendRequest(SignatureHelpRequest.type, {
      textDocument: { uri },
      position: f.cursors[0]!,
      context: { triggerKind: SignatureHelpTriggerKind.TriggerCharacter, triggerCharacter: ' ', isRetrigger: false },
    });
    expect(typed?.signatures.map((s) => s.label)).toEqual(['vm config memory [memory in megabytes]']);
  });
});

describe('hover on what does not match, kept short', () => {
  it('on a line with an error: the command it starts as, the argument and its hint', async () => {
    expect((await hover('vm ki<|>ll')).text).toContain('**vm kill**');
    const vlans = await hover('vlans add d<|>mz');
    expect(vlans.text).toContain('**`<alias>`**');
    expect(vlans.text).toMatch(/`alias`: \S/);
    const kvm = await hover('vm launch k<|>vm');
    expect(kvm.text).toContain('**vm launch**');
    expect(kvm.text).toContain('**`kvm`** `<name or count>`');
    expect(kvm.hover!.range).toEqual({ start: { line: 0, character: 10 }, end: { line: 0, character: 13 } });
  });

  it('no hover on an unknown first word or inside a comment', async () => {
    expect((await hover('bog<|>us thing')).hover).toBeNull();
    expect((await hover('vm info # vm la<|>unch')).hover).toBeNull();
  });

  it('short: summary, pattern, one example; no long paragraphs about namespaces or the simulator', async () => {
    const { text } = await hover('vm lau<|>nch kvm a');
    expect(text.match(/```/g)).toHaveLength(2);
    expect(text).toContain('vm launch kvm web[1-4]');
    expect(text).not.toContain('Namespaces:');
    expect(text).not.toContain('In `mm`');
    expect(text).not.toContain('deterministic');
    expect(text).not.toContain('command:minimega.showCommandReference');
  });

  it('a range names the whole range', async () => {
    const { text } = await hover('vm launch kvm we<|>b[1-3]\nvm start web2');
    expect(text).toContain('**VMs `web[1-3]`**: `web1`, `web2`, `web3`');
    // The mentions of every VM of the range count (web2 on line 2), not those of web1 alone.
    expect(text).toContain('mentioned 1 more time');
    expect((await hover('vm launch kvm we<|>b[1-3]')).text).toContain('mentioned nowhere else');
    // A long range: the mentions are counted over its first 1,000 names, and the hover says so.
    const long = (await hover('vm launch kvm we<|>b[1-5000]\nvm start web2\nvm start web4000')).text;
    expect(long).toContain('... (5000 in all)');
    expect(long).toContain("mentioned 1 more time (counting the range's first 1,000 names)");
  });
});

describe('hover in a client that runs the extension commands', () => {
  it('links to the command reference', async () => {
    const vscode = await startServer({ initializationOptions: { referenceCommand: true } });
    try {
      const uri = dir.uri('hover-links.mm');
      await vscode.open(uri, 'vm info\n');
      const h = await vscode.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 4 } });
      expect((h!.contents as MarkupContent).value).toContain('](command:minimega.showCommandReference)');
    } finally {
      await vscode.stop();
    }
  });
});
