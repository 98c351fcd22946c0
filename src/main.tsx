import './styles.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './app/App.tsx'
import { parseEmbedParams } from './embed/parseEmbedParams.ts'
import { BUNDLED_FIELD_MODEL } from './schema/bundledFieldModel.ts'
import { readLocationPrefill } from './links/readLocationPrefill.ts'

// Decoded before the first render, so the form mounts with its values and secrets leave the address bar at once.
const embed = parseEmbedParams(window.location.search)
const prefill = readLocationPrefill(BUNDLED_FIELD_MODEL)

const html = document.documentElement
if (embed.embedded) html.dataset['embed'] = 'true'
if (embed.theme !== 'auto') html.dataset['theme'] = embed.theme

const root = document.getElementById('root')
if (root) {
    createRoot(root).render(
        <StrictMode>
            <App prefill={prefill} embed={embed} />
        </StrictMode>
    )
}
