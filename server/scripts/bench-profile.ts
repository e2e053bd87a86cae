import { readFileSync } from 'node:fs'
import { sep } from 'node:path'
import { projectRoot } from '../core/paths.ts'

/**
 * Summarises a V8 `.cpuprofile` (written by `node --cpu-prof`, e.g. `BENCH_PROFILE=<dir> npm run
 * bench`): self time by module (an npm package, a directory of ours, Node's internals, the garbage
 * collector) and the functions that spend the most themselves. Idle time is left out.
 * `tsx server/scripts/bench-profile.ts <file.cpuprofile> [rows]`.
 */

interface ProfileNode { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }
interface Profile { nodes: ProfileNode[], startTime: number, samples: number[], timeDeltas: number[] }

/** Where a function lives: `graphql`, `drizzle-orm`, `server/core`, `node:internal`, `(garbage collector)`… */
export function moduleOf(url: string, functionName: string): string {
  if (!url)
    return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:'))
    return 'node:internal'
  const path = url.replace(/^file:\/\//, '')
  const nm = path.lastIndexOf(`node_modules${sep}`)
  if (nm >= 0) {
    const parts = path.slice(nm + 'node_modules/'.length).split(sep)
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  }
  const inProject = path.startsWith(projectRoot) ? path.slice(projectRoot.length + 1) : path
  // dist/server/core/x.js → server/core
  const parts = inProject.replace(/^dist\//, '').split(sep)
  return parts.slice(0, Math.min(parts.length - 1, parts[0] === 'server' && parts[1] === 'modules' ? 3 : 2)).join('/')
}

export interface ProfileSummary {
  totalMs: number
  modules: { module: string, ms: number, share: number }[]
  functions: { name: string, module: string, ms: number, share: number }[]
}

/**
 * `window`: only the samples taken between these instants (µs of the monotonic clock, as
 * `process.hrtime.bigint() / 1000n` reads it in any process of the machine), to leave the server's
 * start out.
 */
export function summariseProfile(file: string, rows = 25, window?: [number, number]): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map(n => [n.id, n]))
  const self = new Map<number, number>()
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0
    at += delta
    if (!window || (at >= window[0] && at <= window[1]))
      self.set(id, (self.get(id) ?? 0) + delta)
  })
  const modules = new Map<string, number>()
  const functions = new Map<string, { module: string, us: number }>()
  let total = 0
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    if (functionName === '(idle)')
      continue
    total += us
    const module = moduleOf(url, functionName)
    modules.set(module, (modules.get(module) ?? 0) + us)
    const file = url ? url.split('/').at(-1) : ''
    const name = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`
    const entry = functions.get(name) ?? { module, us: 0 }
    entry.us += us
    functions.set(name, entry)
  }
  return {
    totalMs: total / 1000,
    modules: [...modules].sort((a, b) => b[1] - a[1]).map(([module, us]) => ({ module, ms: us / 1000, share: us / total })),
    functions: [...functions].sort((a, b) => b[1].us - a[1].us).slice(0, rows).map(([name, { module, us }]) => ({ name, module, ms: us / 1000, share: us / total })),
  }
}

export function printProfile(summary: ProfileSummary, rows = 25) {
  const pc = (x: number) => `${(x * 100).toFixed(1)} %`
  console.log(`\nCPU profile: ${summary.totalMs.toFixed(0)} ms busy\nself time by module:`)
  for (const m of summary.modules.slice(0, rows)) console.log(`  ${pc(m.share).padStart(7)}  ${m.module}`)
  console.log('functions with the most self time:')
  for (const f of summary.functions) console.log(`  ${pc(f.share).padStart(7)}  ${f.name}  [${f.module}]`)
}

if (process.argv[1]?.endsWith('bench-profile.ts')) {
  process.stdout.on('error', () => process.exit(0))
  const rows = Number(process.argv[3] ?? 25)
  printProfile(summariseProfile(process.argv[2]!, rows), rows)
}
