import type { ComponentType } from 'react'

import type { FieldKind } from '../schema/fieldModel.ts'
import { BooleanChoice } from './BooleanChoice.tsx'
import { ConstantValue } from './ConstantValue.tsx'
import { EnumSelect } from './EnumSelect.tsx'
import type { FieldRendererProps } from './formTypes.ts'
import { LongTextInput } from './LongTextInput.tsx'
import { ObjectListInput } from './ObjectListInput.tsx'
import { SecretInput } from './SecretInput.tsx'
import { StringListInput } from './StringListInput.tsx'
import { TextInput } from './TextInput.tsx'

export interface FieldRenderer {
    component: ComponentType<FieldRendererProps>
    /** Radio groups need a fieldset and legend; single controls a label. */
    labelled: 'label' | 'legend'
}

// One renderer per field kind: a new kind fails typecheck here until it is rendered.
export const FIELD_RENDERERS = {
    text: { component: TextInput, labelled: 'label' },
    longText: { component: LongTextInput, labelled: 'label' },
    uuid: { component: TextInput, labelled: 'label' },
    enum: { component: EnumSelect, labelled: 'label' },
    constant: { component: ConstantValue, labelled: 'label' },
    boolean: { component: BooleanChoice, labelled: 'legend' },
    stringList: { component: StringListInput, labelled: 'label' },
    secret: { component: SecretInput, labelled: 'label' },
    url: { component: TextInput, labelled: 'label' },
    objectList: { component: ObjectListInput, labelled: 'legend' },
} as const satisfies Record<FieldKind, FieldRenderer>
