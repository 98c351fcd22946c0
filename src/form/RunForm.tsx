import { standardSchemaResolver } from '@hookform/resolvers/standard-schema'
import {
    memo,
    Suspense,
    useEffect,
    useEffectEvent,
    useImperativeHandle,
    useMemo,
    useState,
    type BaseSyntheticEvent,
    type ComponentType,
    type ReactNode,
    type Ref,
} from 'react'
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form'

import { lazyValue } from '../lib/lazyValue.ts'
import { buildFormSchema } from '../schema/buildFormSchema.ts'
import type { RunTarget } from '../schema/buildCurlCommand.ts'
import type { FieldModel, FormValues, RunRequestBody } from '../schema/fieldModel.ts'
import { FIELD_GROUPS } from '../schema/fieldLayout.ts'
import { FIELD, ruleDependencies, type RuleContext } from '../schema/fieldRules.ts'
import { resolveFields } from '../schema/resolveFields.ts'
import { FieldRow } from './FieldRow.tsx'
import { fieldSlot, NOTICE_SLOT, type FormSlots } from './formSlots.ts'
import { firstPaintFields } from './firstPaintFields.ts'
import { RunFormContext } from './runFormContext.ts'
import { validateOnce } from './validateOnce.ts'
import { useIdleAfterMount } from '../lib/useIdleAfterMount.ts'
import type { FieldPicker } from './formTypes.ts'
import type { RequestPreviewProps } from './RequestPreview.tsx'

/** Field errors from the server, applied each time `id` changes. */
export interface ServerFieldErrors {
    id: number
    errors: ReadonlyMap<string, string>
}

/** What the app may do to the form from outside (embed messages, prefill after load). */
export interface RunFormHandle {
    setValues: (values: FormValues) => void
    submit: () => void
    getValues: () => FormValues
    /** Moves focus to a field's control, as a server error does. */
    focus: (name: string) => void
    /**
     * The run started: the form is back to checking on submit. After a submit react-hook-form checks every change, and
     * the follow-up typed next would pay for validating the whole form on each key.
     */
    endSubmit: () => void
}

export interface RunFormProps {
    model: FieldModel
    context: RuleContext
    defaultValues: FormValues
    onSubmit: (body: RunRequestBody, values: FormValues) => void
    target: RunTarget
    serverErrors?: ServerFieldErrors | undefined
    lockedFields?: ReadonlySet<string> | undefined
    pickers?: ReadonlyMap<string, FieldPicker> | undefined
    /** Elements the app renders into with portals: the notice slot, and a slot under each field in `slotFields`. */
    slots?: FormSlots | undefined
    /** The fields that get a slot under them. */
    slotFields?: ReadonlySet<string> | undefined
    submitting?: boolean | undefined
    submitLabel?: string | undefined
    /** Called on every change without re-rendering the form (drafts). */
    onValuesChange?: ((values: FormValues) => void) | undefined
    /** Called when a submit stops at validation, with the fields that need attention. */
    onInvalid?: ((fieldNames: readonly string[]) => void) | undefined
    /** Folds the request preview away (compact layouts such as embed mode). */
    collapsePreview?: boolean | undefined
    /** The request preview beside the form, shown once the browser is idle; the app passes one loaded on demand. */
    preview?: ComponentType<RequestPreviewProps> | undefined
    /** Renders the fields down to the message at once and the rest once the browser is idle: the first key comes first. */
    progressive?: boolean | undefined
    /** A control to focus once mounted (the form remounted under the user's fingers). */
    focusField?: string | undefined
    ref?: Ref<RunFormHandle> | undefined
}

/** The request preview, folded away in compact layouts. */
function PreviewPanel({
    collapsed,
    Preview,
    ...props
}: RequestPreviewProps & { collapsed: boolean; Preview: ComponentType<RequestPreviewProps> }): ReactNode {
    return (
        <Suspense fallback={null}>
            {collapsed ? (
                <details className="preview-toggle">
                    <summary>Show the request PostHog will receive</summary>
                    <Preview {...props} />
                </details>
            ) : (
                <Preview {...props} />
            )}
        </Suspense>
    )
}

const DEPENDENCIES = ruleDependencies()
const NO_LOCKS: ReadonlySet<string> = new Set()
const NO_PICKERS: ReadonlyMap<string, FieldPicker> = new Map()
const NO_SLOT_FIELDS: ReadonlySet<string> = new Set()

function labelsOf(model: FieldModel, errors: FieldErrors<FormValues>): string[] {
    return Object.keys(errors).map((name) => model.byName.get(name)?.label ?? 'Confirmation')
}

/**
 * The run form, generated from the field model; it knows nothing about the network, URLs or embedding.
 * Memoised: the shell re-renders for its own state (panels, config) and the form should not follow.
 */
export const RunForm = memo(function RunForm({
    model,
    context,
    defaultValues,
    onSubmit,
    target,
    serverErrors,
    lockedFields = NO_LOCKS,
    pickers = NO_PICKERS,
    slots,
    slotFields = NO_SLOT_FIELDS,
    submitting = false,
    submitLabel = 'Start run',
    onValuesChange,
    onInvalid,
    collapsePreview = false,
    preview,
    progressive = false,
    focusField,
    ref,
}: RunFormProps): ReactNode {
    // Built on first use (a submit, or once idle): the zod schema is not needed to type the first character.
    // A submit checks the values once: the early check's result is what react-hook-form's own pass gets back.
    const lazySchema = useMemo(() => lazyValue(() => validateOnce(buildFormSchema(model, context))), [model, context])
    // Wrapping the built schema costs nothing, so only the schema is lazy.
    const resolver = useMemo(
        (): Resolver<FormValues, unknown, RunRequestBody> => (values, resolverContext, options) =>
            standardSchemaResolver(lazySchema())(values, resolverContext, options),
        [lazySchema]
    )
    const form = useForm<FormValues, unknown, RunRequestBody>({
        defaultValues,
        resolver,
        mode: 'onSubmit',
        reValidateMode: 'onChange',
    })
    const {
        control,
        handleSubmit,
        setError,
        setFocus,
        subscribe,
        setValue,
        getFieldState,
        getValues,
        register,
        reset,
    } = form
    const { clearErrors } = form
    const fieldContext = useMemo(
        () => ({ control, register, getValues, subscribe, setValue, getFieldState, setError, clearErrors }),
        [control, register, getValues, subscribe, setValue, getFieldState, setError, clearErrors]
    )
    const [summary, setSummary] = useState('')
    // Not needed to type the first character: the preview, and in a progressive form the lower fields, come at idle.
    const idle = useIdleAfterMount()

    // Only the values the rules read re-render the form; typing elsewhere stays inside its own field.
    const watched = useWatch({ control, name: DEPENDENCIES })
    const resolved = useMemo(() => {
        const values: FormValues = {}
        DEPENDENCIES.forEach((name, index) => {
            const value = watched[index]
            if (value !== undefined) values[name] = value
        })
        return resolveFields(model, values, context)
    }, [model, context, watched])
    // The message is where people type first: a progressive form paints down to it, and the rest at idle.
    const shown = progressive && !idle ? firstPaintFields(resolved, FIELD.message) : resolved

    useEffect(() => {
        if (idle) lazySchema()
    }, [idle, lazySchema])

    useEffect(() => {
        if (focusField !== undefined) setFocus(focusField)
    }, [focusField, setFocus])

    useEffect(() => {
        if (!onValuesChange) return undefined
        return subscribe({
            formState: { values: true },
            callback: ({ values }) => {
                onValuesChange(values)
            },
        })
    }, [subscribe, onValuesChange])

    useEffect(() => {
        if (!serverErrors) return
        let first: string | undefined
        for (const [name, message] of serverErrors.errors) {
            setError(name, { type: 'server', message })
            first ??= name
        }
        if (first) setFocus(first)
    }, [serverErrors, setError, setFocus])

    const onValid = (body: RunRequestBody) => {
        if (!submitting) onSubmit(body, getValues())
        setSummary('')
    }
    const onInvalidValues = (errors: FieldErrors<FormValues>) => {
        const labels = labelsOf(model, errors)
        setSummary(
            `${labels.length === 1 ? '1 field needs' : `${labels.length} fields need`} attention: ${labels.join(', ')}.`
        )
        onInvalid?.(Object.keys(errors))
    }
    const submit = (event?: BaseSyntheticEvent) => {
        // Valid values start the run at once: react-hook-form's own pass clears errors, which re-renders every
        // field, and that should follow the request rather than hold it up.
        event?.preventDefault()
        const checked = lazySchema()['~standard'].validate(getValues())
        const startedEarly = !(checked instanceof Promise) && checked.issues === undefined
        if (startedEarly) onValid(checked.value)
        return handleSubmit(startedEarly ? () => undefined : onValid, onInvalidValues)(event)
    }

    // The handle is made once; what it calls always sees the latest render's props.
    const submitLatest = useEffectEvent(() => {
        void submit()
    })
    useImperativeHandle(
        ref,
        () => ({
            setValues: (values) => {
                // Field by field, so errors shown elsewhere stay; a field already in error is checked again.
                for (const [name, value] of Object.entries(values)) {
                    if (value === undefined) continue
                    setValue(name, value, { shouldDirty: true, shouldValidate: getFieldState(name).invalid })
                }
            },
            submit: submitLatest,
            getValues: () => getValues(),
            focus: (name) => {
                setFocus(name)
            },
            endSubmit: () => {
                reset(undefined, {
                    keepValues: true,
                    keepDirty: true,
                    keepDirtyValues: true,
                    keepDefaultValues: true,
                    keepTouched: true,
                    keepSubmitCount: true,
                })
            },
        }),
        [setValue, getFieldState, getValues, setFocus, reset]
    )

    return (
        <RunFormContext value={fieldContext}>
            <div className="form-layout">
                <form
                    className="run-form"
                    noValidate
                    aria-label="Run settings"
                    onSubmit={(event) => {
                        void submit(event)
                    }}
                >
                    {FIELD_GROUPS.map((group) => {
                        const fields = shown.filter((entry) => entry.field.group === group.id)
                        if (fields.length === 0) return null
                        return (
                            <fieldset key={group.id} className="group">
                                <legend className="group-title">{group.title}</legend>
                                {fields.map((entry) => (
                                    <FieldRow
                                        key={entry.field.name}
                                        resolved={entry}
                                        locked={lockedFields.has(entry.field.name)}
                                        picker={pickers.get(entry.field.name)}
                                        slot={
                                            slots && slotFields.has(entry.field.name)
                                                ? slots.ref(fieldSlot(entry.field.name))
                                                : undefined
                                        }
                                    />
                                ))}
                            </fieldset>
                        )
                    })}
                    {slots ? <div className="form-slot" ref={slots.ref(NOTICE_SLOT)} /> : null}
                    <div className="submit-bar">
                        <button type="submit" className="button primary" disabled={submitting} aria-busy={submitting}>
                            {submitting ? 'Starting…' : submitLabel}
                        </button>
                        <p className="form-summary" role="status">
                            {summary}
                        </p>
                    </div>
                </form>
                {idle && preview ? (
                    <PreviewPanel
                        Preview={preview}
                        model={model}
                        context={context}
                        target={target}
                        collapsed={collapsePreview}
                    />
                ) : null}
            </div>
        </RunFormContext>
    )
})
