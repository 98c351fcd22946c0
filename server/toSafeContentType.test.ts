import { describe, expect, it } from 'vitest'

import { toSafeContentType } from './toSafeContentType.ts'

describe('toSafeContentType', () => {
    it.each([
        ['application/json', 'application/json'],
        ['application/json; charset=utf-8', 'application/json; charset=utf-8'],
        ['application/problem+json', 'application/problem+json'],
        ['application/vnd.oai.openapi+json', 'application/vnd.oai.openapi+json'],
        ['application/vnd.oai.openapi; charset=utf-8', 'application/vnd.oai.openapi; charset=utf-8'],
        ['text/html; charset=utf-8', 'text/plain; charset=utf-8'],
        ['image/svg+xml', 'text/plain; charset=utf-8'],
        ['application/jsonp', 'text/plain; charset=utf-8'],
        [null, 'text/plain; charset=utf-8'],
    ])('%s → %s', (upstream, expected) => {
        expect(toSafeContentType(upstream)).toBe(expected)
    })
})
