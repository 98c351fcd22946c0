import type { FakeApiKey, FakeProject, FakeUser } from './fakeEntities.ts'
import type { FakeState } from './FakeState.ts'
import { buildHogError, buildNotFoundFailure } from './hogError.ts'
import type { HttpFailure } from './jsonResponse.ts'

export interface AccessRequirement {
    // e.g. 'task:read'; ':write' also satisfies ':read'; omitted when only authentication matters
    scope?: string
    // PostHog's own views keep 401; the tasks viewsets list DRF's SessionAuthentication first, which turns it into 403
    family: 'core' | 'product'
    // the raw {project_id} URL segment, when the route has one
    projectId?: string
}

export type AccessResult =
    | { ok: true; key: FakeApiKey; user: FakeUser; project: FakeProject | undefined }
    | { ok: false; failure: HttpFailure }

export interface AuthorizeContext {
    state: FakeState
    authorization: string | undefined
    unauthenticatedStatus: 401 | 403
    origin: string
}

const BEARER_PATTERN = /^Bearer\s+(\S.*)$/

// Authentication, then the key's project list, then its scopes, then the project itself.
export function authorizeRequest(context: AuthorizeContext, requirement: AccessRequirement): AccessResult {
    const status = requirement.family === 'core' ? 401 : context.unauthenticatedStatus
    const token = BEARER_PATTERN.exec(context.authorization ?? '')?.[1]
    if (token === undefined) {
        return refuseAuthentication(
            context,
            status,
            'not_authenticated',
            'Authentication credentials were not provided.'
        )
    }
    const key = context.state.findApiKey(token.trim())
    const user = key === undefined ? undefined : context.state.findUser(key.userId)
    if (key === undefined || user === undefined) {
        return refuseAuthentication(
            context,
            status,
            'authentication_failed',
            'Personal API key found in request Authorization header is invalid.'
        )
    }
    const projectId = requirement.projectId
    if (projectId !== undefined && isOutsideScopedTeams(key, projectId)) {
        return refusePermission(`API key does not have access to the requested project: ID ${projectId}.`)
    }
    if (requirement.scope !== undefined && !hasScope(key, requirement.scope)) {
        return refusePermission(`API key missing required scope '${requirement.scope}'`)
    }
    if (projectId === undefined) {
        return { ok: true, key, user, project: undefined }
    }
    const project = /^\d+$/.test(projectId) ? context.state.findProject(Number(projectId)) : undefined
    if (project === undefined) {
        return { ok: false, failure: buildNotFoundFailure() }
    }
    return { ok: true, key, user, project }
}

export function hasScope(key: FakeApiKey, required: string): boolean {
    const scopes = key.scopes ?? []
    if (scopes.length === 0 || scopes.includes('*') || scopes.includes(required)) {
        return true
    }
    const [object, action] = required.split(':')
    return action === 'read' && scopes.includes(`${object ?? ''}:write`)
}

function isOutsideScopedTeams(key: FakeApiKey, projectId: string): boolean {
    const teams = key.scopedTeams ?? []
    return teams.length > 0 && !teams.some((team) => String(team) === projectId)
}

function refuseAuthentication(
    context: AuthorizeContext,
    status: 401 | 403,
    code: string,
    detail: string
): AccessResult {
    const body = buildHogError('authentication_error', code, detail)
    if (status === 403) {
        return { ok: false, failure: { status, body } }
    }
    const metadata = `${context.origin}/.well-known/oauth-protected-resource`
    return {
        ok: false,
        failure: { status, body, headers: { 'www-authenticate': `Bearer resource_metadata="${metadata}"` } },
    }
}

function refusePermission(detail: string): AccessResult {
    return {
        ok: false,
        failure: { status: 403, body: buildHogError('authentication_error', 'permission_denied', detail) },
    }
}
