import assert from 'node:assert/strict';
import { buildDemoCatalog } from '../../../src/services/demo-catalog';

describe('demo catalogue', () => {
  it('describes French courses in French, topics included', () => {
    const french = buildDemoCatalog(new Date('2026-11-27T17:00:00Z')).courses.filter((course) => course.language === 'fr');
    const byTitle = new Map(french.map((course) => [course.title, course.description]));
    assert.equal(byTitle.get('Vivre un deuil'), 'Un parcours à votre rythme de 30 minutes : deuil.');
    assert.equal(byTitle.get('Le sommeil des parents'), 'Un parcours à votre rythme de 20 minutes : sommeil, parentalité.');
  });
});
