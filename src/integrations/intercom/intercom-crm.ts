import { IntercomClient, IntercomError } from 'intercom-client';
import type { CrmContact } from '../../domain/privacy';
import type { Crm } from '../../domain/privacy-ports';

/** A failed Intercom call, saying what Intercom said (status, error codes), never the body we sent. */
export class CrmError extends Error {
  readonly service = 'intercom';
  constructor(readonly status: number | undefined, readonly retryable: boolean, readonly details: string) {
    super(`Intercom answered ${status ?? 'nothing'}${details ? ` (${details})` : ''}`);
    this.name = 'CrmError';
  }
}

/**
 * Intercom contacts through `intercom-client`. A contact is found by our opaque external id; it holds
 * that id, the e-mail and `name` (Intercom has one name field: first and last name joined), and
 * nothing else. Deletion is `DELETE /contacts/{id}`, Intercom's permanent deletion (API 2.x; archiving
 * is a different request, `POST /contacts/{id}/archive`, and is never used).
 */
export class IntercomCrm implements Crm {
  private readonly client: IntercomClient;

  constructor(options: { token: string; baseUrl: string; timeoutSeconds?: number }) {
    // One quick SDK retry of a 429/5xx; beyond that the delivery queue retries later, with backoff.
    this.client = new IntercomClient({ token: options.token, baseUrl: options.baseUrl.replace(/\/+$/, ''), timeoutInSeconds: options.timeoutSeconds ?? 10, maxRetries: 1 });
  }

  async upsertContact(contact: CrmContact): Promise<void> {
    const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || undefined;
    const existing = await this.findId(contact.externalId);
    await this.call(() =>
      existing
        ? this.client.contacts.update({ contact_id: existing, email: contact.email, ...(name ? { name } : {}) })
        : this.client.contacts.create({ role: 'user', external_id: contact.externalId, email: contact.email, ...(name ? { name } : {}) }),
    );
  }

  async deleteContact(externalId: string): Promise<boolean> {
    const id = await this.findId(externalId);
    if (!id) return false;
    try {
      await this.client.contacts.delete({ contact_id: id });
      return true;
    } catch (error) {
      if (error instanceof IntercomError && error.statusCode === 404) return false; // deleted meanwhile
      throw toCrmError(error);
    }
  }

  private async findId(externalId: string): Promise<string | undefined> {
    try {
      const contact = await this.client.contacts.showContactByExternalId({ external_id: externalId });
      return (contact as { id?: string }).id;
    } catch (error) {
      if (error instanceof IntercomError && error.statusCode === 404) return undefined;
      throw toCrmError(error);
    }
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toCrmError(error);
    }
  }
}

function toCrmError(error: unknown): CrmError {
  if (error instanceof IntercomError) {
    const status = error.statusCode;
    const codes = ((error.body as { errors?: { code?: unknown }[] } | undefined)?.errors ?? []).map((e) => String(e.code)).join(',');
    return new CrmError(status, status === undefined || status === 429 || status >= 500, codes);
  }
  return new CrmError(undefined, true, error instanceof Error ? error.name : 'unknown');
}
