package dev.veritas.capture;

import dev.veritas.audit.WireEnum;

/** Where a capture came from: a real browser, plain HTTP (no browser on this machine), or a HAR file. */
public enum CaptureSource implements WireEnum {
    CHROMIUM, HTTP, HAR
}
