package dev.agentauth.bench.counter;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;

/** EventBridge bills per event entry (64 KB chunks), not per call. Touched only when EventBridge is on the classpath. */
final class EventEntries {
    private EventEntries() {}

    static void record(SdkRequest request) {
        if (request instanceof PutEventsRequest put) {
            int chunks = 0;
            for (var entry : put.entries()) {
                int size = entry.detail() == null ? 0 : entry.detail().length();
                chunks += Math.max(1, (size + 65_535) / 65_536);
            }
            CallCounter.events(chunks);
        }
    }
}
