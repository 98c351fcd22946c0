import { createHash, randomUUID } from 'node:crypto'

import type { MiddlewareHandler } from 'hono'

import type { FakeState } from './FakeState.ts'
import { isPolicySignatureValid, UPLOAD_SLACK_BYTES } from './presignPost.ts'

export const STORAGE_UPLOAD_PATH = '/__storage/upload'

// A typical bucket CORS rule: any origin, no credentials, so a credentialed browser request is refused.
export const storageCorsMiddleware: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header('origin')
    if (c.req.method === 'OPTIONS') {
        const response = new Response(null, { status: 200 })
        response.headers.set('vary', 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method')
        if (origin !== undefined) {
            response.headers.set('access-control-allow-origin', '*')
            response.headers.set('access-control-allow-methods', 'POST')
            const requested = c.req.header('access-control-request-headers')
            if (requested !== undefined) {
                response.headers.set('access-control-allow-headers', requested)
            }
            response.headers.set('access-control-max-age', '3000')
        }
        return response
    }
    await next()
    c.res.headers.set('vary', 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method')
    if (origin !== undefined) {
        c.res.headers.set('access-control-allow-origin', '*')
    }
    return undefined
}

// S3's presigned POST: the issued fields verbatim, then the file; fields after the file are ignored.
export async function handleStorageUpload(state: FakeState, request: Request): Promise<Response> {
    const contentType = request.headers.get('content-type') ?? ''
    if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
        return s3Error(412, 'PreconditionFailed', 'Bucket POST must be of the enclosure-type multipart/form-data')
    }
    let form: FormData
    try {
        form = await request.formData()
    } catch {
        return s3Error(
            400,
            'MalformedPOSTRequest',
            'The body of your POST request is not well-formed multipart/form-data.'
        )
    }
    const fields = new Map<string, string>()
    let file: File | undefined
    for (const [name, value] of form.entries()) {
        if (typeof value !== 'string') {
            if (name === 'file') {
                file = value
                break
            }
            continue
        }
        fields.set(name, value)
    }
    if (file === undefined) {
        return s3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.')
    }
    const policy = fields.get('policy') ?? ''
    if (!isPolicySignatureValid(policy, fields.get('x-amz-signature') ?? '')) {
        return s3Error(
            403,
            'SignatureDoesNotMatch',
            'The request signature we calculated does not match the signature you provided. Check your key and signing method.'
        )
    }
    const artifact = state.findStagedArtifactByPath(fields.get('key') ?? '')
    if (artifact === undefined) {
        return s3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$key"]')
    }
    for (const [name, issued] of Object.entries(artifact.fields)) {
        if (fields.get(name) !== issued) {
            const condition = JSON.stringify(['eq', `$${name}`, issued]).replaceAll(',', ', ')
            return s3Error(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ${condition}`)
        }
    }
    const extra = [...fields.keys()].filter((name) => !(name in artifact.fields) && !name.startsWith('x-ignore-'))
    if (extra.length > 0) {
        return s3Error(403, 'AccessDenied', `Invalid according to Policy: Extra input fields: ${extra.join(', ')}`)
    }
    if (state.now() > artifact.policyExpiresAt) {
        return s3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.')
    }
    const bytes = new Uint8Array(await file.arrayBuffer())
    if (bytes.byteLength > artifact.size + UPLOAD_SLACK_BYTES) {
        return s3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size')
    }
    artifact.upload = { bytes, uploadedAt: state.now().toISOString() }
    const etag = createHash('md5').update(bytes).digest('hex')
    const location = `${new URL(request.url).origin}/__storage/${encodeURIComponent(artifact.storage_path)}`
    return new Response(null, { status: 204, headers: { etag: `"${etag}"`, location } })
}

function s3Error(status: number, code: string, message: string): Response {
    const xml = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>${randomUUID()}</RequestId></Error>`,
    ].join('\n')
    return new Response(xml, { status, headers: { 'content-type': 'application/xml' } })
}

function escapeXml(text: string): string {
    return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
}
