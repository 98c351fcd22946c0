import { createHmac, timingSafeEqual } from 'node:crypto'

// The fake bucket's signing secret; it only has to be stable for one process.
const SIGNING_SECRET = 'fake-posthog-storage-secret'
const ACCESS_KEY_ID = 'FAKEPOSTHOGSTORAGE'
const BUCKET = 'posthog-fake-object-storage'

export const UPLOAD_SLACK_BYTES = 64 * 1024

export interface PresignInput {
    key: string
    contentType: string | null
    maxBytes: number
    issuedAt: Date
    expiresAt: Date
}

// boto3's generate_presigned_post: the fields the browser must send back verbatim before the file.
export function presignPost(input: PresignInput): Record<string, string> {
    const stamp = input.issuedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')
    const credential = `${ACCESS_KEY_ID}/${stamp.slice(0, 8)}/us-east-1/s3/aws4_request`
    const signed: Record<string, string> = {
        key: input.key,
        ...(input.contentType === null ? {} : { 'Content-Type': input.contentType }),
        'x-amz-algorithm': 'AWS4-HMAC-SHA256',
        'x-amz-credential': credential,
        'x-amz-date': stamp,
    }
    const policy = Buffer.from(
        JSON.stringify({
            expiration: input.expiresAt.toISOString(),
            conditions: [
                { bucket: BUCKET },
                ...Object.entries(signed).map(([name, value]) => ({ [name]: value })),
                ['content-length-range', 0, input.maxBytes],
            ],
        })
    ).toString('base64')
    return { ...signed, policy, 'x-amz-signature': signPolicy(policy) }
}

export function signPolicy(policy: string): string {
    return createHmac('sha256', SIGNING_SECRET).update(policy).digest('hex')
}

export function isPolicySignatureValid(policy: string, signature: string): boolean {
    const expected = Buffer.from(signPolicy(policy))
    const actual = Buffer.from(signature)
    return expected.length === actual.length && timingSafeEqual(expected, actual)
}
