import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusReader, labelUtterances, type CorpusUtterance } from '../../src/data/corpora/index.js';
import { writeTree } from './corpora-fixture.js';
import { writeIemocapTree } from './iemocap-fixture.js';

function withDir(f: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'adan-corpora-'));
  try {
    f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** id -> [emotion, speaker, gender, fold] of each utterance. */
const facts = (u: CorpusUtterance[]): Record<string, string[]> =>
  Object.fromEntries(u.map((x) => [x.id, [x.emotion, x.speaker, x.gender, x.fold]]));
const mapped = (name: string, u: CorpusUtterance[], set: '4' | '6'): Record<string, string> =>
  Object.fromEntries(labelUtterances(u, corpusReader(name), set).map((x) => [x.id, x.label]));

test('RAVDESS: emotion, actor, gender (odd actors male) from 03-01-05-01-02-01-12.wav; video-only and other files ignored', () => {
  withDir((d) => {
    writeTree(d, [
      'Actor_01/03-01-05-01-02-01-01.wav',
      'Actor_02/03-01-01-01-01-02-02.wav',
      'Actor_02/03-01-02-02-01-01-02.wav',
      'Actor_12/03-02-06-02-02-01-12.wav',
      'Actor_12/02-01-06-01-01-01-12.wav',
      'Actor_12/notes.wav',
    ]);
    writeFileSync(join(d, 'README.txt'), 'x');
    const u = corpusReader('ravdess').read(d);
    assert.deepEqual(facts(u), {
      '03-01-05-01-02-01-01': ['angry', '01', 'male', '01'],
      '03-01-01-01-01-02-02': ['neutral', '02', 'female', '02'],
      '03-01-02-02-01-01-02': ['calm', '02', 'female', '02'],
      '03-02-06-02-02-01-12': ['fearful', '12', 'female', '12'],
    });
    const song = u.find((x) => x.id === '03-02-06-02-02-01-12')!;
    assert.deepEqual(song.extra, { channel: 'song', intensity: 'strong', statement: '02', repetition: '01' });
    // calm has no common class; fearful is fear in the 6-class set only
    assert.deepEqual(mapped('ravdess', u, '4'), { '03-01-05-01-02-01-01': 'angry', '03-01-01-01-01-02-02': 'neutral' });
    assert.equal(mapped('ravdess', u, '6')['03-02-06-02-02-01-12'], 'fear');
  });
});

test('CREMA-D: actor, sentence, emotion, level from 1001_DFA_ANG_XX.wav; gender from VideoDemographics.csv', () => {
  withDir((d) => {
    writeTree(d, [
      'AudioWAV/1001_DFA_ANG_XX.wav',
      'AudioWAV/1002_IEO_HAP_HI.wav',
      'AudioWAV/1091_TIE_DIS_LO.wav',
      'AudioWAV/1001_DFA_ANG_XX (1).wav',
    ]);
    const noDemo = corpusReader('crema-d').read(d);
    assert.ok(noDemo.every((x) => x.gender === 'unknown'));
    const demographics = ['ActorID,Age,Sex,Race,Ethnicity', '1001,51,Male,Caucasian,Not Hispanic', '1002,21,Female,Caucasian,Not Hispanic'];
    writeFileSync(join(d, 'VideoDemographics.csv'), [...demographics, '1091,29,Female,Asian,Not Hispanic'].join('\n') + '\n');
    const u = corpusReader('crema-d').read(d);
    assert.deepEqual(facts(u), {
      '1001_DFA_ANG_XX': ['anger', '1001', 'male', '1001'],
      '1002_IEO_HAP_HI': ['happy', '1002', 'female', '1002'],
      '1091_TIE_DIS_LO': ['disgust', '1091', 'female', '1091'],
    });
    assert.deepEqual(u[1].extra, { sentence: 'IEO', level: 'high' });
    assert.deepEqual(mapped('crema-d', u, '4'), { '1001_DFA_ANG_XX': 'angry', '1002_IEO_HAP_HI': 'happy' });
    assert.equal(mapped('crema-d', u, '6')['1091_TIE_DIS_LO'], 'disgust');
  });
});

test('SAVEE: four male speakers, emotion prefixes a d f h n sa su, nested DC/a01.wav and flat JK_n01.wav', () => {
  withDir((d) => {
    writeTree(d, ['AudioData/DC/a01.wav', 'AudioData/JE/sa02.wav', 'AudioData/KL/su15.wav', 'ALL/JK_n30.wav', 'AudioData/XX/a01.wav']);
    const u = corpusReader('savee').read(d);
    assert.deepEqual(facts(u), {
      DC_a01: ['anger', 'DC', 'male', 'DC'],
      JE_sa02: ['sadness', 'JE', 'male', 'JE'],
      JK_n30: ['neutral', 'JK', 'male', 'JK'],
      KL_su15: ['surprise', 'KL', 'male', 'KL'],
    });
    assert.deepEqual(mapped('savee', u, '6'), { DC_a01: 'angry', JE_sa02: 'sad', JK_n30: 'neutral' });
  });
});

test('TESS: speakers OAF and YAF (female), emotion from the file name (ps = pleasant surprise), any case', () => {
  withDir((d) => {
    writeTree(d, [
      'OAF_angry/OAF_back_angry.wav',
      'YAF_pleasant_surprised/YAF_bite_ps.wav',
      'OAF_Fear/OAF_chair_Fear.wav',
      'YAF_sad/YAF_wife_sad.wav',
    ]);
    const u = corpusReader('tess').read(d);
    assert.deepEqual(facts(u), {
      OAF_back_angry: ['angry', 'OAF', 'female', 'OAF'],
      OAF_chair_fear: ['fear', 'OAF', 'female', 'OAF'],
      YAF_bite_ps: ['pleasant_surprise', 'YAF', 'female', 'YAF'],
      YAF_wife_sad: ['sad', 'YAF', 'female', 'YAF'],
    });
    assert.deepEqual(mapped('tess', u, '4'), { OAF_back_angry: 'angry', YAF_wife_sad: 'sad' });
  });
});

test('EMOVO: Italian emotion codes, actors f1-f3 / m1-m3, dis-f1-b1.wav', () => {
  withDir((d) => {
    writeTree(d, ['f1/dis-f1-b1.wav', 'm2/gio-m2-l3.wav', 'm3/rab-m3-n5.wav', 'f3/sor-f3-d2.wav']);
    const u = corpusReader('emovo').read(d);
    assert.deepEqual(facts(u), {
      'dis-f1-b1': ['disgust', 'f1', 'female', 'f1'],
      'gio-m2-l3': ['joy', 'm2', 'male', 'm2'],
      'rab-m3-n5': ['anger', 'm3', 'male', 'm3'],
      'sor-f3-d2': ['surprise', 'f3', 'female', 'f3'],
    });
    assert.deepEqual(mapped('emovo', u, '4'), { 'gio-m2-l3': 'happy', 'rab-m3-n5': 'angry' });
  });
});

test('CASIA: <speaker>/<emotion>/<n>.wav, two female and two male speakers', () => {
  withDir((d) => {
    writeTree(d, [
      'CASIA/liuchanhg/angry/201.wav',
      'CASIA/wangzhe/surprise/202.wav',
      'CASIA/ZhaoZuoxiang/neutral/203.wav',
      'CASIA/zhaoquanyin/sad/204.wav',
    ]);
    const u = corpusReader('casia').read(d);
    assert.deepEqual(facts(u), {
      'liuchanhg-angry-201': ['angry', 'liuchanhg', 'female', 'liuchanhg'],
      'wangzhe-surprise-202': ['surprise', 'wangzhe', 'male', 'wangzhe'],
      'zhaoquanyin-sad-204': ['sad', 'zhaoquanyin', 'female', 'zhaoquanyin'],
      'zhaozuoxiang-neutral-203': ['neutral', 'zhaozuoxiang', 'male', 'zhaozuoxiang'],
    });
    assert.equal(mapped('casia', u, '6')['wangzhe-surprise-202'], undefined);
  });
});

test('MSP-IMPROV: consensus labels from Evalution.txt, actor F0k/M0k in session k, leave-one-session-out', () => {
  withDir((d) => {
    writeTree(d, [
      'Audio/session1/S01A/S/MSP-IMPROV-S01A-F01-S-FM01.wav',
      'Audio/session1/S01A/P/MSP-IMPROV-S01A-M01-P-MF01.wav',
      'Audio/session3/S05H/R/MSP-IMPROV-S05H-F03-R-FF02.wav',
    ]);
    writeFileSync(
      join(d, 'Evalution.txt'),
      [
        'UTD-IMPROV-S01A-F01-S-FM01.avi; A; A:4.0; V:1.5; D:4.0; N:5',
        'Some annotator line',
        'UTD-IMPROV-S01A-M01-P-MF01.avi; X; A:3.0; V:3.0; D:3.0; N:5',
        'UTD-IMPROV-S05H-F03-R-FF02.avi; H; A:3.5; V:4.5; D:3.0; N:6',
        'UTD-IMPROV-S06N-M06-R-MM01.avi; N; A:3.0; V:3.0; D:3.0; N:5',
      ].join('\n'),
    );
    const u = corpusReader('msp-improv').read(d);
    assert.deepEqual(facts(u), {
      'MSP-IMPROV-S01A-F01-S-FM01': ['angry', 'F01', 'female', '1'],
      'MSP-IMPROV-S01A-M01-P-MF01': ['no-agreement', 'M01', 'male', '1'],
      'MSP-IMPROV-S05H-F03-R-FF02': ['happy', 'F03', 'female', '3'],
    });
    assert.equal(u[2].session, '3');
    assert.deepEqual(u[2].extra, { sentence: 'S05', scenario: 'H', part: 'R' });
    assert.deepEqual(mapped('msp-improv', u, '4'), { 'MSP-IMPROV-S01A-F01-S-FM01': 'angry', 'MSP-IMPROV-S05H-F03-R-FF02': 'happy' });
    // no rater agreement is never a class, not even with all labels
    assert.deepEqual(
      labelUtterances(u, corpusReader('msp-improv'), 'all').map((x) => x.label),
      ['angry', 'happy'],
    );
  });
});

test('corpus folders that do not match the layout give one-line errors saying what was expected', () => {
  withDir((d) => {
    writeTree(d, ['speech/a.wav', 'speech/b.wav']);
    for (const name of ['ravdess', 'crema-d', 'savee', 'tess', 'emovo', 'casia']) {
      const r = corpusReader(name);
      const expected = `no ${r.title} files found (expected ${r.layout})`;
      assert.throws(
        () => r.read(d),
        (e: Error) => e.message.includes(expected) && !e.message.includes('\n'),
        name,
      );
    }
    assert.throws(() => corpusReader('msp-improv').read(d), /no Evalution\.txt \(expected MSP-IMPROV: Evalution\.txt/);
    assert.throws(() => corpusReader('ravdess').read(join(d, 'nope')), /nope: no such folder \(expected RAVDESS: Actor_01/);
    assert.throws(() => corpusReader('ravdes'), /unknown corpus 'ravdes' \(choose emodb, iemocap, ravdess, crema-d/);
    mkdirSync(join(d, 'msp'));
    writeFileSync(join(d, 'msp', 'Evalution.txt'), 'UTD-IMPROV-S01A-F01-S-FM01.avi; A; A:4.0;\n');
    assert.throws(() => corpusReader('msp-improv').read(join(d, 'msp')), /no labelled clip of .*Evalution\.txt has its audio file/);
    writeFileSync(join(d, 'msp', 'Evalution.txt'), 'UTD-IMPROV-S01A-F9-S.avi; A; A:4.0;\n');
    assert.throws(() => corpusReader('msp-improv').read(join(d, 'msp')), /Evalution\.txt: line 1: unrecognised clip id/);
  });
});

test('a corpus copied twice into one folder is an error, not doubled utterances', () => {
  withDir((d) => {
    writeTree(d, ['a/Actor_01/03-01-05-01-02-01-01.wav', 'b/Actor_01/03-01-05-01-02-01-01.wav']);
    assert.throws(() => corpusReader('ravdess').read(d), /two files give the utterance id '03-01-05-01-02-01-01'/);
  });
});

test('EmoDB and IEMOCAP through the registry: speaker folds for EmoDB, session folds for IEMOCAP, no-agreement turns left out', () => {
  withDir((d) => {
    writeTree(d, ['emodb/wav/03a01Fa.wav', 'emodb/wav/08b02Wb.wav', 'emodb/wav/16a05Lc.wav']);
    const e = corpusReader('emodb').read(join(d, 'emodb'));
    assert.deepEqual(facts(e), {
      '03a01Fa': ['happiness', '03', 'male', '03'],
      '08b02Wb': ['anger', '08', 'female', '08'],
      '16a05Lc': ['boredom', '16', 'female', '16'],
    });
    assert.deepEqual(mapped('emodb', e, '6'), { '03a01Fa': 'happy', '08b02Wb': 'angry' });
    const { wavs } = writeIemocapTree(join(d, 'iemocap'), { wavsPerDialog: 1 });
    const reader = corpusReader('iemocap');
    const u = reader.read(join(d, 'iemocap'));
    assert.equal(u.length, wavs.length);
    assert.ok(u.every((x) => x.fold === x.session && x.speaker.startsWith(`Ses0${x.session}`)));
    assert.deepEqual([...new Set(u.map((x) => x.fold))].sort(), ['1', '2', '3', '4', '5']);
    const all = labelUtterances(u, reader, 'all');
    assert.ok(all.every((x) => x.label !== 'xxx'));
    assert.equal(all.length, u.filter((x) => x.emotion !== 'xxx').length);
  });
});
