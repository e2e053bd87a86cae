import type { LargeDataInput } from './large-households.ts'
import { parentPort, workerData } from 'node:worker_threads'
import { buildBatch } from './large-households.ts'

/**
 * Builds batches of generated households off the main thread, in order, one per request
 * ({ first, last }), while the main thread writes the previous ones (generate-large.ts).
 */
const input = workerData as LargeDataInput
parentPort!.on('message', ({ first, last }: { first: number, last: number }) => {
  parentPort!.postMessage(buildBatch(input, first, last))
})
