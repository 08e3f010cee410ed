import { randomUUID } from 'node:crypto';
import { HttpFake, type RecordedRequest } from './http-fake';

export interface FakeContact {
  id: string;
  external_id: string;
  email?: string;
  name?: string;
  role: string;
}

const notFound = { status: 404, body: { type: 'error.list', request_id: 'r', errors: [{ code: 'not_found', message: 'User Not Found' }] } };

/**
 * Intercom's REST API (2.x) for contacts as `intercom-client` calls it: find by external id, create,
 * update, delete (permanent) and archive (which the app must never use). Keeps the contacts, so a test
 * can check what Intercom holds after an erasure.
 */
export class FakeIntercom extends HttpFake {
  readonly contacts = new Map<string, FakeContact>();

  constructor() {
    super();
    this.on('GET', /^\/contacts\/find_by_external_id\/[^/]+$/, (request) => {
      const externalId = decodeURIComponent(request.path.split('/')[3]!);
      const contact = [...this.contacts.values()].find((c) => c.external_id === externalId);
      return contact ? { status: 200, body: { type: 'contact', ...contact } } : notFound;
    });
    this.on('POST', /^\/contacts$/, (request) => {
      const body = request.body as Partial<FakeContact>;
      const contact: FakeContact = { id: randomUUID().replace(/-/g, '').slice(0, 24), role: body.role ?? 'user', external_id: body.external_id ?? '', email: body.email, name: body.name };
      this.contacts.set(contact.id, contact);
      return { status: 200, body: { type: 'contact', ...contact } };
    });
    this.on('PUT', /^\/contacts\/[^/]+$/, (request) => {
      const contact = this.contacts.get(request.path.split('/')[2]!);
      if (!contact) return notFound;
      Object.assign(contact, request.body as Partial<FakeContact>);
      return { status: 200, body: { type: 'contact', ...contact } };
    });
    this.on('DELETE', /^\/contacts\/[^/]+$/, (request) => {
      const id = request.path.split('/')[2]!;
      const contact = this.contacts.get(id);
      if (!contact) return notFound;
      this.contacts.delete(id);
      return { status: 200, body: { id, external_id: contact.external_id, type: 'contact', deleted: true } };
    });
    this.on('POST', /^\/contacts\/[^/]+\/archive$/, (request) => ({ status: 200, body: { id: request.path.split('/')[2], type: 'contact', archived: true } }));
  }

  /** Every JSON body the app sent to Intercom. */
  sentBodies(): Record<string, unknown>[] {
    return this.requests.filter((request: RecordedRequest) => request.body !== undefined && typeof request.body === 'object').map((request) => request.body as Record<string, unknown>);
  }

  /** Makes every request fail with 503 until `recover()`. */
  goDown(): void {
    this.failNext(1_000, { status: 503, body: { type: 'error.list', errors: [{ code: 'service_unavailable', message: 'down' }] } });
  }

  recover(): void {
    this.clearFailures();
  }
}
