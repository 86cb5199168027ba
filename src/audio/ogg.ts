/**
 * Minimal Ogg demuxer (RFC 3533): the packets of the first logical stream and its last granule position.
 */
import { fileError } from '../util/errors.js';

/** The packets of an Ogg stream, reassembled across pages, and the last page's granule position. */
export function readOggPackets(bytes: Uint8Array, name: string): { packets: Uint8Array[]; lastGranule: number } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const packets: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let serial: number | null = null;
  let lastGranule = 0;
  let off = 0;
  while (off + 27 <= bytes.length) {
    if (bytes[off] !== 0x4f || bytes[off + 1] !== 0x67 || bytes[off + 2] !== 0x67 || bytes[off + 3] !== 0x53) {
      throw fileError(name, `corrupt Ogg stream (no page at byte ${off})`);
    }
    const granule = dv.getUint32(off + 6, true) + dv.getUint32(off + 10, true) * 4294967296;
    const pageSerial = dv.getUint32(off + 14, true);
    const nseg = bytes[off + 26];
    let body = off + 27 + nseg;
    if (body > bytes.length) break;
    const mine = serial === null || serial === pageSerial;
    if (serial === null) serial = pageSerial;
    let truncated = false;
    for (let s = 0; s < nseg; s++) {
      const len = bytes[off + 27 + s];
      if (body + len > bytes.length) {
        truncated = true; // a cut last page: keep the packets that are complete, not its granule position
        break;
      }
      if (mine) pending.push(bytes.subarray(body, body + len));
      body += len;
      if (mine && len < 255) {
        packets.push(pending.length === 1 ? pending[0] : concatBytes(pending));
        pending = [];
      }
    }
    if (truncated) break;
    if (mine && granule !== 0xffffffff * 4294967296 + 0xffffffff) lastGranule = granule;
    off = body;
  }
  return { packets, lastGranule };
}

/** The parts joined into one array. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
