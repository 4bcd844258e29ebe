/**
 * Which wording a warning cites, by the user's jurisdiction (options page). The rules cite the
 * Québec documents first (OTSTCFQ Balises, the ASWB standards as adapted by the OTSTCFQ) and the
 * Ontario or CASW document where Québec's is silent. Elsewhere, the same category is cited from the
 * local document when it speaks to it (../shared/guidelines/categories.md, "where it comes from");
 * otherwise the rule's own citation stays.
 */
import type { Category, Finding, Lang } from './types';

export type Jurisdiction = 'qc' | 'on' | 'ca' | 'us';

type Cite = Record<Lang, string>;
const OTSTTSO_MEDIA: Cite = { fr: 'OTSTTSO, Notes sur la pratique : les médias sociaux et la pratique', en: 'OCSWSSW Practice Notes: Social Media and Practice' };
const OTSTTSO_TEXTS: Cite = { fr: 'OTSTTSO, Notes sur la pratique : textos, courriels et médias sociaux', en: 'OCSWSSW Practice Notes: Texting, E-mail and Social Media' };
const CASW: Cite = { fr: 'ACTS/CASW, Les médias sociaux et la pratique du travail social', en: 'CASW, Social Media and Social Work Practice' };
const ASWB: Cite = { fr: 'Normes modèles ASWB', en: 'ASWB Model Standards' };
const cite = (doc: Cite, fr: string, en = fr): Cite => ({ fr: `${doc.fr} ${fr}`, en: `${doc.en} ${en}` });

const BY_JURISDICTION: Record<Exclude<Jurisdiction, 'qc'>, Partial<Record<Category, Cite>>> = {
  on: {
    'client-confidentiality': cite(OTSTTSO_MEDIA, 'principe V, interprétation 5.3.6', 'Principle V, interpretation 5.3.6'),
    'personal-identifier': cite(OTSTTSO_TEXTS, 'principe V', 'Principle V'),
    testimonial: cite(OTSTTSO_MEDIA, 'principe VII, interprétation 7.1.4', 'Principle VII, interpretation 7.1.4'),
    'colleague-respect': cite(OTSTTSO_MEDIA, 'Blogues : l’employeur, les pratiques de l’organisme et l’équipe', 'Blogs: the employer, agency practices and the team'),
    'competence-claims': cite(OTSTTSO_MEDIA, 'principe II', 'Principle II'),
    'location-disclosure': cite(OTSTTSO_TEXTS, 'Services de localisation', 'Location services'),
  },
  ca: {
    'client-confidentiality': cite(CASW, 'valeur 5 (renseignements non signalétiques)', 'value 5 (non-identifying information)'),
    'dual-relationship': cite(CASW, '2.1.1, 2.4.1'),
    'location-disclosure': cite(CASW, 'stratégies de gestion des risques', 'risk management strategies'),
  },
  us: {
    'client-confidentiality': cite(ASWB, '4.07'),
    'personal-identifier': cite(ASWB, '4.07'),
    testimonial: cite(ASWB, '4.09'),
    'online-intervention': cite(ASWB, '4.03, 1.05'),
    'dual-relationship': cite(ASWB, '4.01, 4.05, 4.10, 4.11'),
    'colleague-respect': cite(ASWB, '6.01–6.03'),
    copyright: cite(ASWB, '6.04'),
    'personal-on-professional': cite(ASWB, '4.06'),
    'work-on-personal': cite(ASWB, '4.05'),
  },
};

/** The citation to show for a finding in a jurisdiction, in the UI language. */
export function citationFor(f: Pick<Finding, 'category' | 'source'>, jurisdiction: Jurisdiction, lang: Lang): string {
  if (jurisdiction === 'qc') return f.source;
  const local = BY_JURISDICTION[jurisdiction][f.category];
  if (local) return local[lang];
  return f.source;
}
