/** A budget: the app may cost at most `maxRatio` times what the reference costs, measured in the same run. */
export interface RatioBudget {
    kind: 'ratio'
    label: string
    app: number
    reference: number
    maxRatio: number
}

/** A budget that is simply met or not, like "typing re-renders no other field". */
export interface CheckBudget {
    kind: 'check'
    label: string
    pass: boolean
    detail: string
}

export type Budget = RatioBudget | CheckBudget

export type BudgetVerdict = Budget & { ratio: number; pass: boolean }

/** app / reference; 1 when both are 0 (nothing costs nothing), Infinity when only the reference is 0. */
export function toRatio(app: number, reference: number): number {
    if (reference === 0) return app === 0 ? 1 : Number.POSITIVE_INFINITY
    return app / reference
}

export function evaluateBudget(budget: Budget): BudgetVerdict {
    if (budget.kind === 'check') return { ...budget, ratio: Number.NaN }
    const ratio = toRatio(budget.app, budget.reference)
    // a missing measurement (NaN) never passes
    return { ...budget, ratio, pass: Number.isFinite(ratio) && ratio <= budget.maxRatio }
}

export function evaluateBudgets(budgets: readonly Budget[]): { verdicts: BudgetVerdict[]; failed: BudgetVerdict[] } {
    const verdicts = budgets.map(evaluateBudget)
    return { verdicts, failed: verdicts.filter((verdict) => !verdict.pass) }
}
