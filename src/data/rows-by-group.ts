/** Row indices of each distinct group (speaker, session), in first-seen order; each list ascending. */
export function rowsByGroup(groups: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = out.get(g);
    if (list) list.push(i);
    else out.set(g, [i]);
  });
  return out;
}
