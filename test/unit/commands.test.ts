import assert from 'node:assert/strict';
import { parsePersonalCommand } from '../../src/bot/commands';

describe('personal commands', () => {
  const cases: [string, string | undefined][] = [
    ['help', 'help'],
    ['  HELP ', 'help'],
    ['aide', 'help'],
    ['my sessions', 'mySessions'],
    ['Mes séances', 'mySessions'],
    ['mes seances', 'mySessions'],
    ['recommandations', 'recommend'],
    ['Paramètres', 'settings'],
    ['forget me', 'forgetMe'],
    ['supprimer mes données', 'forgetMe'],
    ['export my data', 'exportMyData'],
    ['exporter mes donnees', 'exportMyData'],
    ['hello there', undefined],
    ['', undefined],
    ['help'.repeat(100), undefined],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text.slice(0, 30))} as ${expected ?? 'no command'}`, () => {
      assert.equal(parsePersonalCommand(text), expected);
    });
  }
});
