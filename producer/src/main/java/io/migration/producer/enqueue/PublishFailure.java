package io.migration.producer.enqueue;

import java.io.IOException;

/**
 * Publishing stopped: the broker could not route a message, refused it, blocked publishing for
 * too long, did not confirm in time, or the connection was lost. What was confirmed before was
 * reported as such; the rest can be published again.
 */
public final class PublishFailure extends IOException {

    public PublishFailure(String message) {
        super(message);
    }

    public PublishFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
