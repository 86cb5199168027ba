/**
 * safetensors (https://huggingface.co/docs/safetensors): 8-byte little-endian header length N, an N-byte JSON
 * header {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {string: string}} padded with spaces
 * to a multiple of 8, then the raw little-endian tensor bytes. PyTorch (safetensors.torch.load_file) reads these.
 * Only F32 tensors are written; F32 and F64 are read (F64 is narrowed to float32).
 */
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { writeFileAtomic } from '../util/atomic-write.js';
import { fileError } from '../util/errors.js';

export interface Tensor {
  shape: number[];
  data: Float32Array;
}

function checkLittleEndian(): void {
  if (endianness() !== 'LE') throw new Error('safetensors: only little-endian hosts are supported');
}

/** Writes tensors (in the given key order) atomically. */
export function saveSafetensors(path: string, tensors: Record<string, Tensor>, metadata: Record<string, string> = {}): void {
  checkLittleEndian();
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length) header.__metadata__ = metadata;
  let off = 0;
  const names = Object.keys(tensors);
  for (const name of names) {
    if (name === '__metadata__') throw new Error('saveSafetensors: "__metadata__" is not a valid tensor name');
    const t = tensors[name];
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length)
      throw new Error(`saveSafetensors: tensor '${name}' has ${t.data.length} values but shape [${t.shape.join(', ')}]`);
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [off, off + count * 4] };
    off += count * 4;
  }
  let json = JSON.stringify(header);
  const jsonBytes = Buffer.byteLength(json, 'utf8');
  json += ' '.repeat((8 - (jsonBytes % 8)) % 8);
  const hbuf = Buffer.from(json, 'utf8');
  const out = Buffer.alloc(8 + hbuf.length + off);
  out.writeBigUInt64LE(BigInt(hbuf.length), 0);
  hbuf.copy(out, 8);
  let p = 8 + hbuf.length;
  for (const name of names) {
    const d = tensors[name].data;
    Buffer.from(d.buffer, d.byteOffset, d.byteLength).copy(out, p);
    p += d.byteLength;
  }
  writeFileAtomic(path, out);
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/** Reads a safetensors file; every problem is reported with the file name. */
export function loadSafetensors(path: string): { tensors: Record<string, Tensor>; metadata: Record<string, string> } {
  checkLittleEndian();
  const buf = readFileSync(path);
  if (buf.length < 8) throw fileError(path, 'not a safetensors file (shorter than 8 bytes)');
  const n = Number(buf.readBigUInt64LE(0));
  if (n > buf.length - 8) throw fileError(path, `not a safetensors file (header length ${n} exceeds the file)`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(buf.subarray(8, 8 + n).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw fileError(path, 'not a safetensors file (header is not JSON)');
  }
  const base = 8 + n;
  const tensors: Record<string, Tensor> = {};
  let metadata: Record<string, string> = {};
  for (const [name, v] of Object.entries(header)) {
    if (name === '__metadata__') {
      metadata = v as Record<string, string>;
      continue;
    }
    const e = v as HeaderEntry;
    if (!e || !Array.isArray(e.shape) || !Array.isArray(e.data_offsets)) throw fileError(path, `tensor '${name}': malformed header entry`);
    const [b, end] = e.data_offsets;
    const count = e.shape.reduce((x, y) => x * y, 1);
    if (!(b >= 0 && end >= b && base + end <= buf.length)) throw fileError(path, `tensor '${name}': data offsets outside the file`);
    const bytes = buf.subarray(base + b, base + end);
    let data: Float32Array;
    if (e.dtype === 'F32') {
      if (bytes.length !== count * 4) throw fileError(path, `tensor '${name}': ${bytes.length} bytes for shape [${e.shape.join(', ')}]`);
      data = new Float32Array(count);
      new Uint8Array(data.buffer).set(bytes); // copy: the file buffer need not be 4-byte aligned
    } else if (e.dtype === 'F64') {
      if (bytes.length !== count * 8) throw fileError(path, `tensor '${name}': ${bytes.length} bytes for shape [${e.shape.join(', ')}]`);
      const d64 = new Float64Array(count);
      new Uint8Array(d64.buffer).set(bytes);
      data = Float32Array.from(d64);
    } else throw fileError(path, `tensor '${name}': dtype ${e.dtype} is not supported (F32, F64)`);
    tensors[name] = { shape: e.shape.slice(), data };
  }
  return { tensors, metadata };
}
