import { useSyncExternalStore } from 'react'

/** The slot between the fields and the submit button (connection problems, server banners). */
export const NOTICE_SLOT = 'notice'

/** The slot under a field's help (for example file attachments that fill an id list). */
export function fieldSlot(fieldName: string): string {
    return `field:${fieldName}`
}

/**
 * Empty elements the form (and the page around it) exposes for others to render into with a portal, so what fills
 * them stays in its owner's React tree (its providers, its state) while it appears inside the form.
 */
export interface FormSlots {
    /** The ref callback for slot `name`; the same function every time, so React does not detach and re-attach it. */
    ref: (name: string) => (element: HTMLElement | null) => void
    subscribe: (listener: () => void) => () => void
    getSnapshot: () => ReadonlyMap<string, HTMLElement>
}

export function createFormSlots(): FormSlots {
    let elements: ReadonlyMap<string, HTMLElement> = new Map()
    const listeners = new Set<() => void>()
    const refs = new Map<string, (element: HTMLElement | null) => void>()
    const set = (name: string, element: HTMLElement | null) => {
        if ((elements.get(name) ?? null) === element) return
        const next = new Map(elements)
        if (element) next.set(name, element)
        else next.delete(name)
        elements = next
        for (const listener of listeners) listener()
    }
    return {
        ref: (name) => {
            let ref = refs.get(name)
            if (!ref) {
                ref = (element) => {
                    set(name, element)
                }
                refs.set(name, ref)
            }
            return ref
        },
        subscribe: (listener) => {
            listeners.add(listener)
            return () => {
                listeners.delete(listener)
            }
        },
        getSnapshot: () => elements,
    }
}

/** The element of slot `name`, once mounted; re-renders only when that slot's element changes. */
export function useFormSlot(slots: FormSlots, name: string): HTMLElement | undefined {
    return useSyncExternalStore(slots.subscribe, () => slots.getSnapshot().get(name))
}
