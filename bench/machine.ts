import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** The machine the figures were measured on: they mean little without it. */
export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  v8: string;
  platform: string;
  memGiB: number;
  freeGiB: number;
  /** 1, 5 and 15-minute load averages when the run started and when it ended. */
  loadStart: number[];
  loadEnd: number[];
  gcExposed: boolean;
}

export function describeMachine(gcExposed: boolean): Machine {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? 'unknown',
    node: process.versions.node,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeGiB: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadStart: loadavg(),
    loadEnd: [],
    gcExposed,
  };
}

export function machineLine(m: Machine): string {
  const load = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' / ');
  return (
    `machine: ${m.cores} cores (${m.cpu}), ${m.memGiB} GiB RAM (${m.freeGiB} free), Node ${m.node} (V8 ${m.v8}), ${m.platform}; ` +
    `load average 1/5/15 min: ${load(m.loadStart)} at start${m.loadEnd.length ? `, ${load(m.loadEnd)} at end` : ''}`
  );
}
