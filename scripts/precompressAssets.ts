import type { Plugin } from 'vite'
import { compression } from 'vite-plugin-compression2'

/**
 * Writes .br and .gz beside every text asset of the build, at the highest levels: the server sends them as they are,
 * so no request pays for compression and browsers that take Brotli get the smaller file.
 */
export function precompressAssets(): Plugin {
    return compression({
        algorithms: [
            ['brotliCompress', {}],
            ['gzip', { level: 9 }],
        ],
        include: /\.(?:html|css|js|json|svg)$/,
        // the size below which the server's own compression also leaves a response alone
        threshold: 1024,
        logLevel: 'silent',
    })
}
