/**
 * A failed call to an outside service, saying what the service said: which service, the HTTP status,
 * whether trying again can help, and a short detail (the service's error code, never a token or a
 * whole body). `retryAfterMs` carries a 429/503 `Retry-After` when the service sent one.
 */
export class IntegrationError extends Error {
  constructor(
    readonly service: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    readonly details: string,
    readonly retryAfterMs?: number,
  ) {
    super(`${service} ${status ?? 'no response'}: ${details}`);
    this.name = 'IntegrationError';
  }
}

/** Statuses worth another try (Teams rate-limit guidance: 429, 412, 502, 503, 504; plus 500 and 408). */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || [408, 412, 429, 500, 502, 503, 504].includes(status);
}
