import { existsSync, readFileSync } from 'node:fs';

/** CPU time (ms) of this process and of the whole machine since `start`, to split a run's cost between the app and everything else. */
export interface CpuSplit { processMs: number; machineMs: number | null }

/** Busy time of all cores from /proc/stat (user, nice, system, irq, softirq), in ms; null off Linux. */
function machineBusyMs(): number | null {
  if (!existsSync('/proc/stat')) return null;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq] = fields as [number, number, number, number, number, number, number];
  return (user + nice + system + irq + softirq) * 10; // USER_HZ is 100 on Linux
}

export function cpuMeter(): () => CpuSplit {
  const process0 = process.cpuUsage();
  const machine0 = machineBusyMs();
  return () => {
    const used = process.cpuUsage(process0);
    const machine1 = machineBusyMs();
    return { processMs: (used.user + used.system) / 1000, machineMs: machine0 === null || machine1 === null ? null : machine1 - machine0 };
  };
}

/** CPU time (ms) another process has used so far, from /proc/<pid>/stat (utime + stime); null off Linux. */
export function processCpuMs(pid: number | undefined): number | null {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return null;
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = readFileSync(file, 'utf8').slice(readFileSync(file, 'utf8').lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in USER_HZ (100)
}
