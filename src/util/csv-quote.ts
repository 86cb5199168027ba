/** Characters that would end or break a `;`-separated field: separators, quotes, line breaks. */
const NEEDS_QUOTING = /[;,\t"'\r\n]/;

/**
 * A name or metadata value as a CSV field: in single quotes, as openSMILE writes names ('03a01Fa'); when the
 * value holds a separator, a quote or a line break, the whole field is additionally put in double quotes with
 * inner double quotes doubled (RFC 4180), so CSV readers (ours, pandas, csv-parse) read it back unchanged and
 * the single quotes around it are stripped as for every other name.
 */
export function quoteName(s: string): string {
  const single = `'${s}'`;
  return NEEDS_QUOTING.test(s) ? `"${single.replace(/"/g, '""')}"` : single;
}
