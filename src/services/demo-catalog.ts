/**
 * A realistic catalogue for `npm start` on an empty store: 32 group sessions spread over the four
 * weeks after `now`, 42 courses and 12 viewing rooms, in English and French. Deterministic for a given `now`.
 */
import { topicLabel } from '../domain/topics';

interface SessionTemplate {
  title: string;
  description: string;
  topics: string[];
  facilitator: string;
  language: 'en' | 'fr';
  durationMinutes: number;
  capacity: number;
}

const SESSION_TEMPLATES: SessionTemplate[] = [
  { title: 'Anxiety at work: practical tools', description: 'Recognise the early signs of anxiety and leave with three techniques you can use between meetings.', topics: ['anxiety', 'work'], facilitator: 'Dr. Amira Haddad', language: 'en', durationMinutes: 45, capacity: 12 },
  { title: "Gérer l'anxiété au travail", description: "Reconnaître les premiers signes de l'anxiété et repartir avec trois techniques à utiliser entre deux réunions.", topics: ['anxiety', 'work'], facilitator: 'Dr. Amira Haddad', language: 'fr', durationMinutes: 45, capacity: 12 },
  { title: 'Sleep better, starting tonight', description: 'What science says about sleep, and a simple evening routine to fall asleep faster.', topics: ['sleep'], facilitator: 'Tom Whitfield', language: 'en', durationMinutes: 40, capacity: 20 },
  { title: 'Mieux dormir dès ce soir', description: 'Ce que la science dit du sommeil, et une routine du soir simple pour vous endormir plus vite.', topics: ['sleep'], facilitator: 'Claire Dubois', language: 'fr', durationMinutes: 40, capacity: 20 },
  { title: 'Building resilience in uncertain times', description: 'A guided group conversation on bouncing back from setbacks, with a personal resilience plan.', topics: ['resilience'], facilitator: 'Marcus Obi', language: 'en', durationMinutes: 60, capacity: 15 },
  { title: 'Développer sa résilience', description: 'Un échange guidé pour rebondir après un revers, et un plan de résilience personnel.', topics: ['resilience'], facilitator: 'Élodie Marchand', language: 'fr', durationMinutes: 60, capacity: 15 },
  { title: 'Spotting burnout before it spots you', description: 'The stages of burnout, how to talk to your manager, and where to find help.', topics: ['burnout', 'work'], facilitator: 'Dr. Amira Haddad', language: 'en', durationMinutes: 50, capacity: 10 },
  { title: "Prévenir l'épuisement professionnel", description: "Les étapes du burn-out, comment en parler à son manager, et où trouver de l'aide.", topics: ['burnout', 'work'], facilitator: 'Dr. Jean-Luc Perrin', language: 'fr', durationMinutes: 50, capacity: 10 },
  { title: 'Mindfulness for busy people', description: 'Ten-minute practices you can fit into a workday, practised together.', topics: ['mindfulness', 'stress'], facilitator: 'Priya Natarajan', language: 'en', durationMinutes: 30, capacity: 25 },
  { title: 'Pleine conscience au quotidien', description: 'Des pratiques de dix minutes à glisser dans une journée de travail, pratiquées ensemble.', topics: ['mindfulness', 'stress'], facilitator: 'Hélène Fournier', language: 'fr', durationMinutes: 30, capacity: 25 },
  { title: 'Eating well on a busy schedule', description: 'Simple, affordable meals and snacks that keep your energy steady through the day.', topics: ['nutrition'], facilitator: 'Sofia Alvarez', language: 'en', durationMinutes: 45, capacity: 30 },
  { title: 'Bien manger quand on manque de temps', description: "Des repas simples et abordables pour garder de l'énergie toute la journée.", topics: ['nutrition'], facilitator: 'Noémie Lefèvre', language: 'fr', durationMinutes: 45, capacity: 30 },
  { title: 'Desk stretches and movement breaks', description: 'A live, gentle movement class you can follow from your desk, no equipment needed.', topics: ['movement'], facilitator: 'Jake Morrison', language: 'en', durationMinutes: 20, capacity: 40 },
  { title: 'Bouger au bureau', description: 'Un cours de mouvement doux en direct, à suivre depuis votre bureau, sans matériel.', topics: ['movement'], facilitator: 'Karim Benali', language: 'fr', durationMinutes: 20, capacity: 40 },
  { title: 'Parenting teenagers without burning out', description: 'Peer support and practical advice for parents juggling work and adolescence.', topics: ['parenting', 'stress'], facilitator: 'Rachel Green-Adeyemi', language: 'en', durationMinutes: 60, capacity: 12 },
  { title: 'Parents et ados : garder le lien', description: 'Soutien entre pairs et conseils pratiques pour concilier travail et adolescence.', topics: ['parenting'], facilitator: 'Sophie Garnier', language: 'fr', durationMinutes: 60, capacity: 12 },
  { title: 'Living with grief at work', description: 'A safe space to talk about loss, and how colleagues and managers can help.', topics: ['grief'], facilitator: 'Fr. Daniel Kowalski', language: 'en', durationMinutes: 60, capacity: 8 },
  { title: 'Traverser le deuil', description: 'Un espace bienveillant pour parler de la perte et de la façon dont les collègues peuvent aider.', topics: ['grief'], facilitator: 'Anne-Sophie Roux', language: 'fr', durationMinutes: 60, capacity: 8 },
  { title: 'Money worries: taking back control', description: 'Budgeting basics, talking about debt, and where to find free, confidential advice.', topics: ['financial stress'], facilitator: 'Olivia Chen', language: 'en', durationMinutes: 45, capacity: 20 },
  { title: "Stress financier : reprendre la main", description: 'Les bases du budget, parler de ses dettes, et où trouver des conseils gratuits et confidentiels.', topics: ['financial stress'], facilitator: 'François Mercier', language: 'fr', durationMinutes: 45, capacity: 20 },
];

interface CourseTemplate {
  title: string;
  topics: string[];
  language: 'en' | 'fr';
  durationMinutes: number;
}

const COURSE_TEMPLATES: CourseTemplate[] = [
  { title: 'Sleep better in 7 days', topics: ['sleep'], language: 'en', durationMinutes: 35 },
  { title: 'Mieux dormir en 7 jours', topics: ['sleep'], language: 'fr', durationMinutes: 35 },
  { title: 'Understanding insomnia', topics: ['sleep', 'anxiety'], language: 'en', durationMinutes: 25 },
  { title: 'Le sommeil des parents', topics: ['sleep', 'parenting'], language: 'fr', durationMinutes: 20 },
  { title: 'Anxiety explained', topics: ['anxiety'], language: 'en', durationMinutes: 30 },
  { title: "Comprendre l'anxiété", topics: ['anxiety'], language: 'fr', durationMinutes: 30 },
  { title: 'Calming panic in five minutes', topics: ['anxiety', 'mindfulness'], language: 'en', durationMinutes: 15 },
  { title: 'Apaiser une crise d’angoisse', topics: ['anxiety'], language: 'fr', durationMinutes: 15 },
  { title: 'Resilience fundamentals', topics: ['resilience'], language: 'en', durationMinutes: 45 },
  { title: 'Les bases de la résilience', topics: ['resilience'], language: 'fr', durationMinutes: 45 },
  { title: 'Bouncing back after a setback', topics: ['resilience', 'work'], language: 'en', durationMinutes: 25 },
  { title: 'Recognising burnout', topics: ['burnout'], language: 'en', durationMinutes: 30 },
  { title: 'Le burn-out, parlons-en', topics: ['burnout'], language: 'fr', durationMinutes: 30 },
  { title: 'Setting boundaries at work', topics: ['burnout', 'work'], language: 'en', durationMinutes: 20 },
  { title: 'Poser ses limites au travail', topics: ['burnout', 'work'], language: 'fr', durationMinutes: 20 },
  { title: 'Mindfulness: a 21-day journey', topics: ['mindfulness'], language: 'en', durationMinutes: 210 },
  { title: 'Méditation de pleine conscience pour débutants', topics: ['mindfulness'], language: 'fr', durationMinutes: 60 },
  { title: 'Breathing exercises for stress', topics: ['mindfulness', 'stress'], language: 'en', durationMinutes: 12 },
  { title: 'Respirer pour déstresser', topics: ['mindfulness', 'stress'], language: 'fr', durationMinutes: 12 },
  { title: 'Nutrition myths busted', topics: ['nutrition'], language: 'en', durationMinutes: 25 },
  { title: 'Alimentation et énergie', topics: ['nutrition'], language: 'fr', durationMinutes: 25 },
  { title: 'Meal planning for families', topics: ['nutrition', 'parenting'], language: 'en', durationMinutes: 30 },
  { title: 'Hydration and focus', topics: ['nutrition', 'work'], language: 'en', durationMinutes: 10 },
  { title: 'Move more, sit less', topics: ['movement'], language: 'en', durationMinutes: 20 },
  { title: 'Yoga doux au bureau', topics: ['movement', 'mindfulness'], language: 'fr', durationMinutes: 25 },
  { title: 'Beginner running plan', topics: ['movement'], language: 'en', durationMinutes: 40 },
  { title: 'Étirements du matin', topics: ['movement'], language: 'fr', durationMinutes: 15 },
  { title: 'Parenting under pressure', topics: ['parenting', 'stress'], language: 'en', durationMinutes: 35 },
  { title: 'Être parent et salarié', topics: ['parenting', 'work'], language: 'fr', durationMinutes: 35 },
  { title: 'Talking to children about feelings', topics: ['parenting'], language: 'en', durationMinutes: 25 },
  { title: 'Understanding grief', topics: ['grief'], language: 'en', durationMinutes: 30 },
  { title: 'Vivre un deuil', topics: ['grief'], language: 'fr', durationMinutes: 30 },
  { title: 'Supporting a grieving colleague', topics: ['grief', 'work'], language: 'en', durationMinutes: 20 },
  { title: 'Budgeting without stress', topics: ['financial stress'], language: 'en', durationMinutes: 30 },
  { title: 'Gérer son budget sereinement', topics: ['financial stress'], language: 'fr', durationMinutes: 30 },
  { title: 'Dealing with debt', topics: ['financial stress', 'anxiety'], language: 'en', durationMinutes: 25 },
  { title: 'Stress management essentials', topics: ['stress'], language: 'en', durationMinutes: 40 },
  { title: 'Gérer le stress au quotidien', topics: ['stress'], language: 'fr', durationMinutes: 40 },
  { title: 'Working from home well', topics: ['work', 'movement'], language: 'en', durationMinutes: 20 },
  { title: 'Déconnecter après le travail', topics: ['work', 'burnout'], language: 'fr', durationMinutes: 15 },
  { title: 'Gratitude practice', topics: ['mindfulness', 'resilience'], language: 'en', durationMinutes: 10 },
  { title: "L'estime de soi", topics: ['resilience', 'anxiety'], language: 'fr', durationMinutes: 30 },
];

/** Viewing rooms: on-demand spaces, open at any time. */
const ROOM_TEMPLATES: { title: string; description: string; topics: string[]; language: 'en' | 'fr' }[] = [
  { title: 'Quiet room: guided breathing', description: 'Guided breathing on a loop: drop in for five minutes between meetings, or stay for an hour.', topics: ['stress', 'mindfulness'], language: 'en' },
  { title: 'Salle calme : respiration guidée', description: 'Des exercices de respiration guidée en continu : passez cinq minutes entre deux réunions, ou restez une heure.', topics: ['stress', 'mindfulness'], language: 'fr' },
  { title: 'Sleep sounds lounge', description: 'Soundscapes and wind-down audio to help you switch off in the evening.', topics: ['sleep'], language: 'en' },
  { title: 'Espace sommeil : sons apaisants', description: 'Paysages sonores et audios de détente pour décrocher le soir.', topics: ['sleep'], language: 'fr' },
  { title: 'Desk yoga studio', description: 'Short recorded yoga and stretching classes you can follow from your chair.', topics: ['movement'], language: 'en' },
  { title: 'Studio de yoga au bureau', description: 'De courts cours de yoga et d’étirements enregistrés, à suivre depuis votre chaise.', topics: ['movement'], language: 'fr' },
  { title: 'Resilience talks library', description: 'Recorded talks from psychologists and peers on coping with change and setbacks.', topics: ['resilience'], language: 'en' },
  { title: 'Conférences sur la résilience', description: 'Des conférences enregistrées de psychologues et de pairs pour faire face au changement.', topics: ['resilience'], language: 'fr' },
  { title: "Parents' corner", description: 'Recorded Q&As with child psychologists, to watch whenever it suits you.', topics: ['parenting'], language: 'en' },
  { title: 'Le coin des parents', description: 'Des questions-réponses enregistrées avec des pédopsychologues, à regarder quand vous voulez.', topics: ['parenting'], language: 'fr' },
  { title: 'Money matters room', description: 'Bite-size videos on budgeting, debt and where to find free, confidential advice.', topics: ['financial stress'], language: 'en' },
  { title: 'Espace soutien au deuil', description: 'Témoignages et ressources pour traverser un deuil, à votre rythme.', topics: ['grief'], language: 'fr' },
];

const DAY_MS = 86_400_000;
/** Session start times in UTC, spread over the working day of European time zones. */
const START_HOURS_UTC = [8, 9.5, 11, 12.5, 14, 15.5];

export interface DemoCatalog {
  sessions: Record<string, unknown>[];
  courses: Record<string, unknown>[];
  rooms: Record<string, unknown>[];
}

/** The demo catalogue in the import file format, relative to `now`. */
export function buildDemoCatalog(now: Date): DemoCatalog {
  const firstDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  const sessions = Array.from({ length: 32 }, (_, index) => {
    const template = SESSION_TEMPLATES[index % SESSION_TEMPLATES.length]!;
    const day = Math.floor((index * 27) / 32); // spread over the next 28 days
    const hours = START_HOURS_UTC[index % START_HOURS_UTC.length]!;
    const startsAt = new Date(firstDay + day * DAY_MS + hours * 3_600_000);
    return {
      id: `s-${101 + index}`,
      ...template,
      startsAt: startsAt.toISOString(),
      joinUrl: `https://teams.microsoft.com/l/meetup-join/demo-${101 + index}`,
    };
  });
  const courses = COURSE_TEMPLATES.map((template, index) => ({
    id: `c-${index + 1}`,
    ...template,
    description: courseDescription(template),
    url: `https://learn.example.com/courses/c-${index + 1}`,
  }));
  const rooms = ROOM_TEMPLATES.map((template, index) => ({ id: `r-${index + 1}`, ...template, url: `https://learn.example.com/rooms/r-${index + 1}` }));
  return { sessions, courses, rooms };
}

function courseDescription(template: CourseTemplate): string {
  return template.language === 'fr'
    ? `Un parcours à votre rythme de ${template.durationMinutes} minutes : ${template.topics.map((topic) => topicLabel(topic, 'fr')).join(', ')}.`
    : `A self-paced course of ${template.durationMinutes} minutes on ${template.topics.join(', ')}.`;
}
