import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid and resident set size (bytes) of every process we can read, from /proc (Linux). */
function processTable(): Map<number, { ppid: number; rssBytes: number; name: string }> {
  const table = new Map<number, { ppid: number; rssBytes: number; name: string }>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // fields after the command name, which is in parentheses and may contain spaces
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      const rssPages = Number(rest[21]);
      table.set(pid, { ppid, rssBytes: rssPages * 4096, name });
    } catch {
      // the process ended while we listed it
    }
  }
  return table;
}

/** Summed PSS (RSS where PSS is unreadable), bytes, of the processes this one started whose name matches `name` (e.g. the browser Playwright
 * launched), with all their descendants; 0 where /proc is absent. */
export function childTreesMemoryBytes(name: RegExp, parentPid = process.pid): number {
  let table: ReturnType<typeof processTable>;
  try {
    table = processTable();
  } catch {
    return 0;
  }
  const inTree = new Set<number>();
  for (const [pid, p] of table) if (p.ppid === parentPid && name.test(p.name)) inTree.add(pid);
  let grew = inTree.size > 0;
  while (grew) {
    grew = false;
    for (const [pid, p] of table)
      if (!inTree.has(pid) && inTree.has(p.ppid)) {
        inTree.add(pid);
        grew = true;
      }
  }
  let sum = 0;
  for (const pid of inTree) sum += pssBytes(pid) ?? table.get(pid)?.rssBytes ?? 0;
  return sum;
}

/** Proportional set size: resident memory with pages shared between processes split among them, so that summing
 * it over the browser's processes does not count the shared libraries and shared memory once per process. */
function pssBytes(pid: number): number | null {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/** Samples the browser's summed memory (PSS) every `everyMs` until stopped; `stop()` returns the peak in MB (null
 * when unreadable). */
export function watchPeakBrowserMemory(everyMs = 250): { stop(): number | null } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, childTreesMemoryBytes(/chrom/i));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak > 0 ? Math.round(peak / 2 ** 20) : null;
    },
  };
}
