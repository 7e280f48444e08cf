/**
 * The buyer's register, so the card offers the matching answer variant: 您/请/麻烦您/formal English
 * → formal; 亲/呀/啦/哈/emoji/net slang → friendly. Friendly is the default of Chinese store chat.
 */
const FORMAL_ZH = /您|请|麻烦|劳驾|烦请|敬请|贵店|贵司|此致|是否|能否|可否|恳请|感谢您|谢谢您/g;
const FRIENDLY_ZH =
  /亲|呀|啦|哈|嘛|呗|哦|噢|喔|滴|哒|木有|咋|肿么|俺|宝|姐妹|集美|老铁|😂|~|～|!{2,}|！{2,}|嘻|嘿|哇|呐|鸭/g;
const FORMAL_EN =
  /\b(could you|would you|kindly|dear|sir|madam|regards|sincerely|i would like|may i|please advise|thank you)\b/g;
const FRIENDLY_EN = /\b(lol|haha|hey|thx|pls|plz|u|ur|gonna|wanna|yo|omg|btw|xd)\b/g;
const EMOJI = /\p{Extended_Pictographic}/gu;

export function detectRegister(message: string): 'formal' | 'friendly' {
  const t = message.toLowerCase();
  const count = (re: RegExp) => t.match(re)?.length ?? 0;
  const formal = count(FORMAL_ZH) + count(FORMAL_EN);
  const friendly = count(FRIENDLY_ZH) + count(FRIENDLY_EN) + count(EMOJI);
  return formal > friendly ? 'formal' : 'friendly';
}
