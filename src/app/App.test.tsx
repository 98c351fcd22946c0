import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { parseEmbedParams } from '../embed/parseEmbedParams.ts'
import { decodePrefill } from '../links/prefillCodec.ts'
import { BUNDLED_FIELD_MODEL } from '../schema/bundledFieldModel.ts'
import { App } from './App.tsx'

describe('App', () => {
    it('shows "Connect to PostHog" in its first render, before the config or the launcher has loaded', () => {
        render(<App prefill={decodePrefill(BUNDLED_FIELD_MODEL, '', '')} embed={parseEmbedParams('')} />)
        // No waiting: what the first commit painted.
        expect(screen.getByRole('button', { name: 'Connect to PostHog' })).toBeVisible()
        expect(screen.getByLabelText(/^Model\b/)).toBeInTheDocument()
        expect(screen.queryByText('Getting ready…')).toBeNull()
    })
})
