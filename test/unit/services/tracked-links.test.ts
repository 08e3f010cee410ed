import assert from 'node:assert/strict';
import { TRACKED_LINK_LIFETIME_MS } from '../../../src/services/tracked-links';
import { openFixture, type Fixture } from './recommendation-fixture';

describe('tracked links', () => {
  let f: Fixture;
  beforeEach(async () => (f = await openFixture()));
  afterEach(() => f.db.close());

  const alex = { userId: 'alex', tenantId: 't1' };
  const tokenOf = (url: string) => new URL(url).searchParams.get('t')!;
  const kinds = async () => (await f.store.usage.listFor(alex)).map((r) => `${r.kind} ${r.itemId}`);

  it('builds absolute links under the public base URL', () => {
    assert.match(f.links.courseUrl(alex, 'grief'), /^https:\/\/wellbeing\.example\.com\/r\/course\/grief\?t=[\w-]+\.[\w-]+$/);
    assert.match(f.links.roomUrl(alex, 'r-calm'), /^https:\/\/wellbeing\.example\.com\/r\/room\/r-calm\?t=/);
  });

  it('records a course view, and the opened recommendation, for the person the link was made for', async () => {
    const url = await f.links.follow('course', 'grief', tokenOf(f.links.courseUrl(alex, 'grief', 'recommendation')), { record: true });
    assert.equal(url, 'https://learn.example.com/courses/grief');
    assert.deepEqual(await kinds(), ['course.viewed grief', 'recommendation.opened grief']);
  });

  it('records a room visit', async () => {
    assert.equal(await f.links.follow('room', 'r-calm', tokenOf(f.links.roomUrl(alex, 'r-calm')), { record: true }), 'https://learn.example.com/rooms/r-calm');
    assert.deepEqual(await kinds(), ['room.visited r-calm']);
  });

  it('leads on without recording when the token is missing, forged, for another item or expired', async () => {
    const token = tokenOf(f.links.courseUrl(alex, 'grief'));
    const [body, mac] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ u: 'blair', tn: 't1', id: 'grief', exp: Date.now() + 1e9 })).toString('base64url')}.${mac}`;
    for (const candidate of [undefined, forged, `${body}.${mac!.slice(1)}x`]) {
      assert.equal(await f.links.follow('course', 'grief', candidate, { record: true }), 'https://learn.example.com/courses/grief');
    }
    assert.equal(await f.links.follow('course', 'move', token, { record: true }), 'https://learn.example.com/courses/move');
    assert.equal(await f.links.follow('room', 'r-calm', token, { record: true }), 'https://learn.example.com/rooms/r-calm', 'a course token is no room token');
    f.clock.advance(TRACKED_LINK_LIFETIME_MS + 1);
    assert.equal(await f.links.follow('course', 'grief', token, { record: true }), 'https://learn.example.com/courses/grief');
    assert.deepEqual(await kinds(), []);
    assert.deepEqual(await f.store.usage.listFor({ userId: 'blair', tenantId: 't1' }), []);
  });

  it('does not record when asked not to (a HEAD request)', async () => {
    await f.links.follow('course', 'grief', tokenOf(f.links.courseUrl(alex, 'grief')), { record: false });
    assert.deepEqual(await kinds(), []);
  });

  it('knows nothing of items outside the catalogue', async () => {
    assert.equal(await f.links.follow('course', 'nope', tokenOf(f.links.courseUrl(alex, 'nope')), { record: true }), undefined);
    assert.deepEqual(await kinds(), []);
  });
});
