import bundledSchemaDocument from '../src/contract/bundledSchemaDocument.json' with { type: 'json' }

import { buildHogError } from './hogError.ts'
import { jsonResponse } from './jsonResponse.ts'

export type SchemaDocumentOption = object | 'missing' | 'garbage' | 'error'

const YAML_TYPE = 'application/vnd.oai.openapi; charset=utf-8'
const JSON_TYPE = 'application/vnd.oai.openapi+json'

// SpectacularAPIView: YAML unless ?format=json or an Accept header asks for JSON; no authentication.
export function buildSchemaDocumentResponse(
    option: SchemaDocumentOption | undefined,
    url: URL,
    accept: string
): Response {
    if (option === 'missing') {
        return jsonResponse(404, buildHogError('invalid_request', 'not_found', 'Not found.'))
    }
    if (option === 'error') {
        return jsonResponse(500, buildHogError('server_error', 'error', 'A server error occurred.'))
    }
    const contentType = chooseContentType(url.searchParams.get('format'), accept)
    if (option === 'garbage') {
        const text = '<<<<<<< HEAD\nopenapi: [this is not\n  a schema document\n=======\n\u0000\u0001 binary noise'
        return new Response(text, { status: 200, headers: { 'content-type': contentType } })
    }
    // JSON is valid YAML, so the YAML answer carries the same text
    const text = JSON.stringify(option ?? bundledSchemaDocument, null, 2)
    return new Response(text, { status: 200, headers: { 'content-type': contentType } })
}

function chooseContentType(format: string | null, accept: string): string {
    if (format === 'json' || format === 'openapi-json') {
        return JSON_TYPE
    }
    if (format === 'yaml' || format === 'openapi') {
        return YAML_TYPE
    }
    if (accept.includes('application/vnd.oai.openapi+json')) {
        return JSON_TYPE
    }
    return accept.includes('application/json') ? 'application/json' : YAML_TYPE
}
