import { describe, expect, it } from 'vitest'

import { shapeUpstreamJson } from './shapeUpstreamJson.ts'

const OPTIONS = { upstreamOrigin: 'https://us.posthog.com', proxyBase: '/launcher/posthog', allowedTaskIds: null }
const A = '0196a1b2-0001-7000-8000-000000000001'
const B = '0196a1b2-0001-7000-8000-000000000002'

describe('shapeUpstreamJson', () => {
    it('points pagination links back through the proxy', () => {
        const page = {
            count: 120,
            next: 'https://us.posthog.com/api/projects/1/tasks/?limit=50&offset=100',
            previous: 'https://us.posthog.com/api/projects/1/tasks/?limit=50',
            results: [{ id: A }],
        }
        expect(shapeUpstreamJson(page, OPTIONS)).toEqual({
            ok: true,
            page: {
                count: 120,
                next: '/launcher/posthog/api/projects/1/tasks/?limit=50&offset=100',
                previous: '/launcher/posthog/api/projects/1/tasks/?limit=50',
                results: [{ id: A }],
            },
        })
    })

    it('drops links to anywhere else', () => {
        const page = { count: 1, next: 'https://evil.example/steal', previous: 'not a url', results: [] }
        expect(shapeUpstreamJson(page, OPTIONS)).toEqual({
            ok: true,
            page: { count: 1, next: null, previous: null, results: [] },
        })
    })

    it('keeps only the allowed tasks and counts what is left', () => {
        const page = {
            count: 3,
            next: null,
            previous: null,
            results: [{ id: A, title: 'a' }, { id: B, title: 'b' }, { title: 'no id' }, 'junk'],
        }
        const shaped = shapeUpstreamJson(page, { ...OPTIONS, allowedTaskIds: new Set([A]) })
        expect(shaped).toEqual({
            ok: true,
            page: { count: 1, next: null, previous: null, results: [{ id: A, title: 'a' }] },
        })
    })

    // fails closed: an unknown shape could carry hidden tasks past the allow-list
    it.each([
        ['a bare array', [{ id: B }]],
        ['results that is not a list', { count: 1, results: { [B]: { id: B } } }],
        ['no results', { models: [] }],
        ['null', null],
        ['a string', 'page'],
    ])('refuses %s', (_name, json) => {
        expect(shapeUpstreamJson(json, { ...OPTIONS, allowedTaskIds: new Set([A]) })).toEqual({ ok: false })
        expect(shapeUpstreamJson(json, OPTIONS)).toEqual({ ok: false })
    })
})
