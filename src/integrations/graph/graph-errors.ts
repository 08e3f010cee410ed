import { DeliveryError, retryAfterMs } from '../../domain/delivery';
import { IntegrationError, isRetryableStatus } from '../integration-error';

interface GraphErrorLike {
  statusCode?: number;
  code?: string | null;
  headers?: { get(name: string): string | null };
}

/** A Graph client error (`GraphError`: statusCode, code, headers) as our typed IntegrationError. */
export function toIntegrationError(error: unknown, operation: string): IntegrationError {
  if (error instanceof IntegrationError) return error;
  const graph = (error ?? {}) as GraphErrorLike;
  const status = typeof graph.statusCode === 'number' && graph.statusCode > 0 ? graph.statusCode : undefined;
  const retryAfter = retryAfterMs(graph.headers?.get?.('retry-after'), Date.now());
  const code = typeof graph.code === 'string' ? graph.code : status === undefined ? 'NetworkError' : 'Unknown';
  return new IntegrationError('graph', status, isRetryableStatus(status), `${operation}: ${code}`, retryAfter);
}

/** How the delivery policy should treat a Graph failure. */
export function toDeliveryError(error: IntegrationError, notReachable: (status: number | undefined) => boolean = () => false): DeliveryError {
  const detail = `${error.service} ${error.status ?? '-'} ${error.details}`;
  if (error.status === 429) return new DeliveryError('THROTTLED', detail, error.retryAfterMs);
  if (notReachable(error.status)) return new DeliveryError('NO_CONVERSATION', detail);
  return new DeliveryError(error.retryable ? 'TRANSIENT' : 'REJECTED', detail, error.retryAfterMs);
}
