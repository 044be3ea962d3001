import { readdirSync, readFileSync } from 'node:fs';

/** What /proc/<pid>/stat says of one process. */
interface ProcessStat {
  readonly ppid: number;
  readonly rssBytes: number;
  readonly name: string;
  /** CPU time of all its threads so far (user + system), seconds. */
  readonly cpuS: number;
}

/** Names of the processes Playwright starts for the browser (chromium, chrome). */
const BROWSER_NAME = /chrom/i;

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux architecture Node runs on). */
const TICKS_PER_S = 100;

/** Parent pid, resident set size and CPU time of every process we can read, from /proc (Linux). */
function processTable(): Map<number, ProcessStat> {
  const table = new Map<number, ProcessStat>();
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
      const cpuS = (Number(rest[11]) + Number(rest[12])) / TICKS_PER_S; // utime + stime
      table.set(pid, { ppid, rssBytes: rssPages * 4096, name, cpuS });
    } catch {
      // the process ended while we listed it
    }
  }
  return table;
}

/** The processes this one started whose name matches `name` (e.g. the browser Playwright launched), with all their
 * descendants; empty where /proc is absent. */
function childTrees(name: RegExp, parentPid: number): { table: Map<number, ProcessStat>; inTree: Set<number> } {
  let table: Map<number, ProcessStat>;
  try {
    table = processTable();
  } catch {
    return { table: new Map(), inTree: new Set() };
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
  return { table, inTree };
}

/** Summed PSS (RSS where PSS is unreadable), bytes, of the browser's processes; 0 where /proc is absent. */
function browserMemoryBytes(parentPid = process.pid): number {
  const { table, inTree } = childTrees(BROWSER_NAME, parentPid);
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

/** CPU seconds used so far by the browser's processes (all their threads), or null where /proc is absent. The
 * difference of two readings is what the browser used in between, on all cores together. */
function browserCpuSeconds(parentPid = process.pid): number | null {
  const { table, inTree } = childTrees(BROWSER_NAME, parentPid);
  if (inTree.size === 0) return null;
  let sum = 0;
  for (const pid of inTree) sum += table.get(pid)?.cpuS ?? 0;
  return sum;
}

/** The whole machine's CPU time so far, in clock ticks: all of it, and the part its host took ("steal": a shared VM
 * waits while the host runs others); null where /proc/stat is absent. */
function machineCpuTicks(): { stealTicks: number; totalTicks: number } | null {
  try {
    const fields = /^cpu\s+(.*)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]?.split(/\s+/).map(Number);
    if (!fields || fields.length < 8) return null;
    // user nice system idle iowait irq softirq steal [guest guest_nice, already counted in user and nice]
    return { stealTicks: fields[7] ?? 0, totalTicks: fields.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/** What `watchCpu` measured: the mean number of cores the browser kept busy, and the share of the machine's CPU time
 * its host took (null where /proc is absent). */
export interface CpuUse {
  readonly coresBusy: number | null;
  readonly stealShare: number | null;
}

/** Starts counting the browser's CPU time and the host's steal; `stop()` gives, for the time in between, the mean
 * number of cores the browser kept busy and the share of the machine's CPU time its host took (null where /proc is
 * absent). Steal slows every figure alike: on this VM it ranged from 1 to 40 % between quarter hours. */
export function watchCpu(): { stop(): CpuUse } {
  const startMs = performance.now();
  const browserBefore = browserCpuSeconds();
  const machineBefore = machineCpuTicks();
  return {
    stop() {
      const seconds = (performance.now() - startMs) / 1000;
      const browserAfter = browserCpuSeconds();
      const machineAfter = machineCpuTicks();
      const coresBusy =
        browserBefore === null || browserAfter === null || seconds <= 0
          ? null
          : (browserAfter - browserBefore) / seconds;
      const ticks = machineBefore && machineAfter ? machineAfter.totalTicks - machineBefore.totalTicks : 0;
      const stealShare =
        machineBefore && machineAfter && ticks > 0
          ? (machineAfter.stealTicks - machineBefore.stealTicks) / ticks
          : null;
      return { coresBusy, stealShare };
    },
  };
}

/** Samples the browser's summed memory (PSS) every `everyMs` until stopped; `stop()` returns the peak in MB (null
 * when unreadable). Once a second: reading PSS makes the kernel walk every page the browser maps, and four samples a
 * second took about 6 % of this 2-core machine's CPU (perf: `smaps_account` in the command's process), slowing the
 * analysis being measured; the peaks read once a second were within 2 % of those. */
export function watchPeakBrowserMemory(everyMs = 1000): { stop(): number | null } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, browserMemoryBytes());
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
