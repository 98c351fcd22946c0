// The request preview (at idle) and the folded share and embed panels: one chunk, loaded when the first is shown.
export const loadPanels = () => import('./lazyPanels.ts')
