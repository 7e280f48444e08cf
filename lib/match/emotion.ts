/**
 * The buyer's emotion in one message, so the card can calm the buyer before answering (issue 14): `upset`
 * (complaint or insult words, threats of a bad review or a complaint, repeated !!/??, shouting in capitals),
 * `anxious` (急, 等了三天, still waiting, when will it arrive) or `calm`. Word lists are data
 * (lib/match/data/emotion.json, README there); matching runs on the normalised text, so Traditional and
 * full-width messages count the same as Simplified ones.
 */
import { object, string, strings, wordLines } from '../json-shape';
import data from './data/emotion.json';
import { escapeRe, prepare } from './match-normalize';

export const EMOTIONS = ['upset', 'anxious', 'calm'] as const;
export type Emotion = (typeof EMOTIONS)[number];

const FILE = 'lib/match/data/emotion.json';
const words = (key: keyof typeof data) => wordLines(data[key], `${FILE} › ${key}`);
const alternation = (list: string[]) =>
  new RegExp(
    [...list]
      .sort((a, b) => b.length - a.length)
      .map((w) => (/^[a-z0-9 ']+$/.test(w) ? `\\b${escapeRe(w)}\\b` : escapeRe(w)))
      .join('|'),
    'g',
  );
const patterns = object(data.patterns, `${FILE} › patterns`);
const regexps = (key: string) => strings(patterns[key], `${FILE} › patterns.${key}`).map((p) => new RegExp(p, 'g'));

const CALMERS = alternation(words('calmers'));
const THREAT = alternation(words('threat'));
const STRONG = alternation(words('strong'));
const COMPLAINT = alternation(words('complaint'));
const ANXIOUS = alternation(words('anxious'));
const ANXIOUS_PATTERNS = regexps('anxious');
const REPEAT = regexps('repeat');
string(data.source, `${FILE} › source`);

/** Words of four or more capitals in a row: an English buyer shouting ("WHERE IS MY ORDER"). */
const SHOUT = /\b[A-Z]{4,}\b/g;

export interface EmotionReading {
  emotion: Emotion;
  /** Upset points: strong words 2, complaint words 1, repeated punctuation or shouting 1 (with a complaint). */
  upset: number;
  anxious: number;
  /** A threat of a bad review, a complaint to the platform, a dispute. */
  threat: boolean;
}

const count = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

export function readEmotion(message: string): EmotionReading {
  const text = prepare(message).replace(CALMERS, ' ');
  const threat = count(THREAT, text) > 0;
  const complaint = 2 * count(STRONG, text) + count(COMPLAINT, text);
  const anxious = count(ANXIOUS, text) + ANXIOUS_PATTERNS.reduce((n, re) => n + count(re, text), 0);
  const shouting = count(SHOUT, message) >= 2;
  const repeated = REPEAT.some((re) => count(re, text) > 0);
  // Repeated punctuation sharpens what the words say: a complaint gets angrier, a question more anxious.
  const upset = complaint + (complaint > 0 && (repeated || shouting) ? 1 : 0) + (shouting && !complaint ? 1 : 0);
  const worry = anxious + (repeated && complaint === 0 ? 1 : 0);
  const emotion: Emotion = threat || upset >= 2 ? 'upset' : worry >= 1 || upset >= 1 ? 'anxious' : 'calm';
  return { emotion, upset, anxious: worry, threat };
}

export function detectEmotion(message: string): Emotion {
  return readEmotion(message).emotion;
}
