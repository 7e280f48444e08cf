/**
 * UI strings. Same files as browser.i18n (public/_locales), bundled so that the agent's "UI language"
 * setting can override the browser's language at runtime (browser.i18n cannot switch language).
 */
import en from '../public/_locales/en/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';
import zhTW from '../public/_locales/zh_TW/messages.json';

export type Locale = 'zh_CN' | 'zh_TW' | 'en';
export type MessageKey = keyof typeof zhCN;
type Catalog = Record<string, { message: string }>;

const catalogs: Record<Locale, Catalog> = { zh_CN: zhCN, zh_TW: zhTW, en };

/** Map a browser language tag (zh-CN, zh-Hant-TW, zh-HK, en-US…) to one of Huashu's locales. */
export function pickLocale(tag: string | undefined): Locale {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('zh')) return /tw|hk|mo|hant/.test(t) ? 'zh_TW' : 'zh_CN';
  if (t.startsWith('en')) return 'en';
  return 'zh_CN';
}

let current: Locale = pickLocale(typeof navigator === 'undefined' ? undefined : navigator.language);

export function setLocale(locale: Locale | '' | undefined) {
  current = locale || pickLocale(typeof navigator === 'undefined' ? undefined : navigator.language);
}

export function getLocale(): Locale {
  return current;
}

/** Translate a key; `$1`… are replaced by `subs`. Missing keys fall back to zh_CN, then to the key. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const msg = (catalogs[current] as Catalog)[key]?.message ?? (catalogs.zh_CN as Catalog)[key]?.message ?? key;
  return subs.reduce<string>((s, v, i) => s.replaceAll(`$${i + 1}`, String(v)), msg);
}
