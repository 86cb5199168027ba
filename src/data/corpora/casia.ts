import type { CorpusReader, CorpusUtterance, Gender } from './types.js';
import { nonEmpty, requireFolder, wavsUnder } from './layout.js';

/**
 * CASIA Chinese emotional speech corpus (Institute of Automation, Chinese Academy of Sciences), as distributed:
 * `<speaker>/<emotion>/<nnn>.wav` with four professional speakers, two female (liuchanhg, zhaoquanyin) and two male
 * (wangzhe, ZhaoZuoxiang), and six emotions (angry, fear, happy, neutral, sad, surprise). Leave-one-speaker-out.
 */
const SPEAKERS: Readonly<Record<string, Gender>> = { liuchanhg: 'female', zhaoquanyin: 'female', wangzhe: 'male', zhaozuoxiang: 'male' };
const EMOTIONS = ['angry', 'fear', 'happy', 'neutral', 'sad', 'surprise'];
const PATH = /(?:^|\/)(liuchanhg|zhaoquanyin|wangzhe|zhaozuoxiang)\/(angry|fear|happy|neutral|sad|surprise)\/([^/]+)\.wav$/i;

export const casia: CorpusReader = {
  name: 'casia',
  title: 'CASIA',
  layout:
    `folders <speaker>/<emotion>/ with speakers ${Object.keys(SPEAKERS).join(', ')} and emotions ${EMOTIONS.join(', ')}, ` +
    'e.g. wangzhe/angry/201.wav',
  folds: 'speaker',
  common: { angry: 'angry', fear: 'fear', happy: 'happy', neutral: 'neutral', sad: 'sad' },
  read(dir: string): CorpusUtterance[] {
    requireFolder(dir, casia);
    const out: CorpusUtterance[] = [];
    for (const w of wavsUnder(dir)) {
      const m = PATH.exec(w.rel);
      if (!m) continue;
      const speaker = m[1].toLowerCase();
      const emotion = m[2].toLowerCase();
      const id = `${speaker}-${emotion}-${m[3]}`;
      out.push({ path: w.path, id, emotion, speaker, gender: SPEAKERS[speaker], fold: speaker, extra: { sentence: m[3] } });
    }
    return nonEmpty(dir, casia, out);
  },
};
