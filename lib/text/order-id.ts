/**
 * Order numbers mentioned in chat text: "订单号：3312…", "order #A-10293", a long digit run (Taobao/Tmall
 * 18–19 digits, JD 12+). Mobile numbers (11 digits starting with 1) are not order numbers.
 */
const LABELLED = [
  /(?:订单号|订单编号|单号|订单)\s*(?:是|为)?\s*[:：#]?\s*([a-z0-9][a-z0-9-]{4,39})/i,
  /\border\s*(?:no\.?|number|num|id|#)?\s*[:：#]?\s*#?\s*([a-z0-9][a-z0-9-]{3,39})\b/i,
  /#\s*(\d{4,30})\b/,
];
const LONG_DIGITS = /(?<![\d.])(\d{12,24})(?![\d.])/;

export function findOrderId(text: string): string | undefined {
  const s = text.normalize('NFKC');
  for (const re of LABELLED) {
    const m = re.exec(s);
    if (m && /\d/.test(m[1])) return m[1];
  }
  const m = LONG_DIGITS.exec(s);
  return m ? m[1] : undefined;
}
