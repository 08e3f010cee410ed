import type { RecommendationItemView, RecommendationNotice, RecommendationsView, ReasonView } from '../cards/recommendation-card';
import type { Course, Language } from '../domain/catalog';
import type { Person, UserRecord } from '../domain/people';
import type { CatalogVersionRepository, Clock, CourseRepository, Log, RoomRepository, SessionRepository, UsageAggregateRepository, UserRepository } from '../domain/ports';
import { digestPicks } from '../domain/recommendation/digest';
import type { RecommendationReason } from '../domain/recommendation/reasons';
import { recommend, sourcesToRead } from '../domain/recommendation/recommend';
import { parseItemKey } from '../domain/recommendation/signals';
import type { TrackedLinks } from './tracked-links';
import type { UsageService } from './usage-service';

export interface RecommendedCourse {
  readonly course: Course;
  readonly reason: RecommendationReason;
}

export const RECOMMENDATION_LIMIT = 5;

/**
 * Recommendations for one person, from the aggregates (never the raw records): the `recommend`
 * command and its card actions, the weekly digest, and `recommend()` for other surfaces (the
 * `searchCourses` initial run).
 */
export class RecommendationService {
  private catalogue: { version: number; courses: Course[] } | undefined;

  constructor(
    private readonly deps: {
      aggregates: UsageAggregateRepository;
      users: UserRepository;
      courses: CourseRepository;
      sessions: SessionRepository;
      rooms: RoomRepository;
      catalogVersion: CatalogVersionRepository;
      usage: UsageService;
      links: TrackedLinks;
      clock: Clock;
      log: Log;
    },
  ) {}

  /** Up to `limit` courses for the person, best first, diverse, each with its reason. */
  async recommend(person: Person, limit: number = RECOMMENDATION_LIMIT, language?: Language): Promise<RecommendedCourse[]> {
    return (await this.compute(person, limit, language)).picks;
  }

  /** The `recommend` command: a fresh list, recorded as shown. */
  async cardFor(person: Person, language: Language): Promise<RecommendationsView> {
    const { picks, user } = await this.compute(person, RECOMMENDATION_LIMIT, language);
    await Promise.all(picks.map(({ course }) => this.deps.usage.record({ ...person, kind: 'recommendation.shown', itemType: 'course', itemId: course.id })));
    return this.view(person, user, picks, language, 'command');
  }

  /** "Not interested": remembered for good; the card comes back without the course (updated in place, not shown anew). */
  async dismiss(person: Person, courseId: string, language: Language): Promise<RecommendationsView> {
    await this.deps.aggregates.dismiss(person, courseId);
    const course = (await this.courses()).find((c) => c.id === courseId);
    const { picks, user } = await this.compute(person, RECOMMENDATION_LIMIT, language);
    return this.view(person, user, picks, language, 'command', course ? { kind: 'dismissed', title: course.title } : undefined);
  }

  /** Turns the opt-in weekly digest on or off (off by default). */
  async setWeeklyDigest(person: Person, on: boolean, language: Language): Promise<RecommendationsView> {
    await this.deps.users.upsertSeen(person, undefined, this.deps.clock.now());
    await this.deps.users.updatePreferences(person, { weeklyDigest: on });
    this.deps.log.info({ weeklyDigest: on }, 'weekly digest preference changed');
    const { picks, user } = await this.compute(person, RECOMMENDATION_LIMIT, language);
    return this.view(person, user, picks, language, 'command', { kind: on ? 'digestStarted' : 'digestStopped' });
  }

  /**
   * The digest as delivered: the courses queued for it that are still worth recommending now (not
   * opened or dismissed since), with today's reasons; undefined when none is left, so nothing is sent.
   */
  async digestFor(person: Person, courseIds: readonly string[], language: Language): Promise<RecommendationsView | undefined> {
    const { picks, user } = await this.compute(person, 4 * RECOMMENDATION_LIMIT, language);
    const queued = digestPicks(picks.filter(({ course }) => courseIds.includes(course.id)));
    if (queued.length === 0) return undefined;
    return this.view(person, user, queued, language, 'digest');
  }

  /** Records what a delivered digest showed (after the send, so a retried delivery records it once). */
  async digestShown(person: Person, view: RecommendationsView): Promise<void> {
    await Promise.all(view.items.map((item) => this.deps.usage.record({ ...person, kind: 'recommendation.shown', itemType: 'course', itemId: item.courseId })));
  }

  private async compute(person: Person, limit: number, fallbackLanguage: Language | undefined) {
    const now = this.deps.clock.now();
    const [profile, user, courses] = await Promise.all([this.deps.aggregates.profile(person), this.deps.users.get(person), this.courses()]);
    const tenant = await this.deps.aggregates.tenantSignals(person.tenantId, sourcesToRead(profile, now));
    const language = user?.preferences.locale ?? fallbackLanguage ?? 'en';
    const ranked = recommend({ person, now, profile, interests: user?.preferences.interests ?? [], language, courses, tenant, limit });
    const byId = new Map(courses.map((course) => [course.id, course]));
    return { user, picks: ranked.map((r) => ({ course: byId.get(r.courseId)!, reason: r.reason })) };
  }

  private async view(person: Person, user: UserRecord | undefined, picks: readonly RecommendedCourse[], fallback: Language, occasion: RecommendationsView['occasion'], notice?: RecommendationNotice): Promise<RecommendationsView> {
    const language = user?.preferences.locale ?? fallback;
    const titles = await this.titlesOf(picks.map((pick) => pick.reason));
    const items: RecommendationItemView[] = picks.map(({ course, reason }) => ({
      courseId: course.id,
      title: course.title,
      durationMinutes: course.durationMinutes,
      topics: course.topics,
      reason: reason.kind === 'history' ? { kind: 'history', action: reason.action, title: titles.get(reason.item) } : (reason satisfies ReasonView),
      openUrl: this.deps.links.courseUrl(person, course.id, 'recommendation'),
    }));
    const room = await this.roomFor(person, picks.map((pick) => pick.course.topics), language);
    return { language, occasion, items, weeklyDigest: user?.preferences.weeklyDigest === true, ...(room ? { room } : {}), ...(notice ? { notice } : {}) };
  }

  /** A viewing room on the topics of the best pick that has one, in the person's language when possible (tracked link). */
  private async roomFor(person: Person, topicsByPick: readonly (readonly string[])[], language: Language): Promise<RecommendationsView['room']> {
    if (topicsByPick.length === 0) return undefined;
    const rooms = await this.deps.rooms.listAll();
    for (const topics of topicsByPick) {
      const onTopic = rooms.filter((room) => room.topics.some((topic) => topics.includes(topic)));
      const room = onTopic.find((candidate) => candidate.language === language) ?? onTopic[0];
      if (room) return { title: room.title, openUrl: this.deps.links.roomUrl(person, room.id) };
    }
    return undefined;
  }

  /** Titles of the person's own items that reasons name, read in one go per kind of item. */
  private async titlesOf(reasons: readonly RecommendationReason[]): Promise<Map<string, string>> {
    const keys = reasons.flatMap((reason) => (reason.kind === 'history' ? [reason.item] : []));
    const ids = (type: string) => keys.map(parseItemKey).filter((key) => key.itemType === type).map((key) => key.itemId);
    const [sessions, rooms] = await Promise.all([
      ids('session').length > 0 ? this.deps.sessions.getMany(ids('session')) : [],
      ids('room').length > 0 ? this.deps.rooms.getMany(ids('room')) : [],
    ]);
    const courses = (await this.courses()).filter((course) => ids('course').includes(course.id));
    return new Map([
      ...sessions.map((s) => [`session:${s.id}`, s.title] as const),
      ...rooms.map((r) => [`room:${r.id}`, r.title] as const),
      ...courses.map((c) => [`course:${c.id}`, c.title] as const),
    ]);
  }

  /** The catalogue's courses, read again only when the catalogue version moved (any instance may import). */
  private async courses(): Promise<Course[]> {
    const version = await this.deps.catalogVersion.current();
    if (this.catalogue?.version !== version) this.catalogue = { version, courses: await this.deps.courses.listAll() };
    return this.catalogue.courses;
  }
}
