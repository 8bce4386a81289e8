/** Memory of the processes that serve the app: resident set sizes from /proc, the JS heap over CDP. */
import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** Resident set size in MB, or 0 when the process is gone. */
export function rssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process has used so far, in ms; 0 when it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime (fields 14 and 15), in clock ticks of 10 ms.
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time the whole machine has spent busy (not idle or waiting on I/O) so far, in ms. */
export function machineBusyMs(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - (f[3] ?? 0) - (f[4] ?? 0)) * 10;
}

/** Chromium renderer processes started by this process (descendants with --type=renderer). */
export function rendererPids(): number[] {
  return chromiumPids().filter((p) => p.renderer).map((p) => p.pid);
}

/** CPU ms used so far by this process's Chromium: its renderers, and its other processes (GPU, browser). */
export function chromiumCpuMs(): { renderer: number; other: number } {
  const out = { renderer: 0, other: 0 };
  for (const p of chromiumPids()) out[p.renderer ? 'renderer' : 'other'] += cpuMs(p.pid);
  return out;
}

/** Chromium processes started by this process (descendants whose command names chrom(e|ium)). */
function chromiumPids(): { pid: number; renderer: boolean }[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command may hold spaces and parentheses: the fields after the last ')' are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // gone
    }
  }
  const mine = (pid: number) => {
    for (let p = pid, i = 0; p > 1 && i < 20; p = parent.get(p) ?? 0, i++)
      if (p === process.pid) return true;
    return false;
  };
  const out: { pid: number; renderer: boolean }[] = [];
  for (const pid of parent.keys()) {
    if (!mine(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (/chrom(e|ium)/i.test(cmd)) out.push({ pid, renderer: cmd.includes('--type=renderer') });
    } catch {
      // gone
    }
  }
  return out;
}

/** The largest renderer of this process's Chromium: the page under test. */
export function pageRendererRssMB(): number {
  return Math.max(0, ...rendererPids().map(rssMB));
}

export interface MemorySample {
  rendererMB: number;
  backendMB: number;
  heapMB: number;
}

/** Samples every `everyMs` until stopped; keeps the peaks. */
export function sampleMemory(cdp: CDPSession, backendPid: number, everyMs = 250) {
  const peak: MemorySample = { rendererMB: 0, backendMB: 0, heapMB: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const renderer = pageRendererRssMB();
      const backend = rssMB(backendPid);
      let heap = 0;
      try {
        heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
      } catch {
        // the page is busy or gone
      }
      peak.rendererMB = Math.max(peak.rendererMB, renderer);
      peak.backendMB = Math.max(peak.backendMB, backend);
      peak.heapMB = Math.max(peak.heapMB, heap);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop(): Promise<MemorySample> {
      running = false;
      await loop;
      return {
        rendererMB: Math.round(peak.rendererMB),
        backendMB: Math.round(peak.backendMB),
        heapMB: Math.round(peak.heapMB),
      };
    },
  };
}
