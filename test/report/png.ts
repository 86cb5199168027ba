import { inflateSync } from 'node:zlib';

/** A decoded 8-bit PNG as RGBA. Only what the tests need: non-interlaced, bit depth 8, gray/RGB/RGBA. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

export function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!sig.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

export function decodePng(png: Uint8Array): Rgba {
  const { width, height } = pngSize(png);
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let off = 8;
  let colorType = -1;
  let depth = -1;
  const idat: Uint8Array[] = [];
  while (off < png.length) {
    const len = dv.getUint32(off);
    const type = String.fromCharCode(...png.subarray(off + 4, off + 8));
    const body = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      depth = body[8];
      colorType = body[9];
      if (body[12] !== 0) throw new Error('interlaced PNG not supported');
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    off += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType as 0 | 2 | 4 | 6];
  if (depth !== 8 || !channels) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType})`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pix = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pix[y * stride + x - channels] : 0;
      const b = y > 0 ? pix[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? pix[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pix[y * stride + x] = v & 255;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    const gray = channels <= 2;
    data[4 * i] = pix[s];
    data[4 * i + 1] = gray ? pix[s] : pix[s + 1];
    data[4 * i + 2] = gray ? pix[s] : pix[s + 2];
    data[4 * i + 3] = channels === 4 ? pix[s + 3] : channels === 2 ? pix[s + 1] : 255;
  }
  return { width, height, data };
}

/** Variance of the luminance over all pixels, and the share of pixels that are not (near) white. */
export function pixelStats(img: Rgba): { variance: number; inkShare: number; colours: number } {
  const n = img.width * img.height;
  let sum = 0;
  let sum2 = 0;
  let ink = 0;
  const colours = new Set<number>();
  for (let i = 0; i < n; i++) {
    const l = 0.299 * img.data[4 * i] + 0.587 * img.data[4 * i + 1] + 0.114 * img.data[4 * i + 2];
    sum += l;
    sum2 += l * l;
    if (l < 235) ink++;
    if (colours.size < 5000) colours.add((img.data[4 * i] << 16) | (img.data[4 * i + 1] << 8) | img.data[4 * i + 2]);
  }
  const mean = sum / n;
  return { variance: sum2 / n - mean * mean, inkShare: ink / n, colours: colours.size };
}
