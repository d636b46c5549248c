/** textDocument/semanticTokens/full: the legend at initialize, tokens decoded against the text. */
import * as assert from 'node:assert/strict';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { DEMO_PLAN, docUri, useServer } from './lspClient';

describe('protocol: semantic tokens', () => {
  const server = useServer();

  it('every token of the demo plan, with its type and whether it is a declaration', async () => {
    const client = server.client();
    const provider = client.initializeResult.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend; full: boolean; range: boolean };
    assert.equal(provider.full, true);
    const { legend } = provider;
    const uri = docUri('tokens.plan');
    await client.openAndWait(uri, DEMO_PLAN);
    const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.equal(data.length % 5, 0);
    const lines = DEMO_PLAN.split('\n');
    const decoded: string[] = [];
    let line = 0, character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
      decoded.push(`${lines[line].slice(character, character + data[i + 2])} ${legend.tokenTypes[data[i + 3]]}${modifiers.map((m) => '.' + m).join('')}`);
    }
    assert.deepEqual(decoded, [
      'project keyword', 'demo namespace.declaration', '"Demo" string',
      'start property', '2027-01-04 number', 'currency property', 'EUR enumMember', 'budget property', '10_000 number',
      'resource keyword', 'ana class.declaration', '"Ana Lima" string', 'rate property', '500 number', '/ operator', 'd keyword',
      'resource keyword', 'ben class.declaration', '"Ben Ode" string', 'rate property', '400 number', '/ operator', 'd keyword',
      'task keyword', 'design function.declaration', '"Design" string', 'effort property', '4d number', 'assign property', 'ana class',
      'task keyword', 'build function.declaration', '"Build" string', 'after property', 'design function',
      'duration property', '5d number', 'assign property', 'ben class', '50% number',
      'milestone keyword', 'done event.declaration', '"Done" string', 'after property', 'build function',
    ]);
  });

  it('a policy document has no plan tokens', async () => {
    const client = server.client();
    const uri = docUri('tokens.policy');
    await client.openAndWait(uri, 'policy p { }\n', 'plan-policy');
    assert.deepEqual(await client.request('textDocument/semanticTokens/full', { textDocument: { uri } }), { data: [] });
  });
});
