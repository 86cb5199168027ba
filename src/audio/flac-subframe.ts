/**
 * FLAC subframes (RFC 9639 §9.2): one channel of one frame, coded as CONSTANT, VERBATIM, FIXED (orders 0-4) or
 * LPC (orders 1-32) with a Rice / Rice2 coded residual, and "wasted bits" (zero low bits shifted out).
 * Samples are integers held in a Float64Array, exact up to 2^53: enough for 33-bit side channels and for every LPC
 * sum, |Σ c_j s_j| < 32 · 2^14 · 2^32 = 2^51 (order <= 32, 15-bit coefficients, 33-bit samples).
 */
import { BitReader, FlacFormatError, pow2 } from './flac-bits.js';

const CONSTANT = 0;
const VERBATIM = 1;
const FIXED_FIRST = 8; // 0b001000: FIXED order 0 .. 0b001100: order 4
const FIXED_LAST = 12;
const LPC_FIRST = 32; // 0b100000: LPC order 1 .. 0b111111: order 32

/** Decodes one subframe of `blockSize` samples of `bps` bits into out[0..blockSize). */
export function decodeSubframe(r: BitReader, blockSize: number, bps: number, out: Float64Array): void {
  if (r.readUint(1) !== 0) throw new FlacFormatError('subframe header padding bit is not 0');
  const type = r.readUint(6);
  // wasted bits: a flag, then k-1 in unary; the samples are coded with bps-k bits and shifted back (§9.2.2)
  const wasted = r.readUint(1) === 1 ? r.readUnary() + 1 : 0;
  if (wasted > bps) throw new FlacFormatError(`${wasted} wasted bits in a ${bps}-bit subframe`);
  const bits = bps - wasted;
  if (type === CONSTANT) out.fill(r.readSigned(bits), 0, blockSize);
  else if (type === VERBATIM) for (let i = 0; i < blockSize; i++) out[i] = r.readSigned(bits);
  else if (type >= FIXED_FIRST && type <= FIXED_LAST) decodeFixed(r, blockSize, bits, type - FIXED_FIRST, out);
  else if (type >= LPC_FIRST) decodeLpc(r, blockSize, bits, type - LPC_FIRST + 1, out);
  else throw new FlacFormatError(`reserved subframe type ${type}`);
  if (wasted > 0) {
    const m = pow2(wasted);
    for (let i = 0; i < blockSize; i++) out[i] *= m;
  }
}

function readWarmUp(r: BitReader, order: number, bits: number, blockSize: number, out: Float64Array): void {
  if (order > blockSize) throw new FlacFormatError(`predictor order ${order} exceeds the block size ${blockSize}`);
  for (let i = 0; i < order; i++) out[i] = r.readSigned(bits);
}

/** FIXED: the polynomial predictors of §9.2.5 (differences of order 0 to 4), added back to the residual. */
function decodeFixed(r: BitReader, blockSize: number, bits: number, order: number, out: Float64Array): void {
  readWarmUp(r, order, bits, blockSize, out);
  readResidual(r, blockSize, order, out);
  if (order === 1) for (let i = 1; i < blockSize; i++) out[i] += out[i - 1];
  else if (order === 2) for (let i = 2; i < blockSize; i++) out[i] += 2 * out[i - 1] - out[i - 2];
  else if (order === 3) for (let i = 3; i < blockSize; i++) out[i] += 3 * out[i - 1] - 3 * out[i - 2] + out[i - 3];
  else if (order === 4) for (let i = 4; i < blockSize; i++) out[i] += 4 * out[i - 1] - 6 * out[i - 2] + 4 * out[i - 3] - out[i - 4];
}

/** LPC: quantised coefficients (precision and right shift in the header), s[n] = e[n] + (Σ c_j s[n-1-j]) >> shift. */
function decodeLpc(r: BitReader, blockSize: number, bits: number, order: number, out: Float64Array): void {
  readWarmUp(r, order, bits, blockSize, out);
  const precisionCode = r.readUint(4);
  if (precisionCode === 15) throw new FlacFormatError('invalid LPC coefficient precision (0b1111)');
  const precision = precisionCode + 1;
  const shift = r.readSigned(5);
  if (shift < 0) throw new FlacFormatError(`negative LPC shift ${shift}`);
  const coefs = new Float64Array(order);
  for (let j = 0; j < order; j++) coefs[j] = r.readSigned(precision);
  readResidual(r, blockSize, order, out);
  const div = pow2(shift);
  for (let i = order; i < blockSize; i++) {
    let sum = 0;
    for (let j = 0; j < order; j++) sum += coefs[j] * out[i - 1 - j];
    out[i] += Math.floor(sum / div); // the arithmetic right shift, exact for |sum| < 2^53
  }
}

/**
 * The residual (§9.2.7): coding method (Rice with 4-bit or Rice2 with 5-bit parameters), 2^p partitions, each with
 * its Rice parameter or the escape code followed by a 5-bit raw sample width. Written to out[order..blockSize).
 */
function readResidual(r: BitReader, blockSize: number, order: number, out: Float64Array): void {
  const method = r.readUint(2);
  if (method > 1) throw new FlacFormatError(`reserved residual coding method ${method}`);
  const paramBits = method === 0 ? 4 : 5;
  const escape = method === 0 ? 15 : 31;
  const partitionOrder = r.readUint(4);
  const perPartition = blockSize / 2 ** partitionOrder;
  if (!Number.isInteger(perPartition) || perPartition < order) {
    throw new FlacFormatError(`residual partition order ${partitionOrder} does not fit block size ${blockSize}, order ${order}`);
  }
  let i = order;
  for (let end = perPartition; end <= blockSize; end += perPartition) {
    const k = r.readUint(paramBits);
    if (k === escape) {
      const width = r.readUint(5);
      for (; i < end; i++) out[i] = r.readSigned(width);
      continue;
    }
    const m = pow2(k);
    for (; i < end; i++) {
      const u = r.readUnary() * m + r.readUint(k);
      out[i] = u % 2 === 0 ? u / 2 : -(u + 1) / 2; // zig-zag: 0, -1, 1, -2, 2, ...
    }
  }
}
