import type { ModelChoice } from '../contract/bundledModelCatalog.ts'
import type { FieldPicker } from '../form/formTypes.ts'

/** The model list as a picker; needs no connection, so the form has it from the first render. */
export function modelPicker(models: readonly ModelChoice[]): FieldPicker {
    return {
        status: 'ready',
        label: 'models',
        placeholder: 'Choose a model…',
        emptyMessage: 'No models listed: type a model ID.',
        options: models.map((choice) => ({ value: choice.model, label: choice.displayName, detail: choice.model })),
    }
}
