import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { compressAnswer } from './compressed-answers.ts'

describe('answers compressed as the browser accepts', () => {
  const body = JSON.stringify({ data: { rows: Array.from({ length: 60 }, (_, i) => ({ id: i, label: 'Consultation généraliste' })) } })

  it('prefers brotli, then gzip, and weighs what the browser lists', () => {
    expect(compressAnswer('gzip, deflate, br', body).encoding).toBe('br')
    expect(brotliDecompressSync(compressAnswer('br', body).data).toString()).toBe(body)
    expect(compressAnswer('gzip, br;q=0', body).encoding).toBe('gzip')
    expect(gunzipSync(compressAnswer('GZIP', body).data).toString()).toBe(body)
    expect(compressAnswer('*', body).encoding).toBe('br')
    expect(compressAnswer('*;q=0.5, br;q=0', body).encoding).toBe('gzip')
  })

  it('sends plain JSON to a client that accepts no compression, and short answers as they are', () => {
    expect(compressAnswer(undefined, body)).toEqual({ encoding: null, vary: true, data: body })
    expect(compressAnswer('identity', body).encoding).toBeNull()
    expect(compressAnswer('gzip;q=0, deflate', body).encoding).toBeNull()
    expect(compressAnswer('br', '{"data":{"me":null}}')).toEqual({ encoding: null, vary: false, data: '{"data":{"me":null}}' })
  })
})
