import { CARD_VERSION, renderTemplate, type AdaptiveCard } from './render';

/**
 * `adaptivecards-templating` parses every `${…}` expression on every expansion: about 10 ms for a
 * session card, a quarter of a second for a page of 25 search results. A template is therefore
 * expanded once per shape, with markers standing in for the text, and each card after that is the
 * cached expansion with the markers replaced by the real text.
 *
 * What decides the shape: the values of the `structural` fields (e.g. `state` in `${state == 'open'}`),
 * every number and boolean, whether each text is empty (`${joinUrl != ''}`), and array lengths.
 * Templates rendered this way may test text only for emptiness and must not pass text through
 * functions (`${toUpper(title)}`); a test renders every fixture both ways to hold them to it.
 */
export class CompiledTemplate {
  /** Each shape's expansion, as JSON text with the markers in it. */
  private readonly expansions = new Map<string, string>();

  constructor(private readonly template: object, private readonly structural: readonly string[] = []) {}

  render(data: Readonly<Record<string, unknown>>): AdaptiveCard {
    const texts: string[] = [];
    const shape: string[] = [];
    const skeleton = Object.fromEntries(
      Object.entries(data).map(([key, value]) => {
        if (!this.structural.includes(key)) return [key, markTexts(value, texts, shape)];
        shape.push(`${key}=${JSON.stringify(value)}`);
        return [key, value];
      }),
    );
    const key = shape.join('|');
    let expansion = this.expansions.get(key);
    if (expansion === undefined) {
      expansion = JSON.stringify(renderTemplate(this.template, skeleton));
      this.expansions.set(key, expansion);
    }
    // The texts go in JSON-escaped and the parse is native: cheaper than copying the tree by hand.
    const json = expansion.replace(MARKER, (_marker, index: string) => JSON.stringify(texts[Number(index)] ?? '').slice(1, -1));
    return { ...(JSON.parse(json) as AdaptiveCard), version: CARD_VERSION };
  }
}

/** A marker as JSON.stringify writes it: control characters become `\u0001` escapes. */
const MARKER = /\\u0001(\d+)\\u0002/g;

/** Replaces each non-empty text with a numbered marker, recording the text and the data's shape. */
function markTexts(value: unknown, texts: string[], shape: string[]): unknown {
  if (typeof value === 'string') {
    shape.push(value === '' ? 'e' : 't');
    if (value === '') return value;
    texts.push(value);
    return `\u0001${texts.length - 1}\u0002`;
  }
  if (Array.isArray(value)) {
    shape.push(`[${value.length}`);
    return value.map((item) => markTexts(item, texts, shape));
  }
  if (typeof value === 'object' && value !== null) {
    shape.push(`{${Object.keys(value).join(',')}`);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, markTexts(item, texts, shape)]));
  }
  shape.push(JSON.stringify(value) ?? 'u');
  return value;
}
