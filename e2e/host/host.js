// Example host for Run Launcher's embed protocol (docs/embed-protocol.md), also driven by e2e/embed.spec.ts.
// Its own query is forwarded to the launcher; host_* parameters configure this page instead:
//   host_app=<origin>        where the launcher runs (default http://127.0.0.1:5174)
//   host_parent_origin=omit  leave parent_origin out, so the launcher falls back to the referrer
//   host_width=<px>          the frame's width (default 720)
;(() => {
    const PROTOCOL_VERSION = 1
    const own = new URLSearchParams(window.location.search)
    const APP_ORIGIN = own.get('host_app') ?? 'http://127.0.0.1:5174'
    const SAMPLE_VALUES = { pending_user_message: 'Fix the flaky checkout test', branch: 'main' }

    const appParams = new URLSearchParams()
    for (const [name, value] of own) {
        if (!name.startsWith('host_')) appParams.append(name, value)
    }
    if (!appParams.has('embed')) appParams.set('embed', '1')
    if (!appParams.has('parent_origin') && own.get('host_parent_origin') !== 'omit') {
        appParams.set('parent_origin', window.location.origin)
    }
    // The frame is transparent only when its colour scheme matches this page's; otherwise browsers paint a backdrop.
    const theme = appParams.get('theme')
    document.documentElement.style.colorScheme = theme === 'light' || theme === 'dark' ? theme : 'light dark'
    const width = Number(own.get('host_width'))
    if (Number.isFinite(width) && width > 0) document.documentElement.style.setProperty('--frame-width', `${width}px`)

    const list = document.getElementById('messages')
    const sendValuesButton = document.getElementById('send-values')
    const sendSubmitButton = document.getElementById('send-submit')
    const iframe = document.createElement('iframe')
    iframe.id = 'run-launcher'
    iframe.title = 'Run Launcher'
    iframe.src = `${APP_ORIGIN}/?${appParams.toString()}`
    iframe.referrerPolicy = 'origin'
    iframe.setAttribute(
        'sandbox',
        'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox'
    )

    /** Messages that passed the checks below, in order; tests read it. */
    window.receivedMessages = []
    /** Every message event this window got, checked or not, so tests can scan everything for leaks. */
    window.allMessages = []

    function log(text) {
        const item = document.createElement('li')
        item.textContent = text
        list.append(item)
    }

    /** Posts data to the launcher exactly as given, always naming the launcher's origin as the target. */
    window.postToLauncher = (data) => {
        iframe.contentWindow.postMessage(data, APP_ORIGIN)
    }
    /** Posts a protocol message: the envelope is added. */
    window.sendToLauncher = (message) => {
        window.postToLauncher({ source: 'run-launcher-host', version: PROTOCOL_VERSION, ...message })
    }

    window.addEventListener('message', (event) => {
        window.allMessages.push({ origin: event.origin, data: event.data })
        // Only our launcher frame, from the launcher's origin, speaking this protocol version.
        if (event.origin !== APP_ORIGIN || event.source !== iframe.contentWindow) return
        const message = event.data
        if (!message || message.source !== 'run-launcher' || message.version !== PROTOCOL_VERSION) return
        window.receivedMessages.push(message)
        log(JSON.stringify(message))
        switch (message.type) {
            case 'ready':
                sendValuesButton.disabled = false
                sendSubmitButton.disabled = false
                break
            case 'resize':
                iframe.style.height = `${message.height}px`
                break
        }
    })

    sendValuesButton.addEventListener('click', () => {
        window.sendToLauncher({ type: 'set-values', values: SAMPLE_VALUES })
    })
    sendSubmitButton.addEventListener('click', () => {
        window.sendToLauncher({ type: 'submit' })
    })

    // The listener is in place before the frame loads, so `ready` cannot be missed.
    document.getElementById('launcher-slot').append(iframe)
})()
