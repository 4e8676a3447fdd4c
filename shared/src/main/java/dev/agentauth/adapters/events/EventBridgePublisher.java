package dev.agentauth.adapters.events;

import dev.agentauth.application.events.DomainEvent;
import dev.agentauth.application.events.EventPublisher;
import dev.agentauth.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** Publishes on the stack's EventBridge bus with source {@code agentauth}; the detail gains {@code tenant_id}. */
final class EventBridgePublisher implements EventPublisher {

    static final String SOURCE = "agentauth";

    private final EventBridgeClient events;
    private final String busName;

    EventBridgePublisher(EventBridgeClient events, String busName) {
        this.events = events;
        this.busName = busName;
    }

    @Override
    public void publish(DomainEvent event) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("tenant_id", event.tenantId());
        detail.putAll(event.detail());
        PutEventsResponse response = events.putEvents(r -> r.entries(e -> e.eventBusName(busName).source(SOURCE)
                .detailType(event.detailType()).detail(Json.write(detail))));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            throw new IllegalStateException("the event bus rejected a " + event.detailType() + " event: "
                    + response.entries().getFirst().errorCode());
        }
    }
}
