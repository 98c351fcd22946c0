import { describe, expect, it } from 'vitest'

import { buildExtendedSchemaDocument } from '../../fake-posthog/extendedSchemaDocument.ts'
import { RUN_SCHEMA_NAME } from './bundledFieldModel.ts'
import { compileSchema } from './compileSchema.ts'
import { listRowPaths, orderAfterMove, orderAfterRemove } from './listRowPaths.ts'

const compiled = compileSchema(buildExtendedSchemaDocument(), RUN_SCHEMA_NAME)
const servers = compiled.ok ? compiled.model.byName.get('imported_mcp_servers') : undefined
const SERVER_FIELDS = servers?.kind === 'objectList' ? servers.itemFields : []

describe('listRowPaths', () => {
    it.each([
        ['a server without headers', { type: 'http', name: 'a', url: 'https://a.example.com' }, []],
        ['a server with an empty header list', { type: 'http', headers: [] }, []],
        [
            'a server with two headers',
            { type: 'http', headers: [{ name: 'A', value: 'x' }, { name: 'B' }] },
            ['headers.0.name', 'headers.0.value', 'headers.1.name', 'headers.1.value'],
        ],
    ])('lists every path of %s', (_, row, headerPaths) => {
        expect(listRowPaths(SERVER_FIELDS, row)).toEqual(['type', 'name', 'url', 'headers', ...headerPaths])
    })
})

describe('row order', () => {
    it.each([
        [3, 1, 0, [1, 0, 2]],
        [3, 0, 1, [1, 0, 2]],
        [3, 2, 0, [2, 0, 1]],
        [1, 0, 0, [0]],
    ])('%i rows, moving %i to %i, come from %j', (length, from, to, order) => {
        expect(orderAfterMove(length, from, to)).toEqual(order)
    })

    it.each([
        [3, 0, [1, 2]],
        [3, 2, [0, 1]],
        [1, 0, []],
    ])('%i rows, removing %i, come from %j', (length, at, order) => {
        expect(orderAfterRemove(length, at)).toEqual(order)
    })
})
