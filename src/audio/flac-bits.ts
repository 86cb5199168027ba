/**
 * Bit-level reading for the FLAC decoder (RFC 9639): big-endian bit order, unsigned and two's-complement fields of
 * up to 53 bits (a side channel of 32-bit audio needs 33), unary codes for Rice quotients, and the frame checksums.
 */

/** A malformed FLAC stream; flac.ts turns it into a one-line UserError naming the file. */
export class FlacFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlacFormatError';
  }
}

const POW2: readonly number[] = Array.from({ length: 54 }, (_, i) => 2 ** i);

/** Reads bits most-significant first from a byte range; reading past its end throws a FlacFormatError. */
export class BitReader {
  /** index of the byte holding the next bit */
  byte: number;
  /** bits of that byte already read (0..7) */
  private bit = 0;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number = bytes.length,
  ) {
    this.byte = start;
  }

  private truncated(): FlacFormatError {
    return new FlacFormatError(`truncated: the stream ends inside a frame (byte ${this.end})`);
  }

  /** An unsigned field of n bits (0 <= n <= 53). */
  readUint(n: number): number {
    let v = 0;
    let left = n;
    while (left > 0) {
      if (this.byte >= this.end) throw this.truncated();
      const avail = 8 - this.bit;
      const take = avail < left ? avail : left;
      v = v * POW2[take] + ((this.bytes[this.byte] >>> (avail - take)) & ((1 << take) - 1));
      left -= take;
      this.bit += take;
      if (this.bit === 8) {
        this.bit = 0;
        this.byte++;
      }
    }
    return v;
  }

  /** A two's-complement field of n bits (0 <= n <= 53). */
  readSigned(n: number): number {
    if (n === 0) return 0;
    const v = this.readUint(n);
    return v >= POW2[n - 1] ? v - POW2[n] : v;
  }

  /** The number of 0 bits before the next 1 bit (which is consumed): the unary quotient of a Rice code. */
  readUnary(): number {
    let count = 0;
    for (;;) {
      if (this.byte >= this.end) throw this.truncated();
      const rest = (this.bytes[this.byte] << this.bit) & 0xff;
      if (rest === 0) {
        count += 8 - this.bit;
        this.bit = 0;
        this.byte++;
        continue;
      }
      const zeros = Math.clz32(rest) - 24;
      count += zeros;
      this.bit += zeros + 1;
      if (this.bit === 8) {
        this.bit = 0;
        this.byte++;
      }
      return count;
    }
  }

  /** Skips to the next byte boundary (frames end zero-padded to whole bytes). */
  alignToByte(): void {
    if (this.bit !== 0) {
      this.bit = 0;
      this.byte++;
    }
  }
}

/** 2^n for 0 <= n <= 53, exact in a double. */
export function pow2(n: number): number {
  return POW2[n];
}

function crcTable(poly: number, width: number): Uint16Array {
  const top = 1 << (width - 1);
  const mask = (1 << width) - 1;
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << (width - 8);
    for (let k = 0; k < 8; k++) c = c & top ? ((c << 1) ^ poly) & mask : (c << 1) & mask;
    table[i] = c;
  }
  return table;
}

const CRC8 = crcTable(0x07, 8);
const CRC16 = crcTable(0x8005, 16);

/** CRC-8 of the frame header (polynomial x^8 + x^2 + x + 1, initial value 0; RFC 9639 §9.1.8). */
export function crc8(b: Uint8Array, from: number, to: number): number {
  let c = 0;
  for (let i = from; i < to; i++) c = CRC8[c ^ b[i]];
  return c;
}

/** CRC-16 of the whole frame (polynomial x^16 + x^15 + x^2 + 1, initial value 0; RFC 9639 §9.3). */
export function crc16(b: Uint8Array, from: number, to: number): number {
  let c = 0;
  for (let i = from; i < to; i++) c = ((c << 8) & 0xffff) ^ CRC16[(c >>> 8) ^ b[i]];
  return c;
}
