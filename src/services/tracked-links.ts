import type { Person } from '../domain/people';
import type { Clock, CourseRepository, Log, RoomRepository } from '../domain/ports';
import type { LinkSigner } from './signed-links';
import type { UsageService } from './usage-service';

export type TrackedTarget = 'course' | 'room';

/** Where a link was handed out: a recommendation also records `recommendation.opened`. */
export type LinkSource = 'recommendation';

const PURPOSE: Record<TrackedTarget, string> = { course: 'open.course', room: 'open.room' };

/**
 * How long a link records the open. An expired link still leads to the course, untracked: a card
 * stays in the chat for months, and a person must never be stopped from reaching a course.
 */
export const TRACKED_LINK_LIFETIME_MS = 14 * 86_400_000;

/**
 * Links that go through the app (`/r/course/:id?t=…`) so that opening a course or a viewing room is
 * recorded. The token names the person and the item and is signed, so nobody can record for someone else.
 */
export class TrackedLinks {
  constructor(
    private readonly deps: {
      signer: LinkSigner;
      /** Absolute root the browser reaches, from `PUBLIC_BASE_URL`. */
      publicBaseUrl: string;
      courses: CourseRepository;
      rooms: RoomRepository;
      usage: UsageService;
      clock: Clock;
      log: Log;
    },
  ) {}

  courseUrl(person: Person, courseId: string, source?: LinkSource): string {
    return this.url('course', person, courseId, source);
  }

  roomUrl(person: Person, roomId: string): string {
    return this.url('room', person, roomId, undefined);
  }

  /**
   * The destination of a link, or undefined when the item is not in the catalogue. When `record` is
   * set (a GET, not a HEAD from a link checker) and the token holds for this item, the open is
   * recorded first; a failure to record is logged and never keeps the person from their course.
   */
  async follow(target: TrackedTarget, id: string, token: string | undefined, options: { record: boolean }): Promise<string | undefined> {
    const item = target === 'course' ? await this.deps.courses.get(id) : await this.deps.rooms.get(id);
    if (!item) return undefined;
    const claims = token ? this.deps.signer.verify(PURPOSE[target], token, this.deps.clock.now()) : undefined;
    if (!claims || claims.id !== id || !claims.u || !claims.tn) {
      this.deps.log.debug({ target, tracked: false }, 'untracked open: no valid token');
      return item.url;
    }
    if (options.record) await this.recordOpen(target, { userId: claims.u, tenantId: claims.tn }, id, claims.via);
    return item.url;
  }

  private async recordOpen(target: TrackedTarget, person: Person, id: string, via: string | undefined): Promise<void> {
    try {
      if (target === 'course') {
        await this.deps.usage.record({ ...person, kind: 'course.viewed', itemType: 'course', itemId: id });
        if (via === 'rec') await this.deps.usage.record({ ...person, kind: 'recommendation.opened', itemType: 'course', itemId: id });
      } else {
        await this.deps.usage.record({ ...person, kind: 'room.visited', itemType: 'room', itemId: id });
      }
    } catch (error) {
      this.deps.log.error({ err: error, target }, 'could not record an open; redirecting anyway');
    }
  }

  private url(target: TrackedTarget, person: Person, id: string, source: LinkSource | undefined): string {
    const claims = { u: person.userId, tn: person.tenantId, id, ...(source === 'recommendation' ? { via: 'rec' } : {}) };
    const token = this.deps.signer.sign(PURPOSE[target], claims, new Date(this.deps.clock.now().getTime() + TRACKED_LINK_LIFETIME_MS));
    return `${this.deps.publicBaseUrl}/r/${target}/${encodeURIComponent(id)}?t=${token}`;
  }
}
