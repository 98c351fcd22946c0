import { describe, expect, it } from 'vitest'

import { pageSchema, ProjectSchema, TaskRunSchema, TaskSchema, toPage } from './postHogSchemas.ts'

describe('response schemas', () => {
    it('keep known fields, drop unknown ones, and read wrong types and nulls as undefined', () => {
        const task = TaskSchema.parse({
            id: 't1',
            title: 'Fix it',
            task_number: '12',
            repository: null,
            archived: 'no',
            brand_new_field: { x: 1 },
            created_by: { id: 1, first_name: 'Ada', email: 5 },
        })
        expect(task).toMatchObject({ id: 't1', title: 'Fix it', task_number: undefined, repository: undefined })
        expect(task.archived).toBeUndefined()
        expect(task.created_by).toMatchObject({ first_name: 'Ada', email: undefined })
        expect('brand_new_field' in task).toBe(false)
    })

    it.each([[{}], [{ id: '' }], [{ id: 5 }], [null], ['t1']])('refuse a row without a string id: %j', (row) => {
        expect(TaskSchema.safeParse(row).success).toBe(false)
        expect(TaskRunSchema.safeParse(row).success).toBe(false)
    })

    it('accept numeric and string project ids', () => {
        expect(ProjectSchema.parse({ id: 1, name: 'P' })).toEqual({ id: 1, name: 'P' })
        expect(ProjectSchema.parse({ id: '2' })).toEqual({ id: '2', name: undefined })
    })
})

describe('toPage', () => {
    const schema = pageSchema(TaskRunSchema)

    it.each<[string, unknown, number, number | undefined, boolean]>([
        [
            'a page with more',
            { count: 3, next: 'http://x/?offset=2', previous: null, results: [{ id: 'a' }, { id: 'b' }] },
            2,
            3,
            true,
        ],
        ['the last page', { count: 2, next: null, results: [{ id: 'a' }, { id: 'b' }] }, 2, 2, false],
        ['a next link with no rows', { count: 0, next: 'http://x/', results: [] }, 0, 0, false],
        ['a bare array', [{ id: 'a' }], 1, 1, false],
        ['no count', { results: [{ id: 'a' }] }, 1, undefined, false],
    ])('%s', (_name, body, length, count, hasMore) => {
        const page = toPage(schema.parse(body))
        expect(page.results).toHaveLength(length)
        expect(page.count).toBe(count)
        expect(page.hasMore).toBe(hasMore)
    })

    it.each([[{ results: 'x' }], [{ results: [{}] }], [null], [{}]])('refuses %j', (body) => {
        expect(schema.safeParse(body).success).toBe(false)
    })
})
