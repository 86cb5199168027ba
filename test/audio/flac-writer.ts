/**
 * A minimal FLAC writer for the decoder's tests (RFC 9639), so that each coding tool can be produced on purpose:
 * the subframe type, Rice or Rice2 parameters per partition, escaped partitions, wasted bits, each stereo mode,
 * variable blocking and header-coded block sizes and rates. libFLAC (the `flac` fixtures) never emits some of these.
 */
import { crc16, crc8 } from '../../src/audio/flac-bits.js';

class BitWriter {
  private readonly bits: number[] = [];

  /** value >= 0 in n bits, most significant first */
  uint(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
  }

  signed(value: number, n: number): void {
    if (n === 0) return;
    if (value < -(2 ** (n - 1)) || value >= 2 ** (n - 1)) throw new Error(`${value} does not fit ${n} signed bits`);
    this.uint(value < 0 ? value + 2 ** n : value, n);
  }

  unary(q: number): void {
    for (let i = 0; i < q; i++) this.bits.push(0);
    this.bits.push(1);
  }

  bytes(): number[] {
    while (this.bits.length % 8 !== 0) this.bits.push(0);
    const out: number[] = [];
    for (let i = 0; i < this.bits.length; i += 8) out.push(parseInt(this.bits.slice(i, i + 8).join(''), 2));
    return out;
  }
}

/** A partition's Rice parameter, or an escape to raw samples of `escapeBits` bits. */
export type PartitionCoding = number | { escapeBits: number };

export interface ResidualSpec {
  /** 0: 4-bit Rice parameters, 1: 5-bit (Rice2) */
  method: 0 | 1;
  partitionOrder: number;
  /** one per partition (2^partitionOrder) */
  partitions: PartitionCoding[];
}

export type SubframeSpec = { wasted?: number } & (
  | { kind: 'constant' }
  | { kind: 'verbatim' }
  | { kind: 'fixed'; order: number; residual: ResidualSpec }
  | { kind: 'lpc'; coefs: number[]; precision: number; shift: number; residual: ResidualSpec }
);

export type StereoMode = 'independent' | 'left-side' | 'side-right' | 'mid-side';

export interface FrameSpec {
  /** the channels' real samples (left, right, ...); coded per `stereo` */
  samples: number[][];
  stereo?: StereoMode;
  subframes: SubframeSpec[];
  /** force the "8-bit / 16-bit block size at the header's end" codes */
  blockSizeAtEnd?: 8 | 16;
}

export interface StreamSpec {
  rate: number;
  bitsPerSample: number;
  frames: FrameSpec[];
  /** header sample-rate code: 'streaminfo' (0), 'khz' (12), 'hz' (13), 'tens' (14), or the table code when one exists */
  rateCoding?: 'streaminfo' | 'khz' | 'hz' | 'tens' | 'table';
  /** blocking strategy bit 1: frames carry their first sample's number */
  variable?: boolean;
  /** extra metadata blocks (padding, here) after STREAMINFO */
  padding?: number;
  /** 0 writes "unknown" */
  totalSamples?: number;
}

const FIXED: readonly number[][] = [[], [1], [2, -1], [3, -3, 1], [4, -6, 4, -1]];
const RATE_CODES: Record<number, number> = {
  88200: 1,
  176400: 2,
  192000: 3,
  8000: 4,
  16000: 5,
  22050: 6,
  24000: 7,
  32000: 8,
  44100: 9,
  48000: 10,
  96000: 11,
};
const SIZE_CODES: Record<number, number> = { 8: 1, 12: 2, 16: 4, 20: 5, 24: 6, 32: 7 };
const STEREO_CODES: Record<StereoMode, number> = { independent: -1, 'left-side': 8, 'side-right': 9, 'mid-side': 10 };

function codedChannels(samples: number[][], stereo: StereoMode): number[][] {
  if (stereo === 'independent') return samples;
  const [l, r] = samples;
  const side = l.map((v, i) => v - r[i]);
  if (stereo === 'left-side') return [l, side];
  if (stereo === 'side-right') return [side, r];
  return [l.map((v, i) => Math.floor((v + r[i]) / 2)), side];
}

function writeResidual(w: BitWriter, residual: number[], order: number, spec: ResidualSpec): void {
  w.uint(spec.method, 2);
  w.uint(spec.partitionOrder, 4);
  const per = (residual.length + order) / 2 ** spec.partitionOrder;
  let i = 0;
  spec.partitions.forEach((coding, p) => {
    const count = p === 0 ? per - order : per;
    const part = residual.slice(i, i + count);
    i += count;
    if (typeof coding === 'object') {
      w.uint(spec.method === 0 ? 15 : 31, spec.method === 0 ? 4 : 5);
      w.uint(coding.escapeBits, 5);
      for (const e of part) w.signed(e, coding.escapeBits);
      return;
    }
    w.uint(coding, spec.method === 0 ? 4 : 5);
    for (const e of part) {
      const u = e >= 0 ? 2 * e : -2 * e - 1;
      w.unary(Math.floor(u / 2 ** coding));
      w.uint(u % 2 ** coding, coding);
    }
  });
  if (i !== residual.length) throw new Error('partitions do not cover the residual');
}

function writeSubframe(w: BitWriter, x: number[], bits: number, spec: SubframeSpec): void {
  const wasted = spec.wasted ?? 0;
  const v = x.map((s) => {
    if (s % 2 ** wasted !== 0) throw new Error(`sample ${s} has no ${wasted} wasted bits`);
    return s / 2 ** wasted;
  });
  const b = bits - wasted;
  const type =
    spec.kind === 'constant' ? 0 : spec.kind === 'verbatim' ? 1 : spec.kind === 'fixed' ? 8 + spec.order : 31 + spec.coefs.length;
  w.uint(0, 1);
  w.uint(type, 6);
  if (wasted > 0) {
    w.uint(1, 1);
    w.unary(wasted - 1);
  } else w.uint(0, 1);
  if (spec.kind === 'constant') {
    if (v.some((s) => s !== v[0])) throw new Error('constant subframe of varying samples');
    w.signed(v[0], b);
  } else if (spec.kind === 'verbatim') for (const s of v) w.signed(s, b);
  else {
    const coefs = spec.kind === 'fixed' ? FIXED[spec.order] : spec.coefs;
    const order = coefs.length;
    for (let i = 0; i < order; i++) w.signed(v[i], b);
    if (spec.kind === 'lpc') {
      w.uint(spec.precision - 1, 4);
      w.signed(spec.shift, 5);
      for (const c of coefs) w.signed(c, spec.precision);
    }
    const shift = spec.kind === 'lpc' ? spec.shift : 0;
    const residual: number[] = [];
    for (let i = order; i < v.length; i++) {
      let sum = 0;
      for (let j = 0; j < order; j++) sum += coefs[j] * v[i - 1 - j];
      residual.push(v[i] - Math.floor(sum / 2 ** shift));
    }
    writeResidual(w, residual, order, spec.residual);
  }
}

/** UTF-8-like coding of the frame or sample number (§9.1.5). */
function codedNumber(w: BitWriter, n: number): void {
  if (n < 0x80) return w.uint(n, 8);
  let extra = 1;
  while (n >= 2 ** (6 * extra + 6 - extra)) extra++;
  w.uint(2 ** (extra + 1) - 1, extra + 1); // extra+1 leading ones, a zero, then the top bits
  w.uint(0, 1);
  w.uint(Math.floor(n / 2 ** (6 * extra)), 6 - extra);
  for (let i = extra - 1; i >= 0; i--) {
    w.uint(2, 2);
    w.uint(Math.floor(n / 2 ** (6 * i)) % 64, 6);
  }
}

function frameBytes(spec: StreamSpec, frame: FrameSpec, number: number): number[] {
  const w = new BitWriter();
  const n = frame.samples[0].length;
  const stereo = frame.stereo ?? 'independent';
  w.uint(0x3ffe, 14);
  w.uint(0, 1);
  w.uint(spec.variable ? 1 : 0, 1);
  const pow = (base: number): number => Math.log2(n / base);
  let sizeCode: number;
  if (frame.blockSizeAtEnd === 8) sizeCode = 6;
  else if (frame.blockSizeAtEnd === 16) sizeCode = 7;
  else if (n === 192) sizeCode = 1;
  else if (Number.isInteger(pow(576)) && pow(576) >= 0 && pow(576) <= 3) sizeCode = 2 + pow(576);
  else if (Number.isInteger(pow(256)) && pow(256) >= 0 && pow(256) <= 7) sizeCode = 8 + pow(256);
  else sizeCode = n <= 256 ? 6 : 7;
  const coding = spec.rateCoding ?? 'table';
  const rateCode = { streaminfo: 0, khz: 12, hz: 13, tens: 14, table: RATE_CODES[spec.rate] ?? 13 }[coding];
  w.uint(sizeCode, 4);
  w.uint(rateCode, 4);
  w.uint(stereo === 'independent' ? frame.samples.length - 1 : STEREO_CODES[stereo], 4);
  w.uint(SIZE_CODES[spec.bitsPerSample] ?? 0, 3);
  w.uint(0, 1);
  codedNumber(w, number);
  if (sizeCode === 6) w.uint(n - 1, 8);
  if (sizeCode === 7) w.uint(n - 1, 16);
  if (rateCode === 12) w.uint(spec.rate / 1000, 8);
  if (rateCode === 13) w.uint(spec.rate, 16);
  if (rateCode === 14) w.uint(spec.rate / 10, 16);
  const header = w.bytes();
  const body = new BitWriter();
  const coded = codedChannels(frame.samples, stereo);
  coded.forEach((x, c) => {
    const side = (stereo === 'side-right' && c === 0) || ((stereo === 'left-side' || stereo === 'mid-side') && c === 1);
    writeSubframe(body, x, spec.bitsPerSample + (side ? 1 : 0), frame.subframes[c]);
  });
  const withCrc8 = [...header, crc8(Uint8Array.from(header), 0, header.length)];
  const frameNoCrc = [...withCrc8, ...body.bytes()];
  const c16 = crc16(Uint8Array.from(frameNoCrc), 0, frameNoCrc.length);
  return [...frameNoCrc, c16 >> 8, c16 & 0xff];
}

/** A complete native FLAC stream for `spec`. */
export function writeFlac(spec: StreamSpec): Uint8Array {
  const channels = spec.frames[0].samples.length;
  const total = spec.totalSamples ?? spec.frames.reduce((s, f) => s + f.samples[0].length, 0);
  const info = new BitWriter();
  const sizes = spec.frames.map((f) => f.samples[0].length);
  info.uint(Math.min(...sizes), 16);
  info.uint(Math.max(...sizes), 16);
  info.uint(0, 24);
  info.uint(0, 24);
  info.uint(spec.rate, 20);
  info.uint(channels - 1, 3);
  info.uint(spec.bitsPerSample - 1, 5);
  info.uint(total, 36);
  for (let i = 0; i < 16; i++) info.uint(0, 8); // MD5 unset
  const out: number[] = [0x66, 0x4c, 0x61, 0x43];
  const padding = spec.padding ?? 0;
  out.push(padding > 0 ? 0 : 0x80, 0, 0, 34, ...info.bytes());
  if (padding > 0) out.push(0x81, 0, (padding >> 8) & 0xff, padding & 0xff, ...new Array<number>(padding).fill(0));
  let sample = 0;
  spec.frames.forEach((f, i) => {
    out.push(...frameBytes(spec, f, spec.variable ? sample : i));
    sample += f.samples[0].length;
  });
  return Uint8Array.from(out);
}

/** A PCM WAV of integer samples in `bytesPerSample`-byte containers (1: unsigned 8-bit, as WAV stores it). */
export function intWav(channels: number[][], rate: number, bytesPerSample: number): Uint8Array {
  const n = channels[0].length;
  const nc = channels.length;
  const data = n * nc * bytesPerSample;
  const b = new Uint8Array(44 + data);
  const dv = new DataView(b.buffer);
  b.set([0x52, 0x49, 0x46, 0x46], 0);
  dv.setUint32(4, 36 + data, true);
  b.set([0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20], 8);
  dv.setUint32(16, 16, true);
  dv.setUint16(20, 1, true);
  dv.setUint16(22, nc, true);
  dv.setUint32(24, rate, true);
  dv.setUint32(28, rate * nc * bytesPerSample, true);
  dv.setUint16(32, nc * bytesPerSample, true);
  dv.setUint16(34, bytesPerSample * 8, true);
  b.set([0x64, 0x61, 0x74, 0x61], 36);
  dv.setUint32(40, data, true);
  let o = 44;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < nc; c++) {
      const v = channels[c][i];
      for (let k = 0; k < bytesPerSample; k++) {
        const byte = Math.floor((bytesPerSample === 1 ? v + 128 : v < 0 ? v + 2 ** (8 * bytesPerSample) : v) / 2 ** (8 * k)) % 256;
        b[o++] = byte;
      }
    }
  }
  return b;
}
