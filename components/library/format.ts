/** Plain-text renderings of script fields for previews and lists (React escapes them: HTML stays text). */
import type { Answer, Compensation, FollowUp, Script } from '@/lib/pack/schema';

export function fieldText(field: keyof Script, value: unknown): string {
  if (value === undefined || value === null || (Array.isArray(value) && !value.length)) return '—';
  switch (field) {
    case 'answers':
      return (value as Answer[]).map((a) => `[${a.tone}${a.lang ? ` ${a.lang}` : ''}] ${a.text}`).join('\n');
    case 'followUps':
      return (value as FollowUp[]).map((f) => `${f.text} [${f.options.join(' | ')}]`).join('\n');
    case 'compensations':
      return (value as Compensation[])
        .map((c) => `${c.kind}: ${c.text}${c.cost === undefined ? '' : ` (${c.cost})`}`)
        .join('\n');
    default:
      return Array.isArray(value) ? value.join(' / ') : String(value);
  }
}

export const scriptTitle = (s: Script) => s.title ?? s.questions[0];

export function clip(text: string, n = 80): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
