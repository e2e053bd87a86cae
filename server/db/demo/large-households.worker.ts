import type { LargeDataInput } from './large-households.ts'
import { parentPort, workerData } from 'node:worker_threads'
import { buildBatch, FIRST_REFERENCE } from './large-households.ts'

/**
 * Builds the generated households' batches off the main thread, in order, one per request
 * ({ first, last }), while the main thread writes the previous ones (generate-large.ts).
 */
const input = workerData as LargeDataInput
let reference = FIRST_REFERENCE
parentPort!.on('message', ({ first, last }: { first: number, last: number }) => {
  const built = buildBatch(input, first, last, reference)
  reference = built.reference
  parentPort!.postMessage(built.batch)
})
