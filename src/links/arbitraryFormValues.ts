import * as fc from 'fast-check'

import type { Field, FieldModel, FormValue, FormValues } from '../schema/fieldModel.ts'
import { findDesktopOnly, SPACES_ONLY_RULES } from '../schema/fieldRules.ts'
import { secretValueKind } from './detectSecret.ts'

const text = (maxLength: number): fc.Arbitrary<string> =>
    fc
        .oneof(
            fc.string({ unit: 'binary', maxLength }),
            fc.string({ unit: 'grapheme', maxLength }),
            fc.string({ maxLength })
        )
        // The generators could spell a token prefix by chance; such values are refused by design.
        .filter((value) => secretValueKind(value) === undefined && Array.from(value).length <= maxLength)

const uuid = fc.oneof(
    fc.uuid(),
    fc.uuid().map((value) => value.toUpperCase()),
    fc.uuid().map((value) => value.replaceAll('-', ''))
)

/** Any value a valid form could hold for the field (blanks and untrimmed text included). */
export function arbitraryValidValue(field: Field): fc.Arbitrary<FormValue> {
    switch (field.kind) {
        case 'text':
        case 'longText': {
            const values = fc.oneof(text(field.maxLength ?? 500), fc.constant(field.defaultValue), fc.constant('  '))
            // spaces alone are refused where PostHog refuses a blank the form cannot leave out (a branch)
            const spacesRefused = SPACES_ONLY_RULES.some((rule) => rule.field === field.name)
            return spacesRefused ? values.filter((value) => value === '' || value.trim() !== '') : values
        }
        case 'secret':
            return fc.string()
        case 'url':
            return fc.oneof(fc.webUrl({ size: 'small' }), fc.constant(''))
        case 'uuid':
            return fc.oneof(
                uuid,
                fc.constant(''),
                uuid.map((value) => ` ${value} `)
            )
        case 'enum':
            // a value only PostHog Desktop can serve is never valid in a browser's form
            return fc.constantFrom(
                '',
                ...field.options
                    .map((option) => option.value)
                    .filter((value) => findDesktopOnly(field.name, value) === undefined)
            )
        case 'constant':
            return fc.constantFrom('', field.value)
        case 'boolean':
            return fc.constantFrom('', 'true', 'false')
        case 'stringList':
            return fc.array(text(field.itemMaxLength ?? 200), { maxLength: 6 })
        case 'objectList':
            return fc.array(
                fc.record(Object.fromEntries(field.itemFields.map((item) => [item.name, arbitraryValidValue(item)]))),
                { maxLength: 3 }
            )
    }
}

/** Values for a random subset of the model's fields, as the form holds them. */
export function arbitraryFormValues(model: FieldModel): fc.Arbitrary<FormValues> {
    const offered = model.fields.filter((field) => findDesktopOnly(field.name) === undefined)
    const entries = offered.map((field) =>
        fc.option(
            arbitraryValidValue(field).map((value): [string, FormValue] => [field.name, value]),
            { nil: undefined }
        )
    )
    return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((pair) => pair !== undefined)))
}
