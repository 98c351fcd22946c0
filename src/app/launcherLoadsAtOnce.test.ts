import { describe, expect, it } from 'vitest'

import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { decodePrefill } from '../links/prefillCodec.ts'
import { launcherLoadsAtOnce, type LauncherLoadContext } from './launcherLoadsAtOnce.ts'

const TASK = '0196a1b2-0001-7000-8000-000000000001'

function context(search: string, overrides: Partial<LauncherLoadContext> = {}): LauncherLoadContext {
    return {
        embedded: false,
        serverHeldKey: false,
        returning: false,
        prefill: decodePrefill(BUNDLED_FIELD_MODEL, search, ''),
        ...overrides,
    }
}

describe('launcherLoadsAtOnce', () => {
    it('waits for the user on a first visit, with or without a clean link', () => {
        expect(launcherLoadsAtOnce(context(''))).toBe(false)
        const link = `?v=1&host=https%3A%2F%2Feu.posthog.com&project_id=7&task_id=${TASK}&branch=fix-login&mode=interactive`
        expect(launcherLoadsAtOnce(context(link))).toBe(false)
    })

    it('loads at once for an embed, a server-held key or a returning user', () => {
        expect(launcherLoadsAtOnce(context('', { embedded: true }))).toBe(true)
        expect(launcherLoadsAtOnce(context('', { serverHeldKey: true }))).toBe(true)
        expect(launcherLoadsAtOnce(context('', { returning: true }))).toBe(true)
    })

    it('loads at once when the link has something to report', () => {
        expect(launcherLoadsAtOnce(context('?mode=sideways'))).toBe(true)
        expect(launcherLoadsAtOnce(context('?github_user_token=ghp_abcdefghijklmnopqrstuvwxyz0123456789'))).toBe(true)
    })
})
