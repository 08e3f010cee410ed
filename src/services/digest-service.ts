import { noticeKeys } from '../domain/notices';
import type { UserRecord } from '../domain/people';
import type { Clock, Log, NoticeQueue, UserRepository } from '../domain/ports';
import { DIGEST_SIZE, digestPicks, digestWeekDue } from '../domain/recommendation/digest';
import type { RecommendationService } from './recommendation-service';

const PAGE = 200;

/**
 * The opt-in weekly digest: during the Monday window, one notice per subscriber goes into the
 * delivery queue, keyed by person and ISO week, so a week never gets two whatever the number of
 * instances or runs. It carries only recommendations grounded in the person's own usage or chosen
 * interests (nothing promotional); with none, there is no digest that week.
 */
export class DigestService {
  /** Weeks this instance already went through entirely: later runs in the same window skip the work. */
  private completedWeek: string | undefined;

  constructor(private readonly deps: { users: UserRepository; recommendations: RecommendationService; notices: NoticeQueue; clock: Clock; log: Log }) {}

  /** Safe to call as often as wanted (e.g. hourly); returns how many digests it queued. */
  async enqueueDue(): Promise<number> {
    const due = digestWeekDue(this.deps.clock.now());
    if (!due || this.completedWeek === due.week) return 0;
    let queued = 0;
    let failed = 0;
    let after: string | undefined;
    for (;;) {
      const page = await this.deps.users.listDigestSubscribers(PAGE, after);
      for (const user of page) {
        try {
          if (await this.enqueueFor(user, due)) queued += 1;
        } catch (error) {
          failed += 1;
          this.deps.log.error({ err: error, week: due.week }, 'weekly digest not queued for one person; the next run retries');
        }
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.userId;
    }
    if (failed === 0) this.completedWeek = due.week;
    this.deps.log.info({ week: due.week, queued, failed }, 'weekly digests queued');
    return queued;
  }

  private async enqueueFor(user: UserRecord, due: { week: string; dueAt: Date }): Promise<boolean> {
    const person = { userId: user.userId, tenantId: user.tenantId };
    const picks = digestPicks(await this.deps.recommendations.recommend(person, DIGEST_SIZE, user.preferences.locale));
    if (picks.length === 0) return false;
    return this.deps.notices.enqueue({
      key: noticeKeys.digest(person, due.week),
      person,
      dueAt: due.dueAt,
      payload: { kind: 'recommendations.digest', courseIds: picks.map((pick) => pick.course.id) },
    });
  }
}
