import type { Course, Language } from '../domain/catalog';
import { topicLabel } from '../domain/topics';
import { CompiledTemplate } from './compiled-template';
import { formatMinutes, languageName, LIMITS, truncate } from './format';
import type { PreviewCard } from './preview';
import type { AdaptiveCard } from './render';
import { stringsFor } from './strings';
import courseTemplate from './templates/course.json';

const template = new CompiledTemplate(courseTemplate);

/** An on-demand course: what it covers, how long it takes, and a button to open it. */
export function createCourseCard(course: Course, language: Language): AdaptiveCard {
  const strings = stringsFor(language);
  return template.render({
    language,
    title: truncate(course.title, LIMITS.cardTitle),
    kind: strings.courseKind,
    duration: formatMinutes(course.durationMinutes),
    facts: [
      { label: strings.factLanguage, value: languageName(course.language, language) },
      { label: strings.factTopics, value: truncate(course.topics.map((topic) => topicLabel(topic, language)).join(', '), LIMITS.cardTopics) },
    ],
    description: truncate(course.description, LIMITS.cardDescription),
    openCourse: strings.actionOpenCourse,
    url: course.url,
  });
}

export function createCoursePreview(course: Course, language: Language): PreviewCard {
  const strings = stringsFor(language);
  return {
    title: truncate(course.title, LIMITS.previewTitle),
    subtitle: `${strings.courseKind} · ${formatMinutes(course.durationMinutes)} · ${languageName(course.language, language)}`,
    text: truncate(course.description, LIMITS.previewText),
  };
}
