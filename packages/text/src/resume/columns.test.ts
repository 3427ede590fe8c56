import { describe, expect, it } from 'vitest';
import { readResume } from './read-resume.ts';
import { readingOrder } from './columns.ts';

const pad = (left: string, right: string) => left.padEnd(42) + right;
// a two-column CV as a PDF's text comes out with its layout kept: contacts, certificates and skills on the left, the
// profile and the jobs on the right
const TWO_COLUMNS = [
  'MARCUS T. ELLINGWOOD',
  'Senior AI Engineer · MLOps',
  pad('CONTACT', 'PROFILE'),
  pad('Lakewood, CO', 'Engineer who ships models and then stays on the'),
  pad('(720) 555-0148', 'pager for them. 10 years in ML, the last 6 with'),
  pad('marcus@mailbox.example', 'PyTorch models serving live traffic on Kubernetes.'),
  pad('CERTIFICATIONS', 'EXPERIENCE'),
  pad('AWS Certified Machine Learning', ''),
  pad('Engineer – Associate (Feb 2025)', 'Senior AI Engineer'),
  pad('SKILLS', 'Lumenrail Logistics, Denver CO'),
  pad('Python (typed, pytest, poetry)', 'Mar 2021 – present'),
  pad('PyTorch, Lightning', '• Rebuilt the shipment ETA model as a PyTorch'),
  pad('Kubernetes, EKS, KServe, Helm', 'network; MAE down 23% vs the old XGBoost model.'),
  pad('Terraform', '• Run it on EKS behind KServe with a Triton backend.'),
  pad('EDUCATION', ''),
  pad('B.S. Computer Engineering', 'Machine Learning Engineer'),
  pad('Lakeshore State University, 2016', 'Quarrystone Mutual Insurance, Omaha NE'),
  pad('', '2018 – 2021'),
  pad('LANGUAGES', '• Fine-tuned BERT-family models for claims document'),
  pad('English (native)', 'classification (31 classes); macro-F1 0.87.'),
].join('\n');

describe('readingOrder', () => {
  it('reads a two-column CV left column first, then the right, so its jobs are read', () => {
    const now = new Date('2026-11-30T00:00:00Z');
    expect(readResume(TWO_COLUMNS, { now }).jobs).toHaveLength(0);
    const ordered = readingOrder(TWO_COLUMNS);
    // the lines above the columns stay on top; each column's lines stay whole and in order
    expect(ordered.startsWith('MARCUS T. ELLINGWOOD\nSenior AI Engineer · MLOps\nCONTACT\nLakewood, CO\n')).toBe(true);
    expect(ordered).toContain('Engineer – Associate (Feb 2025)\nSKILLS\nPython (typed, pytest, poetry)');
    expect(ordered.indexOf('English (native)')).toBeLessThan(ordered.indexOf('PROFILE'));
    expect(ordered).toContain('Senior AI Engineer\nLumenrail Logistics, Denver CO\nMar 2021 – present\n• Rebuilt');
    const jobs = readResume(ordered, { now }).jobs;
    expect(jobs.map((j) => j.title)).toEqual(['Senior AI Engineer', 'Machine Learning Engineer']);
  });

  it('leaves a one-column CV as it is, dates set to the right of its titles included', () => {
    const dated = [
      'Survey Crew Chief' + ' '.repeat(40) + 'Apr 2021 – present',
      'Palouse Line & Grade Surveyors, Pullman, WA',
      '- Run a 2-person crew on ~120 jobs a year',
      'Instrument Operator / Acting Chief' + ' '.repeat(23) + 'Jan 2017 – Mar 2021',
      'Tri-Valley Engineering & Survey, Lewiston, ID',
      '- Ran the gun and GPS rover for topo',
    ].join('\n');
    for (let copies = 1; copies <= 4; copies++) {
      const text = Array.from({ length: copies }, () => dated).join('\n\n');
      expect(readingOrder(text)).toBe(text);
    }
    expect(readingOrder('Java developer, 3 years.\nSpring Boot, Kafka.')).toBe('Java developer, 3 years.\nSpring Boot, Kafka.');
  });

  it('leaves a form that labels its right column on the left as it is (Europass)', () => {
    const label = (l: string, r: string) => l.padEnd(25) + r;
    const europass = [
      'Europass',
      'Curriculum Vitae',
      label('JOB APPLIED FOR', 'Head Chef / Executive Sous Chef'),
      'WORK EXPERIENCE',
      ...Array.from({ length: 4 }, (_, i) => [
        label(`0${i + 1}/201${i} – 0${i + 1}/201${i + 1}`, 'Sous Chef'),
        label('', 'Maré Alta Seafood Kitchen, Boston, MA (USA)'),
        label('', '▪ Run the line for a 140-cover restaurant, six nights a week'),
      ]).flat(),
    ].join('\n');
    expect(readingOrder(europass)).toBe(europass);
    // and without its name, by its labels: dates and headings in capitals down the left
    const unnamed = europass.replace('Europass\n', '');
    expect(readingOrder(unnamed)).toBe(unnamed);
  });

  it("keeps the left column's lines below the right one's end with it, and a section the page's width where it is", () => {
    const certificates = [TWO_COLUMNS, pad('CERTIFICATES', 'start-ups'), 'Electrical safety group IV (up to', 'and above 1000 V), re-tested', '04/2026', '', 'Page 1 of 2'].join('\n');
    const r = readResume(readingOrder(certificates), { now: new Date('2026-11-30T00:00:00Z') });
    expect(r.licences.map((l) => l.name)).toContain('Electrical safety group IV (up to');
    const ordered = readingOrder(certificates);
    expect(ordered.indexOf('Electrical safety group IV')).toBeLessThan(ordered.indexOf('PROFILE'));
    // (a heading in capitals and a line across the gutter under the block start a section of their own)
    const achievements = [TWO_COLUMNS, pad('CERTIFICATIONS', 'start-ups'), 'ACHIEVEMENTS', '• "Client Appreciation" award for handling a critical claims outage during', 'monsoon season peak, 2023'].join('\n');
    const reordered = readingOrder(achievements);
    expect(reordered.indexOf('ACHIEVEMENTS')).toBeGreaterThan(reordered.indexOf('start-ups'));
  });
});

