/**
 * Must-have recall and precision of the posting reader on the hand-labelled development set (data/dev/postings).
 * A predicted must-have meets a labelled one when their spans overlap or they name the same vocabulary skill.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skillIds } from '../skills/index.ts';
import { readPosting } from './read.ts';
import type { PostingRequirement } from './types.ts';

export const DEV_SET_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../data/dev/postings');

interface LabelFile {
  postings: Record<string, { split: 'tune' | 'heldout' | 'blind'; profession: string; format: string; must: string[]; nice: string[] }>;
}

interface Label {
  text: string;
  start: number;
  end: number;
  skills: string[];
}

export interface PostingScore {
  file: string;
  split: 'tune' | 'heldout' | 'blind';
  labelled: number;
  found: number;
  predicted: number;
  correct: number;
  missed: string[];
  wrong: string[];
}

export interface SetScore {
  recall: number;
  precision: number;
  labelled: number;
  predicted: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function meets(p: PostingRequirement, l: Label): boolean {
  return overlaps(p, l) || p.skills.some((id) => l.skills.includes(id));
}

export function scorePostings(): PostingScore[] {
  const labels = (JSON.parse(readFileSync(join(DEV_SET_DIR, 'labels.json'), 'utf8')) as LabelFile).postings;
  return Object.entries(labels).map(([file, entry]) => {
    const text = readFileSync(join(DEV_SET_DIR, file), 'utf8');
    const toLabel = (s: string): Label => {
      const start = text.indexOf(s);
      if (start < 0) throw new Error(`${file}: label not in the text: ${s}`);
      return { text: s, start, end: start + s.length, skills: skillIds(s) };
    };
    const musts = entry.must.map(toLabel);
    const predicted = readPosting(text).requirements.filter((r) => r.importance === 'must');
    const found = musts.filter((l) => predicted.some((p) => meets(p, l)));
    const correct = predicted.filter((p) => musts.some((l) => meets(p, l)));
    return {
      file,
      split: entry.split,
      labelled: musts.length,
      found: found.length,
      predicted: predicted.length,
      correct: correct.length,
      missed: musts.filter((l) => !found.includes(l)).map((l) => l.text),
      wrong: predicted.filter((p) => !correct.includes(p)).map((p) => `${p.kind}: ${p.text}`),
    };
  });
}

/** Micro-averaged over the postings of a split (or all). */
export function setScore(scores: PostingScore[]): SetScore {
  const sum = (f: (s: PostingScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const labelled = sum((s) => s.labelled);
  const predicted = sum((s) => s.predicted);
  return {
    recall: labelled ? sum((s) => s.found) / labelled : 0,
    precision: predicted ? sum((s) => s.correct) / predicted : 0,
    labelled,
    predicted,
  };
}
