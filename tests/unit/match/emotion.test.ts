import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectEmotion, readEmotion, type Emotion } from '@/lib/match/emotion';

const cases = readFileSync('tests/fixtures/emotion.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; emotion: Emotion });

describe('detectEmotion', () => {
  it.each([
    ['你们这什么破东西！！', 'upset'],
    ['再这样我就给差评', 'upset'],
    ['等了三天了', 'anxious'],
    ['我很急', 'anxious'],
    ['不急，慢慢来', 'calm'],
    ['這款有現貨嗎', 'calm'],
    ['WHERE IS MY ORDER, THIS IS TERRIBLE', 'upset'],
  ] as const)('%s → %s', (text, emotion) => {
    expect(detectEmotion(text)).toBe(emotion);
  });

  it('a threat is upset on its own; Traditional reads like Simplified', () => {
    expect(readEmotion('不退款就投訴').threat).toBe(true);
    expect(detectEmotion('等了三天了還沒發貨')).toBe(detectEmotion('等了三天了还没发货'));
  });

  it('labelled messages (tests/fixtures/emotion.jsonl): accuracy', () => {
    const wrong = cases.filter((c) => detectEmotion(c.text) !== c.emotion);
    const accuracy = 1 - wrong.length / cases.length;
    const per = (e: Emotion) => {
      const of = cases.filter((c) => c.emotion === e);
      return `${e} ${of.filter((c) => detectEmotion(c.text) === e).length}/${of.length}`;
    };
    console.log(
      `emotion accuracy ${accuracy.toFixed(3)} on ${cases.length} messages (${per('upset')}, ${per('anxious')}, ${per('calm')})`,
      wrong.map((c) => `\n  ${c.emotion} ← ${detectEmotion(c.text)}: ${c.text}`).join(''),
    );
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(accuracy).toBeGreaterThanOrEqual(0.85);
  });
});
