/**
 * openSMILE CSV output format (cCsvSink as configured by shared/standard_data_output.conf.inc:
 * `name;frameTime;<features>` with values printed as printf("%e")).
 */
import { basename, extname } from 'node:path';
import { quoteName } from '../util/csv-quote.js';

/** printf("%e") (7 significant digits, ties to even as glibc does). */
export function formatExp(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.000000e+00' : '0.000000e+00';
  let s = v.toExponential(6);
  // toExponential rounds exact ties away from zero; printf (glibc) rounds the exact binary value half-to-even
  const long = v.toExponential(20);
  const m = /^(-?)(\d)\.(\d{6})5(0+)e/.exec(long);
  if (m) {
    const lastDigit = Number(m[3][5]);
    if (lastDigit % 2 === 0) {
      const mant = `${m[2]}.${m[3]}`;
      s = `${m[1]}${mant}e${long.slice(long.indexOf('e') + 1)}`;
    }
  }
  const e = s.indexOf('e');
  const mant = s.slice(0, e);
  let exp = s.slice(e + 1);
  const sign = exp[0] === '-' ? '-' : '+';
  exp = exp.replace(/^[+-]/, '');
  if (exp.length < 2) exp = '0' + exp;
  return `${mant}e${sign}${exp}`;
}

/**
 * Integral float32 values as integers ("16", "0", "998099779584"), everything else like C's
 * printf("%e"): "2.775238e-01".
 */
export function formatValue(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 9.2e18) {
    if (v === 0) return '0';
    return Math.abs(v) < 1e21 && Math.abs(v) <= Number.MAX_SAFE_INTEGER ? String(v) : BigInt(v).toString();
  }
  return formatExp(v);
}

/** "name;frameTime;<names>\n". */
export function csvHeader(names: readonly string[]): string {
  return `name;frameTime;${names.join(';')}\n`;
}

/** "'<name>';<frameTime %f>;<values>\n" (name quoted by quoteName); values[offset .. offset+dims). */
export function csvRow(name: string, frameTime: number, values: Float32Array, dims = values.length, offset = 0): string {
  const parts: string[] = new Array(dims + 2);
  parts[0] = quoteName(name);
  parts[1] = frameTime.toFixed(6);
  for (let i = 0; i < dims; i++) parts[i + 2] = formatValue(values[offset + i]);
  return parts.join(';') + '\n';
}

/** File name without directory and extension (oS -instname). */
export function instanceName(path: string): string {
  const b = basename(path);
  const e = extname(b);
  return e ? b.slice(0, -e.length) : b;
}
