import { describe, expect, it } from 'vitest'

import { EU_CLOUD, US_CLOUD } from '../api/postHogHosts.ts'
import { draftKey } from './draftStore.ts'
import { linkDraftKey } from './linkDraftKey.ts'

const TASK = '0196a1b2-0001-7000-8000-000000000001'

describe('linkDraftKey', () => {
    it('needs both a project and a task', () => {
        expect(linkDraftKey({})).toBeNull()
        expect(linkDraftKey({ projectId: '7' })).toBeNull()
        expect(linkDraftKey({ taskId: TASK, host: EU_CLOUD })).toBeNull()
    })

    it('uses the link host, or US Cloud like a browser with no saved connection', () => {
        expect(linkDraftKey({ projectId: '7', taskId: TASK })).toBe(draftKey(US_CLOUD, '7', TASK))
        expect(linkDraftKey({ host: EU_CLOUD, projectId: '7', taskId: TASK })).toBe(draftKey(EU_CLOUD, '7', TASK))
        const selfHosted = 'https://posthog.example.com'
        expect(linkDraftKey({ host: selfHosted, projectId: '7', taskId: TASK })).toBe(draftKey(selfHosted, '7', TASK))
    })
})
