import type { ModelChoice } from '../contract/bundledModelCatalog.ts'
import type { FieldPicker } from '../form/formTypes.ts'
import { runDefaultsLabel, type RunDefaults } from '../schema/runDefaults.ts'

/**
 * The model list as a picker; needs no connection, so the form has it from the first render. With PostHog's defaults
 * resolved, the empty choice is PostHog's default model, named, instead of a prompt to choose.
 */
export function modelPicker(models: readonly ModelChoice[], runDefaults?: RunDefaults): FieldPicker {
    return {
        status: 'ready',
        label: 'models',
        placeholder: runDefaults ? runDefaultsLabel(runDefaults, models) : 'Choose a model…',
        emptyMessage: 'No models listed: type a model ID.',
        options: models.map((choice) => ({ value: choice.model, label: choice.displayName, detail: choice.model })),
    }
}
