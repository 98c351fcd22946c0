import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'

export interface Machine {
    cpu: string
    cores: number
    memoryGb: number
    chromium: string
    node: string
    /** 1-minute load average when the run started: other work on the machine skews timings. */
    loadAverage: number
}

export function readMachine(chromiumVersion: string): Machine {
    let cpu = cpus()[0]?.model ?? 'unknown CPU'
    try {
        const line = readFileSync('/proc/cpuinfo', 'utf8')
            .split('\n')
            .find((entry) => entry.startsWith('model name'))
        cpu = line?.split(':')[1]?.trim() ?? cpu
    } catch {
        // not Linux: os.cpus() already named it
    }
    return {
        cpu,
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        chromium: chromiumVersion,
        node: process.version,
        loadAverage: loadavg()[0] ?? 0,
    }
}

export function formatMachine(machine: Machine): string {
    return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB · Chromium ${machine.chromium} (headless) · Node ${machine.node} · load average ${machine.loadAverage.toFixed(2)} at start`
}
