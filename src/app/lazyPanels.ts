// Everything not needed to type the first character but loaded on a first visit, in one chunk: the request preview
// (shown once the browser is idle), and the share and embed panels. One chunk also keeps the initial JS in one file:
// with a chunk of its own for the preview, Rolldown moves React into a second initial chunk.
export { RequestPreview } from '../form/RequestPreview.tsx'
export { EmbedSnippetPanel } from '../embed/EmbedSnippetPanel.tsx'
export { SharePanel } from '../links/SharePanel.tsx'
