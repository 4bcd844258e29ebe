import { describe, expect, it } from 'vitest';
import { citationFor } from '../../src/engine/jurisdiction';
import { CATEGORIES } from '../../src/engine/types';

const f = (category: any, source = 'Normes ASWB/OTSTCFQ 4.07') => ({ category, source });

describe('citations by jurisdiction', () => {
  it('Québec keeps the rule’s own citation', () => {
    for (const c of CATEGORIES) expect(citationFor(f(c), 'qc', 'fr')).toBe('Normes ASWB/OTSTCFQ 4.07');
  });
  it('Ontario, Canada and the United States cite their own document where it speaks, in the UI language', () => {
    expect(citationFor(f('testimonial'), 'on', 'fr')).toBe('OTSTTSO, Notes sur la pratique : les médias sociaux et la pratique principe VII, interprétation 7.1.4');
    expect(citationFor(f('testimonial'), 'on', 'en')).toMatch(/^OCSWSSW .*Principle VII/);
    expect(citationFor(f('client-confidentiality'), 'ca', 'en')).toMatch(/^CASW, .*value 5/);
    expect(citationFor(f('dual-relationship'), 'us', 'en')).toBe('ASWB Model Standards 4.01, 4.05, 4.10, 4.11');
  });
  it('where the local document is silent, the rule’s own citation stays (never an empty source)', () => {
    const own = "Balises entourant l'utilisation des médias sociaux Ne pas agir à titre de porte-parole de l'Ordre";
    for (const j of ['on', 'ca', 'us'] as const) expect(citationFor(f('spokesperson', own), j, 'en')).toBe(own);
    for (const j of ['qc', 'on', 'ca', 'us'] as const) for (const c of CATEGORIES) expect(citationFor(f(c), j, 'fr').length).toBeGreaterThan(5);
  });
});
