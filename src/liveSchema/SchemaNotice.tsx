import type { ReactNode } from 'react'

import type { SchemaProblem } from '../schema/fieldModel.ts'
import { Banner } from '../ui/Banner.tsx'
import type { FieldModelState } from './useFieldModel.ts'

interface SchemaNoticeProps {
    schema: FieldModelState
}

function countOf(n: number, one: string, many: string): string {
    return n === 1 ? `1 ${one}` : `${n} ${many}`
}

function ProblemList({ problems }: { problems: readonly SchemaProblem[] }): ReactNode {
    return (
        <details className="schema-problems">
            <summary>Show what this form could not use ({problems.length})</summary>
            <ul className="problem-list">
                {problems.map((problem, index) => (
                    <li key={`${problem.path}-${index}`}>
                        <code>{problem.path === '' ? '(document)' : problem.path}</code>: {problem.message}
                    </li>
                ))}
            </ul>
        </details>
    )
}

/** Which run schema the form follows, and anything in PostHog's that it could not render; one line when all is well. */
export function SchemaNotice({ schema }: SchemaNoticeProps): ReactNode {
    const { source, model, problems, fallbackReason, settled, loading, retry } = schema
    const fields = countOf(model.fields.length, 'field', 'fields')
    const checking = loading ? ' Loading PostHog’s schema…' : ''
    if (source === 'live' && problems.length === 0) {
        return (
            <p className="schema-notice schema-status" role="status">
                Using PostHog’s live run schema ({fields}).{checking}
            </p>
        )
    }
    if (source === 'live') {
        return (
            <div className="schema-notice">
                <Banner tone="warning" title={`Using PostHog’s live run schema (${fields})`}>
                    <p>
                        This form could not use {countOf(problems.length, 'part', 'parts')} of it. A field it cannot
                        show is left out of the run request, so PostHog’s default applies.{checking}
                    </p>
                    <ProblemList problems={problems} />
                </Banner>
            </div>
        )
    }
    if (!settled) {
        return (
            <p className="schema-notice schema-status" role="status">
                Using the bundled run schema: {fallbackReason}
            </p>
        )
    }
    return (
        <div className="schema-notice">
            <Banner tone="warning" title={`Using the bundled run schema: ${fallbackReason ?? ''}`}>
                <p>
                    The form works as usual, but fields PostHog added after this version of Run Launcher are not shown.
                    {checking}
                </p>
                {problems.length > 0 ? <ProblemList problems={problems} /> : null}
                {retry && !loading ? (
                    <div className="submit-bar">
                        <button type="button" className="button secondary small" onClick={retry}>
                            Try loading PostHog’s schema again
                        </button>
                    </div>
                ) : null}
            </Banner>
        </div>
    )
}
