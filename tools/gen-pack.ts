/**
 * Bench pack generator: realistic store packs of any size, composed from templates
 * (products × models × topics × question forms, Chinese and English), and buyer messages
 * written with other wordings than the scripts' questions.
 *   node --import tsx tools/gen-pack.ts --scripts 10000 [--seed 1] [--out pack.json]
 */
import { writeFileSync } from 'node:fs';
import type { PackInput } from '../lib/pack/schema';
import { args, rng } from './cases';

const PRODUCTS: { zh: string; en: string; kind: 'wear' | 'shoe' | 'tech' | 'beauty' | 'food' | 'home' }[] = [
  { zh: '连衣裙', en: 'dress', kind: 'wear' },
  { zh: '牛仔裤', en: 'jeans', kind: 'wear' },
  { zh: '羽绒服', en: 'down jacket', kind: 'wear' },
  { zh: '卫衣', en: 'hoodie', kind: 'wear' },
  { zh: 'T恤', en: 't-shirt', kind: 'wear' },
  { zh: '衬衫', en: 'shirt', kind: 'wear' },
  { zh: '针织开衫', en: 'cardigan', kind: 'wear' },
  { zh: '风衣', en: 'trench coat', kind: 'wear' },
  { zh: '半身裙', en: 'skirt', kind: 'wear' },
  { zh: '阔腿裤', en: 'wide-leg pants', kind: 'wear' },
  { zh: '西装外套', en: 'blazer', kind: 'wear' },
  { zh: '睡衣套装', en: 'pajama set', kind: 'wear' },
  { zh: '运动鞋', en: 'sneakers', kind: 'shoe' },
  { zh: '高跟鞋', en: 'heels', kind: 'shoe' },
  { zh: '乐福鞋', en: 'loafers', kind: 'shoe' },
  { zh: '雪地靴', en: 'snow boots', kind: 'shoe' },
  { zh: '凉鞋', en: 'sandals', kind: 'shoe' },
  { zh: '蓝牙耳机', en: 'bluetooth earbuds', kind: 'tech' },
  { zh: '充电宝', en: 'power bank', kind: 'tech' },
  { zh: '智能手表', en: 'smart watch', kind: 'tech' },
  { zh: '机械键盘', en: 'mechanical keyboard', kind: 'tech' },
  { zh: '无线鼠标', en: 'wireless mouse', kind: 'tech' },
  { zh: '电动牙刷', en: 'electric toothbrush', kind: 'tech' },
  { zh: '吹风机', en: 'hair dryer', kind: 'tech' },
  { zh: '面霜', en: 'face cream', kind: 'beauty' },
  { zh: '口红', en: 'lipstick', kind: 'beauty' },
  { zh: '防晒霜', en: 'sunscreen', kind: 'beauty' },
  { zh: '洗面奶', en: 'cleanser', kind: 'beauty' },
  { zh: '精华液', en: 'serum', kind: 'beauty' },
  { zh: '坚果礼盒', en: 'nut gift box', kind: 'food' },
  { zh: '红茶', en: 'black tea', kind: 'food' },
  { zh: '挂耳咖啡', en: 'drip coffee', kind: 'food' },
  { zh: '牛肉干', en: 'beef jerky', kind: 'food' },
  { zh: '蜂蜜', en: 'honey', kind: 'food' },
  { zh: '四件套', en: 'bedding set', kind: 'home' },
  { zh: '保温杯', en: 'thermos', kind: 'home' },
  { zh: '台灯', en: 'desk lamp', kind: 'home' },
  { zh: '收纳箱', en: 'storage box', kind: 'home' },
  { zh: '乳胶枕', en: 'latex pillow', kind: 'home' },
  { zh: '不粘锅', en: 'non-stick pan', kind: 'home' },
];

const SERIES = [
  '经典款',
  '升级款',
  '轻奢款',
  '基础款',
  '联名款',
  '限定款',
  '加厚款',
  '轻薄款',
  '旗舰款',
  '入门款',
  'Pro',
  'Max',
  'Mini',
  'Lite',
  'Plus',
];

type Kind = (typeof PRODUCTS)[number]['kind'];
interface Topic {
  id: string;
  kinds: Kind[] | 'all';
  keyword: string;
  q: string[];
  en: string[];
  /** Buyer wordings (not the scripts' own). */
  ask: string[];
  answer: string;
}

// {p} product, {m} model. Each topic has script questions, English questions and buyer wordings.
const TOPICS: Topic[] = [
  {
    id: 'size',
    kinds: ['wear'],
    keyword: '尺码',
    q: ['{p}{m}怎么选尺码', '{m}{p}偏大还是偏小', '{p}穿什么码合适'],
    en: ['What size {p} should I get?'],
    ask: ['{p}拍哪个码', '{m}码数准吗', '165 100斤{p}选多大'],
    answer: '{m}{p}按平时尺码拍，偏胖选大一码。',
  },
  {
    id: 'material',
    kinds: ['wear', 'home'],
    keyword: '面料',
    q: ['{p}{m}是什么面料', '{m}{p}是纯棉的吗', '{p}起球吗'],
    en: ['What is the {p} made of?'],
    ask: ['{m}{p}的成分是什么', '{p}料子舒服吗', '{p}会不会起毛球'],
    answer: '{m}{p}为 95% 棉，亲肤不起球。',
  },
  {
    id: 'wash',
    kinds: ['wear', 'home'],
    keyword: '洗涤',
    q: ['{p}{m}能机洗吗', '{m}{p}会缩水吗'],
    en: ['Can I machine wash the {p}?'],
    ask: ['{p}洗了会变形吗', '{m}{p}要手洗吗'],
    answer: '{m}{p}可冷水机洗，不缩水。',
  },
  {
    id: 'shoe-size',
    kinds: ['shoe'],
    keyword: '鞋码',
    q: ['{p}{m}偏码吗', '脚宽穿{m}{p}选哪个码'],
    en: ['Do the {p} run small?'],
    ask: ['平时37 {p}拍几码', '{m}{p}要拍大一码吗'],
    answer: '{m}{p}标准码，脚宽拍大一码。',
  },
  {
    id: 'comfort',
    kinds: ['shoe'],
    keyword: '舒适',
    q: ['{p}{m}磨脚吗', '{m}{p}走久了累不累'],
    en: ['Are the {p} comfortable?'],
    ask: ['{p}穿一天脚疼吗', '{m}{p}新鞋会夹脚吗'],
    answer: '{m}{p}内里柔软，久走不累。',
  },
  {
    id: 'battery',
    kinds: ['tech'],
    keyword: '续航',
    q: ['{p}{m}续航多久', '{m}{p}充满电要多久'],
    en: ['How long does the {p} battery last?'],
    ask: ['{m}{p}电池能用几天', '{p}充一次电用多久'],
    answer: '{m}{p}续航约 30 小时，充电 2 小时。',
  },
  {
    id: 'compat',
    kinds: ['tech'],
    keyword: '兼容',
    q: ['{p}{m}支持苹果手机吗', '{m}{p}兼容安卓吗'],
    en: ['Is the {p} compatible with iPhone?'],
    ask: ['{m}{p}华为能用吗', '{p}连电脑可以吗'],
    answer: '{m}{p}支持 iOS 与安卓。',
  },
  {
    id: 'warranty',
    kinds: ['tech', 'home'],
    keyword: '保修',
    q: ['{p}{m}保修多久', '{m}{p}坏了怎么售后'],
    en: ['What is the warranty on the {p}?'],
    ask: ['{m}{p}有质保吗', '{p}坏了能修吗'],
    answer: '{m}{p}一年保修，坏了寄回维修。',
  },
  {
    id: 'skin',
    kinds: ['beauty'],
    keyword: '肤质',
    q: ['{p}{m}敏感肌能用吗', '{m}{p}适合什么肤质'],
    en: ['Is the {p} good for sensitive skin?'],
    ask: ['{m}{p}油皮能用吗', '孕妇能用{p}吗'],
    answer: '{m}{p}温和无香精，敏感肌可用。',
  },
  {
    id: 'shelf-life',
    kinds: ['beauty', 'food'],
    keyword: '保质期',
    q: ['{p}{m}保质期多久', '{m}{p}生产日期是什么时候'],
    en: ['What is the shelf life of the {p}?'],
    ask: ['{m}{p}是新鲜的吗', '{p}过期了吗'],
    answer: '{m}{p}保质期 12 个月，均为近期生产。',
  },
  {
    id: 'taste',
    kinds: ['food'],
    keyword: '口味',
    q: ['{p}{m}是什么味道', '{m}{p}甜不甜'],
    en: ['How does the {p} taste?'],
    ask: ['{m}{p}好吃吗', '{p}辣不辣'],
    answer: '{m}{p}微甜，口感酥脆。',
  },
  {
    id: 'ship-time',
    kinds: 'all',
    keyword: '发货',
    q: ['{p}{m}多久发货', '{m}{p}今天能发吗'],
    en: ['When will the {p} ship?'],
    ask: ['{m}{p}什么时候寄出', '拍了{p}几天能发'],
    answer: '{m}{p}16 点前付款当天发出。',
  },
  {
    id: 'delivery',
    kinds: 'all',
    keyword: '快递',
    q: ['{p}{m}发什么快递', '{m}{p}几天能到'],
    en: ['Which courier ships the {p}?'],
    ask: ['{m}{p}能发顺丰吗', '{p}寄到北京要几天'],
    answer: '{m}{p}默认中通，可补差价发顺丰。',
  },
  {
    id: 'return',
    kinds: 'all',
    keyword: '退货',
    q: ['{p}{m}支持七天无理由吗', '{m}{p}不喜欢能退吗'],
    en: ['Can I return the {p}?'],
    ask: ['{m}{p}不想要了可以退吗', '{p}退货要什么条件'],
    answer: '{m}{p}支持七天无理由退货。',
  },
  {
    id: 'exchange',
    kinds: 'all',
    keyword: '换货',
    q: ['{p}{m}能换货吗', '{m}{p}怎么申请换货'],
    en: ['Can I exchange the {p}?'],
    ask: ['{m}{p}想换一个颜色', '{p}能调换吗'],
    answer: '{m}{p}七天内可换货。',
  },
  {
    id: 'discount',
    kinds: 'all',
    keyword: '优惠',
    q: ['{p}{m}能便宜点吗', '{m}{p}有优惠吗'],
    en: ['Any discount on the {p}?'],
    ask: ['{m}{p}再少点呗', '{p}打个折行吗'],
    answer: '{m}{p}已是活动价，送您一张优惠券。',
  },
  {
    id: 'stock',
    kinds: 'all',
    keyword: '补货',
    q: ['{p}{m}什么时候补货', '{m}{p}还有货吗'],
    en: ['When will the {p} be back in stock?'],
    ask: ['{m}{p}断货了还会有吗', '{p}缺货什么时候到'],
    answer: '{m}{p}下周补货，可设到货提醒。',
  },
  {
    id: 'color',
    kinds: ['wear', 'shoe', 'beauty', 'home'],
    keyword: '色差',
    q: ['{p}{m}有色差吗', '{m}{p}实物和图片一样吗'],
    en: ['Does the {p} look like the photos?'],
    ask: ['{m}{p}颜色偏暗吗', '{p}实拍和图片差别大吗'],
    answer: '{m}{p}为实拍图，略有色差。',
  },
  {
    id: 'invoice',
    kinds: 'all',
    keyword: '发票',
    q: ['{p}{m}能开发票吗', '{m}{p}发票抬头怎么填'],
    en: ['Can I get an invoice for the {p}?'],
    ask: ['{m}{p}可以开专票吗', '买{p}能开公司抬头吗'],
    answer: '{m}{p}可开电子发票。',
  },
  {
    id: 'gift',
    kinds: 'all',
    keyword: '礼盒',
    q: ['{p}{m}有礼盒吗', '{m}{p}能写贺卡吗'],
    en: ['Can the {p} be gift wrapped?'],
    ask: ['{m}{p}送人能包装一下吗', '买{p}送女朋友有礼袋吗'],
    answer: '{m}{p}可免费礼盒包装。',
  },
];

const SOCIAL = ['在吗', '好的 谢谢', '嗯嗯', '收到了', 'Thanks!', '那我再看看', '已拍', 'ok'];

export interface GeneratedPack {
  pack: PackInput;
  messages: string[];
}

/** A pack of exactly `n` scripts and `messageCount` buyer messages, the same for the same seed. */
export function generatePack(n: number, messageCount = 200, seed = 1): GeneratedPack {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const fill = (t: string, p: string, m: string) => t.replace(/\{p\}/g, p).replace(/\{m\}/g, m);
  const combos: { product: (typeof PRODUCTS)[number]; model: string; topic: Topic }[] = [];
  // Models: series × number, as many as the size needs (e.g. 经典款 A12).
  for (let round = 0; combos.length < n; round++) {
    for (const product of PRODUCTS) {
      const model = `${SERIES[round % SERIES.length]}${String.fromCharCode(65 + (Math.floor(round / SERIES.length) % 26))}${10 + Math.floor(round / (SERIES.length * 26))}`;
      for (const topic of TOPICS) {
        if (topic.kinds !== 'all' && !topic.kinds.includes(product.kind)) continue;
        combos.push({ product, model, topic });
        if (combos.length >= n) break;
      }
      if (combos.length >= n) break;
    }
  }
  const scripts = combos.map(({ product, model, topic }, i) => {
    const english = i % 10 === 9; // one script in ten is for overseas buyers
    const questions = english
      ? topic.en.map((t) => fill(t, product.en, model))
      : topic.q.map((t) => fill(t, product.zh, model));
    return {
      id: `s${i}-${topic.id}`,
      category: topic.id,
      questions,
      keywords: english ? [product.en, model] : [product.zh, topic.keyword, model],
      answers: [
        { text: `亲，${fill(topic.answer, product.zh, model)}有问题随时找我哦～`, tone: 'friendly' as const },
        { text: `您好，${fill(topic.answer, product.zh, model)}如有疑问请随时联系。`, tone: 'formal' as const },
      ],
    };
  });
  const messages: string[] = [];
  for (let i = 0; i < messageCount; i++) {
    const c = combos[Math.floor(rand() * combos.length)];
    const r = rand();
    if (r < 0.08) messages.push(pick(SOCIAL));
    else if (r < 0.2)
      messages.push(fill(pick(c.topic.en), c.product.en, c.model).replace(/^(\w+)/, (w) => w.toLowerCase()));
    else if (r < 0.3) messages.push(`亲 ${fill(pick(c.topic.ask), c.product.zh, '')}呀`);
    else messages.push(fill(pick(c.topic.ask), c.product.zh, rand() < 0.5 ? c.model : ''));
  }
  return {
    pack: {
      format: 'huashu.pack',
      version: 1,
      pack: { id: `bench-${n}`, name: `Bench store (${n} scripts)`, locale: 'zh-CN' },
      scripts,
    },
    messages,
  };
}

function main() {
  const a = args(process.argv.slice(2));
  const n = Number(a.scripts?.[0] ?? 1000);
  const { pack } = generatePack(n, 0, Number(a.seed?.[0] ?? 1));
  const text = JSON.stringify(pack, null, 1);
  if (a.out?.[0]) writeFileSync(a.out[0], text);
  else console.log(text);
}

if (process.argv[1]?.endsWith('gen-pack.ts')) main();
