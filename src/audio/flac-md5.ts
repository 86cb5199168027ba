/**
 * The MD5 signature STREAMINFO carries of the unencoded audio (RFC 9639 §8.2): the samples interleaved, signed,
 * little-endian, in ceil(bits/8) bytes each. Frame CRCs only prove the coded bytes intact; this proves the decoded
 * samples are the ones the encoder was given, so a decoding error cannot pass as audio.
 */
import { createHash, type Hash } from 'node:crypto';

/** Hashes decoded frames in stream order, to compare with STREAMINFO's signature at the end. */
export class FlacMd5 {
  private readonly hash: Hash = createHash('md5');
  private readonly bytesPerSample: number;
  private buffer = new Uint8Array(0);

  constructor(bitsPerSample: number) {
    this.bytesPerSample = Math.ceil(bitsPerSample / 8);
  }

  /** Adds samples [0, n) of every channel, interleaved. */
  update(channels: Float64Array[], n: number): void {
    const size = n * channels.length * this.bytesPerSample;
    if (this.buffer.length < size) this.buffer = new Uint8Array(size);
    const dv = new DataView(this.buffer.buffer);
    const bps = this.bytesPerSample;
    let o = 0;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < channels.length; c++) {
        const v = channels[c][i];
        if (bps === 2) dv.setInt16(o, v, true);
        else if (bps === 1) dv.setInt8(o, v);
        else if (bps === 3) {
          dv.setInt16(o, v & 0xffff, true);
          dv.setInt8(o + 2, v >> 16);
        } else dv.setInt32(o, v, true);
        o += bps;
      }
    }
    this.hash.update(this.buffer.subarray(0, size));
  }

  /** Whether the audio hashed so far has the signature `expected` (16 bytes). */
  matches(expected: Uint8Array): boolean {
    const got = this.hash.digest();
    return got.every((b, i) => b === expected[i]);
  }
}
