import { describe, expect, it } from 'vitest'

import type { FormValues } from '../schema/fieldModel.ts'
import { confirmationKey } from '../schema/fieldRules.ts'
import { shareableValues } from './shareableValues.ts'
import { TEST_FIELD_MODEL } from './testFieldModel.ts'

describe('shareableValues: the normal form of links and drafts', () => {
    it.each<[string, FormValues, FormValues]>([
        ['keeps free text as typed', { pending_user_message: ' Fix it.\n' }, { pending_user_message: ' Fix it.\n' }],
        ['drops blank text', { branch: '   ' }, {}],
        ['drops a value equal to the default', { mode: 'background', custom_image_id: 'ubuntu-24' }, {}],
        ['keeps a value other than the default', { mode: 'interactive' }, { mode: 'interactive' }],
        ['never carries the constant', { runtime_adapter: 'claude' }, {}],
        ['trims choices and ids', { initial_permission_mode: ' plan ' }, { initial_permission_mode: 'plan' }],
        ['trims list entries and drops blank ones', { labels: [' a ', '', ' '] }, { labels: ['a'] }],
        ['drops an empty list', { labels: [] }, {}],
        ['reads a checkbox boolean as the form string', { auto_publish: true }, { auto_publish: 'true' }],
        ['drops a boolean equal to its default', { fast_mode: 'true' }, {}],
        ['drops writeOnly fields', { github_user_token: 'abc', webhook_secret: 'abc' }, {}],
        ['drops confirmations', { [confirmationKey('initial_permission_mode')]: true }, {}],
        ['drops values that look like tokens', { branch: 'phx_abcdef', labels: ['ok', 'ghp_abc'] }, {}],
        ['drops names the model does not know', { colour: 'red' }, {}],
    ])('%s', (_, values, expected) => {
        expect(shareableValues(TEST_FIELD_MODEL, values)).toEqual(expected)
    })
})
