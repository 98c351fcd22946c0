import { memo, type ReactNode } from 'react'

import type { ResolvedField } from '../schema/resolveFields.ts'
import { FIELD_RENDERERS } from './fieldRenderers.ts'
import { FieldShell } from './FieldShell.tsx'

interface RowFieldProps {
    resolved: ResolvedField
    /** The value's form path, e.g. imported_mcp_servers.1.url. */
    name: string
}

/** One field of a list row: the same shell and renderer as a top-level field, at the row's path. */
export const RowField = memo(function RowField({ resolved, name }: RowFieldProps): ReactNode {
    const { field } = resolved
    const renderer = FIELD_RENDERERS[field.kind]
    return (
        <FieldShell
            name={name}
            label={field.label}
            help={field.help}
            required={resolved.required}
            labelled={renderer.labelled}
        >
            {({ ids, describedBy, invalid }) => (
                <renderer.component
                    resolved={resolved}
                    name={name}
                    ids={ids}
                    describedBy={describedBy}
                    invalid={invalid}
                    picker={undefined}
                />
            )}
        </FieldShell>
    )
})
