import assert from 'node:assert/strict';
import { TenantGuard } from '../../src/bot/tenant-guard';
import { crmContactFrom, isEmailAddress, localPlaceholderEmail, MIN_GROUP_SIZE } from '../../src/domain/privacy';
import { buildUsageReport, type WeeklyUsageCount } from '../../src/domain/usage-report';
import { ErasureRegistry } from '../../src/services/erasure-registry';

const TENANT = '11111111-2222-3333-4444-555555555555';
const OTHER = '99999999-2222-3333-4444-555555555555';

describe('tenant guard', () => {
  const guard = new TenantGuard(TENANT);
  const activity = (channelData: unknown, tenantId?: unknown) => ({ channelData, conversation: { id: 'c', tenantId } }) as never;

  it('lets in an activity naming our tenant in either or both places', () => {
    assert.equal(guard.allows(activity({ tenant: { id: TENANT } }, TENANT)), true);
    assert.equal(guard.allows(activity({ tenant: { id: TENANT } })), true);
    assert.equal(guard.allows(activity(undefined, TENANT.toUpperCase())), true);
  });

  it('refuses another tenant in either place, a missing tenant, or a tenant that is not text', () => {
    for (const [channelData, tenantId] of [[{ tenant: { id: OTHER } }, TENANT], [{ tenant: { id: TENANT } }, OTHER], [undefined, undefined], [{}, undefined], [{ tenant: { id: 42 } }, undefined], ['x', TENANT.slice(1)]] as const) {
      assert.equal(guard.allows(activity(channelData, tenantId)), false, JSON.stringify([channelData, tenantId]));
    }
  });
});

describe('what reaches the CRM', () => {
  it('takes first and last name from the directory, else splits the display name, and nothing else', () => {
    assert.deepEqual(crmContactFrom('wb-1', 'a@b.example', { givenName: 'Amira', surname: 'Haddad', displayName: 'Dr A', mail: 'x@y.example' }), { externalId: 'wb-1', email: 'a@b.example', firstName: 'Amira', lastName: 'Haddad' });
    assert.deepEqual(crmContactFrom('wb-1', 'a@b.example', { displayName: 'Jean Paul  Sartre' }), { externalId: 'wb-1', email: 'a@b.example', firstName: 'Jean', lastName: 'Paul Sartre' });
    assert.deepEqual(crmContactFrom('wb-1', 'a@b.example', undefined), { externalId: 'wb-1', email: 'a@b.example' });
  });

  it('uses a placeholder address that can never be delivered in local mode', () => {
    assert.equal(localPlaceholderEmail({ userId: '29:Some User', tenantId: 'local' }), 'local-29-some-user@localhost.invalid');
    assert.equal(isEmailAddress(localPlaceholderEmail({ userId: '!!!', tenantId: 'local' })), true);
    for (const bad of ['', 'a', 'a@b', '<a@b.c>', 'a b@c.d', 42, `${'a'.repeat(250)}@b.cd`]) assert.equal(isEmailAddress(bad), false, String(bad));
  });
});

describe('aggregate report', () => {
  const count = (kind: WeeklyUsageCount['kind'], people: number, week = 48): WeeklyUsageCount => ({ tenantId: TENANT, isoYear: 2026, isoWeek: week, kind, people, events: people * 2 });

  it(`withholds every group of fewer than ${MIN_GROUP_SIZE} people, none included`, () => {
    const [row] = buildUsageReport([count('session.booked', 5), count('session.attended', 4), count('course.viewed', 12)]);
    assert.deepEqual(row, {
      tenantId: TENANT, week: '2026-W48',
      metrics: { sessionsBooked: { people: 5, events: 10 }, sessionsAttended: null, coursesViewed: { people: 12, events: 24 }, roomsVisited: null },
    });
  });

  it('has one row per tenant and week, in order, and ignores kinds it does not report', () => {
    const rows = buildUsageReport([count('session.booked', 9, 50), count('session.booked', 9, 2), count('recommendation.shown', 50, 2)]);
    assert.deepEqual(rows.map((row) => row.week), ['2026-W02', '2026-W50']);
  });
});

describe('erasure registry', () => {
  const holder = (name: string) => ({ name, exportFor: async () => null, eraseFor: async () => 0 });

  it('keeps holders in registration order, a holder placed before another where asked', () => {
    const registry = new ErasureRegistry().register(holder('usage')).register(holder('users')).register(holder('bookings'), { before: 'usage' });
    assert.deepEqual(registry.names(), ['bookings', 'usage', 'users']);
    assert.throws(() => registry.register(holder('users')), /already registered/);
  });
});
