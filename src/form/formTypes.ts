import type { ResolvedField } from '../schema/resolveFields.ts'

/** One choice a picker offers for a text or uuid field, e.g. a previous run or a model. */
export interface PickerOption {
    value: string
    label: string
    detail?: string
}

/** Data for a field that can be picked from a list instead of typed; supplied by the app, not the form. */
export type FieldPicker =
    | { status: 'loading'; label: string }
    | { status: 'error'; label: string; message: string; retry?: () => void }
    | {
          status: 'ready'
          /** Plural noun for status lines, e.g. "previous runs". */
          label: string
          /** The empty choice, e.g. "Choose a model…". */
          placeholder: string
          options: readonly PickerOption[]
          emptyMessage: string
      }

export interface FieldIds {
    input: string
    help: string
    error: string
}

export interface FieldRendererProps {
    resolved: ResolvedField
    /** The form path of the value: the property name, or list.row.property inside a list. */
    name: string
    ids: FieldIds
    describedBy: string
    invalid: boolean
    picker: FieldPicker | undefined
}
