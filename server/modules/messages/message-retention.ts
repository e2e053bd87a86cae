/** Threads stay available this long after their last message (the seed: « pendant 1 an »); the purge job deletes them after. */
export const RETENTION_YEARS = 1
