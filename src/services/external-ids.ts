import { createHmac } from 'node:crypto';
import type { Person } from '../domain/people';

/**
 * The id the CRM knows a person by: an HMAC of their tenant and object id under a secret kept in the
 * store. Stable (so updates and deletion find the contact) yet meaningless outside this app.
 */
export class ExternalIds {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new Error('The external id secret must be at least 32 bytes');
  }

  of(person: Person): string {
    return `wb-${createHmac('sha256', this.secret).update(`${person.tenantId}/${person.userId}`).digest('base64url').slice(0, 32)}`;
  }
}
