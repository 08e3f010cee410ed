import assert from 'node:assert/strict';
import { CompiledTemplate } from '../../src/cards/compiled-template';
import { renderTemplate } from '../../src/cards/render';

const TEMPLATE = {
  type: 'AdaptiveCard',
  version: '1.0',
  body: [
    { type: 'TextBlock', text: 'Hello ${name} · ${when}' },
    { $when: "${note != ''}", type: 'TextBlock', text: '${note}' },
    { $when: "${state == 'open'}", type: 'TextBlock', text: 'open' },
    { type: 'FactSet', facts: [{ $data: '${facts}', title: '${label}', value: '${value}' }] },
  ],
  actions: [{ $when: "${url != ''}", type: 'Action.OpenUrl', url: '${url}' }],
};

describe('compiled card templates', () => {
  const compiled = new CompiledTemplate(TEMPLATE, ['state']);
  const cases: Record<string, unknown>[] = [
    { name: 'Ana', when: '{{DATE(2026-12-03T11:30:00Z, SHORT)}}', note: '', state: 'open', facts: [{ label: 'a', value: '1' }], url: '' },
    { name: 'Bo', when: 'later', note: 'moved', state: 'full', facts: [], url: 'https://example.com/x' },
    { name: '${state} \u00010\u0002', when: '$where', note: '{"$gt":""}', state: 'open', facts: [{ label: 'x', value: 'y' }, { label: 'z', value: '' }], url: 'https://e.com' },
    { name: 'Ana', when: 'now', note: '', state: 'open', facts: [{ label: 'b', value: '2' }], url: '' },
  ];

  it('renders exactly what a plain expansion renders, for every shape and text', () => {
    for (const data of cases) assert.deepEqual(compiled.render(data), renderTemplate(TEMPLATE, data), JSON.stringify(data));
  });

  it('does not let one card’s text leak into the next card of the same shape', () => {
    const first = JSON.stringify(compiled.render(cases[0]!));
    const last = JSON.stringify(compiled.render(cases[3]!));
    assert.match(first, /"text":"Hello Ana · \{\{DATE/);
    assert.match(last, /"text":"Hello Ana · now"/);
    assert.doesNotMatch(last, /DATE/);
  });
});
